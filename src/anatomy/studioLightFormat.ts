/**
 * models/studio-light.bin: the studio light already prefiltered (docs/models.md, "The studio light"), so that a
 * viewer draws its first frame without building it on the GPU. Its reader lives here, beside the spine model's,
 * because the decoding worker reads both (the page uploads it, scene/studioLight/). Layout:
 *
 *   bytes 0–3   "SPVL"
 *   byte  4     format version (1)
 *   byte  5     mip levels
 *   bytes 6–7   face size of level 0, px (little-endian)
 *   byte  8     mantissa bits dropped from each half float (MANTISSA_BITS_DROPPED)
 *   then        a raw deflate stream (RFC 1951) of every level's six faces (+X, −X, +Y, −Y, +Z, −Z), each face's
 *               red, green and blue planes, each plane's rows from t = 0: per texel, its half float shifted right by
 *               the dropped bits, less the gradient prediction from its left, upper and upper-left neighbours
 *               (modulo 2¹⁶); all the low bytes, then all the high bytes
 *
 * The light varies smoothly over most of each face, so the residuals are small numbers that deflate packs tightly
 * (about 22 kB against 91 kB for the halves as they are), and the file needs no server compression.
 */

/** A prefiltered cube in three.js's cube-texture convention: what `studioLightTexture` uploads as it is. */
export interface StudioLightCube {
  /** Face size of level 0 (px); level n is size >> n. */
  size: number;
  levels: number;
  /** Red, green and blue half floats (three.js DataUtils.toHalfFloat), level by level, face by face, row by row. */
  rgb: Uint16Array;
}

/**
 * Of a half float's 10 mantissa bits, 3 are dropped (rounded): a relative error of at most 0.4 %, under one level
 * of 255 in any pixel lit by this fill light, and a file a quarter smaller than with all 10.
 */
export const MANTISSA_BITS_DROPPED = 3;

const MAGIC = 'SPVL';
const VERSION = 1;
const HEADER_BYTES = 9;
const FACES = 6;
/** Largest face this format is expected to carry (a guard against a corrupt header, not a design limit). */
const MAX_SIZE = 1024;

/** How many texels a cube of `levels` mip levels with `size` px faces at level 0 holds. */
export function cubeTexelCount(size: number, levels: number): number {
  let count = 0;
  for (let level = 0; level < levels; level++) count += FACES * (size >> level) ** 2;
  return count;
}

/** Where level `level`, face `face` begins in a cube's `rgb` (in half floats). */
export function faceOffset(size: number, level: number, face: number): number {
  return 3 * (cubeTexelCount(size, level) + face * (size >> level) ** 2);
}

/**
 * Visit every colour plane of a cube: `plane(start, side)` gets where its first value lies in `rgb` (then every
 * third value, row by row) and its side.
 */
function forEachPlane(size: number, levels: number, plane: (start: number, side: number) => void): void {
  for (let level = 0; level < levels; level++)
    for (let face = 0; face < FACES; face++)
      for (let channel = 0; channel < 3; channel++)
        plane(faceOffset(size, level, face) + channel, size >> level);
}

/** The gradient predictor: left + up − upper-left, with the missing neighbours of the first row and column. */
function predicted(values: Uint16Array, at: number, x: number, y: number, side: number): number {
  const left = x > 0 ? values[at - 3]! : 0;
  const up = y > 0 ? values[at - 3 * side]! : 0;
  if (x === 0) return up;
  if (y === 0) return left;
  return left + up - values[at - 3 * side - 3]!;
}

/**
 * `bytes` through a (de)compression stream. Written and read directly: through a Blob and a Response the same
 * took about ten times as long on a cold page (about 3 ms for the studio light).
 */
async function transformed(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // A corrupt stream fails the reads below; the writer's own promises fail with it and are answered there.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    length += read.value.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The file's bytes for `cube` (its halves rounded to the bits kept). */
export async function encodeStudioLight(cube: StudioLightCube): Promise<Uint8Array> {
  const count = cube.rgb.length;
  if (count !== 3 * cubeTexelCount(cube.size, cube.levels))
    throw new Error('studio light: texel count does not match size and levels');
  const half = 1 << (MANTISSA_BITS_DROPPED - 1);
  // Light is never negative: a −0 becomes 0; the largest finite half stays finite once rounded.
  const kept = cube.rgb.map((value) =>
    value & 0x8000 ? 0 : Math.min((value + half) >> MANTISSA_BITS_DROPPED, 0x7bff >> MANTISSA_BITS_DROPPED),
  );
  const residuals = new Uint8Array(2 * count);
  let out = 0;
  forEachPlane(cube.size, cube.levels, (start, side) => {
    for (let y = 0, at = start; y < side; y++)
      for (let x = 0; x < side; x++, at += 3) {
        const residual = (kept[at]! - predicted(kept, at, x, y, side)) & 0xffff;
        residuals[out] = residual & 0xff;
        residuals[count + out++] = residual >> 8;
      }
  });
  const payload = await transformed(residuals, new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(HEADER_BYTES + payload.length);
  for (let i = 0; i < 4; i++) bytes[i] = MAGIC.charCodeAt(i);
  bytes[4] = VERSION;
  bytes[5] = cube.levels;
  bytes[6] = cube.size & 0xff;
  bytes[7] = cube.size >> 8;
  bytes[8] = MANTISSA_BITS_DROPPED;
  bytes.set(payload, HEADER_BYTES);
  return bytes;
}

/** Read the file's bytes; rejects with what is wrong when they are not a studio light this code can use. */
export async function decodeStudioLight(buffer: ArrayBuffer): Promise<StudioLightCube> {
  const bytes = new Uint8Array(buffer);
  const header = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length < HEADER_BYTES || header !== MAGIC)
    throw new Error('studio light: not a studio light file');
  if (bytes[4] !== VERSION) throw new Error(`studio light: format version ${bytes[4]} is not ${VERSION}`);
  const levels = bytes[5]!;
  const size = bytes[6]! | (bytes[7]! << 8);
  const dropped = bytes[8]!;
  const powerOfTwo = size > 0 && (size & (size - 1)) === 0;
  if (!powerOfTwo || size > MAX_SIZE || levels < 1 || size >> (levels - 1) < 1 || dropped > 10)
    throw new Error(
      `studio light: ${size} px faces, ${levels} levels, ${dropped} bits dropped is not a cube`,
    );
  const count = 3 * cubeTexelCount(size, levels);
  const residuals = await transformed(bytes.subarray(HEADER_BYTES), new DecompressionStream('deflate-raw'));
  if (residuals.length !== 2 * count)
    throw new Error(`studio light: ${residuals.length} bytes of texels, expected ${2 * count}`);
  const rgb = new Uint16Array(count);
  let from = 0;
  forEachPlane(size, levels, (start, side) => {
    for (let y = 0, at = start; y < side; y++)
      for (let x = 0; x < side; x++, at += 3) {
        const residual = residuals[from]! | (residuals[count + from++]! << 8);
        rgb[at] = (residual + predicted(rgb, at, x, y, side)) & 0xffff;
      }
  });
  // Back to half floats: every kept value shifted into place (the predictions above run on the kept values).
  for (let i = 0; i < count; i++) rgb[i] = rgb[i]! << dropped;
  return { size, levels, rgb };
}

/** Fetch the file at `url` and read it: on the page or in the decoding worker, with the same errors. */
export async function loadStudioLight(url: string): Promise<StudioLightCube> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The studio light could not be loaded (HTTP ${response.status}).`);
  return decodeStudioLight(await response.arrayBuffer());
}
