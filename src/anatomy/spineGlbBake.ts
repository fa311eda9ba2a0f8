/*
 * The arithmetic of loadSpineModel's bakeQuantization without three.js, for the decoding worker: quantised
 * attributes expanded to float and a part mesh moved into its bone's frame. Each formula is three.js's own
 * (MathUtils.denormalize, Matrix4.compose, Matrix3.getNormalMatrix, Vector3.applyMatrix4 / applyNormalMatrix /
 * normalize), in the same order and with the same float32 roundings in between, so the worker's numbers are bit
 * for bit those of the GLTFLoader path (tested). One pass per attribute, straight from the decoded buffer view:
 * this runs in a freshly started worker, where every extra pass over 77 000 vertices shows in the first frame.
 */

/** A typed array of one of glTF's component types. */
export type ComponentArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Uint32Array | Float32Array;

/** An accessor's items inside its buffer view: item i starts at `first + i * stride` (in components). */
export interface StridedItems {
  source: ComponentArray;
  first: number;
  stride: number;
  count: number;
  normalized: boolean;
}

/**
 * What a stored value is divided by to read it as a float (three.js's denormalize), 0 for none, and whether the
 * result is clamped at −1 (signed types).
 */
function denormalization({ source, normalized }: StridedItems): { divisor: number; signed: boolean } {
  if (!normalized || source instanceof Float32Array) return { divisor: 0, signed: false };
  if (source instanceof Uint32Array) return { divisor: 4294967295.0, signed: false };
  if (source instanceof Uint16Array) return { divisor: 65535.0, signed: false };
  if (source instanceof Uint8Array) return { divisor: 255.0, signed: false };
  if (source instanceof Int16Array) return { divisor: 32767.0, signed: true };
  return { divisor: 127.0, signed: true };
}

/** Component `k` of item `i` as three.js's BufferAttribute.getX/Y/Z reads it, rounded to float32 as stored. */
function reader(items: StridedItems): (i: number, k: number) => number {
  const { source, first, stride } = items;
  const { divisor, signed } = denormalization(items);
  if (divisor === 0) return (i, k) => Math.fround(source[first + i * stride + k]!);
  if (signed) return (i, k) => Math.fround(Math.max(source[first + i * stride + k]! / divisor, -1.0));
  return (i, k) => Math.fround(source[first + i * stride + k]! / divisor);
}

/** A node's local matrix from its translation, rotation (x, y, z, w) and scale, column-major (Matrix4.compose). */
export function composeMatrix(
  t: readonly number[] = [0, 0, 0],
  q: readonly number[] = [0, 0, 0, 1],
  s: readonly number[] = [1, 1, 1],
): number[] {
  const [x, y, z, w] = q as [number, number, number, number];
  const x2 = x + x,
    y2 = y + y,
    z2 = z + z;
  const xx = x * x2,
    xy = x * y2,
    xz = x * z2;
  const yy = y * y2,
    yz = y * z2,
    zz = z * z2;
  const wx = w * x2,
    wy = w * y2,
    wz = w * z2;
  const [sx, sy, sz] = s as [number, number, number];
  return [
    (1 - (yy + zz)) * sx, (xy + wz) * sx, (xz - wy) * sx, 0,
    (xy - wz) * sy, (1 - (xx + zz)) * sy, (yz + wx) * sy, 0,
    (xz + wy) * sz, (yz - wx) * sz, (1 - (xx + yy)) * sz, 0,
    t[0]!, t[1]!, t[2]!, 1,
  ]; // prettier-ignore
}

/** The inverse transpose of the matrix's upper 3 × 3, column-major (Matrix3.getNormalMatrix). */
export function normalMatrix(m: ArrayLike<number>): number[] {
  const n11 = m[0]!,
    n21 = m[1]!,
    n31 = m[2]!;
  const n12 = m[4]!,
    n22 = m[5]!,
    n32 = m[6]!;
  const n13 = m[8]!, n23 = m[9]!, n33 = m[10]!; // prettier-ignore
  const t11 = n33 * n22 - n32 * n23,
    t12 = n32 * n13 - n33 * n12,
    t13 = n23 * n12 - n22 * n13;
  const det = n11 * t11 + n21 * t12 + n31 * t13;
  if (det === 0) return [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const d = 1 / det;
  const inv = [
    t11 * d, (n31 * n23 - n33 * n21) * d, (n32 * n21 - n31 * n22) * d,
    t12 * d, (n33 * n11 - n31 * n13) * d, (n31 * n12 - n32 * n11) * d,
    t13 * d, (n21 * n13 - n23 * n11) * d, (n22 * n11 - n21 * n12) * d,
  ]; // prettier-ignore
  return [inv[0]!, inv[3]!, inv[6]!, inv[1]!, inv[4]!, inv[7]!, inv[2]!, inv[5]!, inv[8]!];
}

/** Each item's first three components, as read, through `write` into a new float array (three per item). */
function mapTriples(
  items: StridedItems,
  write: (x: number, y: number, z: number, out: Float32Array, at: number) => void,
): Float32Array {
  const read = reader(items);
  const out = new Float32Array(items.count * 3);
  for (let i = 0; i < items.count; i++) write(read(i, 0), read(i, 1), read(i, 2), out, 3 * i);
  return out;
}

/** Float positions moved by matrix `e` (toFloat, then BufferGeometry.applyMatrix4). */
export function bakedPoints(items: StridedItems, e: readonly number[]): Float32Array {
  return mapTriples(items, (x, y, z, out, o) => {
    const w = 1 / (e[3]! * x + e[7]! * y + e[11]! * z + e[15]!);
    out[o] = (e[0]! * x + e[4]! * y + e[8]! * z + e[12]!) * w;
    out[o + 1] = (e[1]! * x + e[5]! * y + e[9]! * z + e[13]!) * w;
    out[o + 2] = (e[2]! * x + e[6]! * y + e[10]! * z + e[14]!) * w;
  });
}

/**
 * Float normals turned by normal matrix `e` and normalised (applyNormalMatrix), then normalised once more from
 * the stored floats (BufferGeometry.normalizeNormals), as bakeQuantization does.
 */
export function bakedNormals(items: StridedItems, e: readonly number[]): Float32Array {
  return mapTriples(items, (x, y, z, out, o) => {
    const nx = e[0]! * x + e[3]! * y + e[6]! * z;
    const ny = e[1]! * x + e[4]! * y + e[7]! * z;
    const nz = e[2]! * x + e[5]! * y + e[8]! * z;
    const s = 1 / (Math.sqrt(nx * nx + ny * ny + nz * nz) || 1);
    const fx = Math.fround(nx * s),
      fy = Math.fround(ny * s),
      fz = Math.fround(nz * s);
    const t = 1 / (Math.sqrt(fx * fx + fy * fy + fz * fz) || 1);
    out[o] = fx * t;
    out[o + 1] = fy * t;
    out[o + 2] = fz * t;
  });
}

/** Vertex colours as plain RGB normalised bytes (colorBytes in loadSpineModel). */
export function bakedColors(items: StridedItems): Uint8Array {
  const read = reader(items);
  const out = new Uint8Array(items.count * 3);
  for (let i = 0; i < items.count; i++)
    for (let k = 0; k < 3; k++) out[3 * i + k] = Math.round(read(i, k) * 255);
  return out;
}
