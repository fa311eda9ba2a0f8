/**
 * RLE Lossless pixel data (DICOM PS3.5 Annex G): a 64-byte header of sixteen little-endian 32-bit numbers (how many
 * segments, then each segment's byte offset), then one PackBits-coded segment per byte plane, most significant
 * byte first. A 16-bit image has two segments; an 8-bit one has one.
 */
export function decodeRleFrame(frame: Uint8Array, pixelCount: number, bytesPerPixel: number): Uint8Array {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const segments = view.getUint32(0, true);
  if (segments !== bytesPerPixel)
    throw new Error(`RLE frame has ${segments} segments, expected ${bytesPerPixel}`);
  // Little-endian output: segment 0 (most significant byte) goes to byte bytesPerPixel − 1 of each pixel.
  const out = new Uint8Array(pixelCount * bytesPerPixel);
  for (let s = 0; s < segments; s++) {
    const start = view.getUint32(4 + 4 * s, true);
    const end = s + 1 < segments ? view.getUint32(8 + 4 * s, true) : frame.byteLength;
    decodePackBits(frame, start, end, out, bytesPerPixel - 1 - s, bytesPerPixel, pixelCount);
  }
  return out;
}

/** One PackBits segment (PS3.5 G.3.1) into every `stride`-th byte of `out` from `first`. */
function decodePackBits(
  src: Uint8Array,
  start: number,
  end: number,
  out: Uint8Array,
  first: number,
  stride: number,
  count: number,
): void {
  let p = start;
  let n = 0;
  while (p < end && n < count) {
    const header = (src[p++]! << 24) >> 24;
    if (header >= 0) {
      for (let i = 0; i <= header && n < count && p < end; i++) out[first + stride * n++] = src[p++]!;
    } else if (header !== -128) {
      const value = src[p++]!;
      for (let i = 0; i < 1 - header && n < count; i++) out[first + stride * n++] = value;
    }
  }
  if (n < count) throw new Error('RLE segment ends early');
}
