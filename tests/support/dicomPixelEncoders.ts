/**
 * Compressed pixel data for the synthetic DICOM series, written from the standards, independently of the reader:
 * RLE Lossless (DICOM PS3.5 Annex G) and JPEG Lossless, process 14, first-order prediction (ITU T.81 Annex H).
 */

/** PackBits (PS3.5 G.3.1) of one row of bytes: runs of 3 or more equal bytes replicated, the rest literal. */
function packBits(src: Uint8Array, out: number[]): void {
  let i = 0;
  while (i < src.length) {
    let run = 1;
    while (i + run < src.length && run < 128 && src[i + run] === src[i]) run++;
    if (run >= 3) {
      out.push(257 - run, src[i]!);
      i += run;
      continue;
    }
    const start = i;
    while (i < src.length && i - start < 128) {
      if (i + 2 < src.length && src[i] === src[i + 1] && src[i] === src[i + 2]) break;
      i++;
    }
    out.push(i - start - 1, ...src.subarray(start, i));
  }
}

/** One RLE Lossless frame of 16-bit pixels (little-endian words): header, high-byte segment, low-byte segment. */
export function encodeRle16(words: Uint16Array, columns: number, rows: number): Uint8Array {
  const segments: number[][] = [];
  for (const shift of [8, 0]) {
    const segment: number[] = [];
    const row = new Uint8Array(columns);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) row[c] = (words[r * columns + c]! >> shift) & 0xff;
      packBits(row, segment);
    }
    if (segment.length % 2) segment.push(0);
    segments.push(segment);
  }
  const out = new Uint8Array(64 + segments[0]!.length + segments[1]!.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 2, true);
  view.setUint32(4, 64, true);
  view.setUint32(8, 64 + segments[0]!.length, true);
  out.set(segments[0]!, 64);
  out.set(segments[1]!, 64 + segments[0]!.length);
  return out;
}

/** Writes bits most significant first, stuffing a zero byte after every 0xFF (T.81 F.1.2.3). */
class BitWriter {
  readonly bytes: number[] = [];
  private acc = 0;
  private count = 0;
  put(value: number, length: number): void {
    for (let b = length - 1; b >= 0; b--) {
      this.acc = (this.acc << 1) | ((value >> b) & 1);
      if (++this.count === 8) this.flushByte();
    }
  }
  private flushByte(): void {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0);
    this.acc = 0;
    this.count = 0;
  }
  finish(): void {
    while (this.count !== 0) this.put(1, 1);
  }
}

/**
 * JPEG Lossless (SOF3) of 16-bit samples with predictor 1 (the left neighbour; the row above at the start of a
 * row; 2^15 for the first sample), one Huffman table giving every difference category 0–16 a 5-bit code.
 */
export function encodeJpegLossless16(samples: Uint16Array, columns: number, rows: number): Uint8Array {
  const out: number[] = [0xff, 0xd8];
  out.push(0xff, 0xc3, 0, 11, 16, rows >> 8, rows & 0xff, columns >> 8, columns & 0xff, 1, 1, 0x11, 0);
  // DHT: class 0 (DC/lossless), table 0; 17 codes of length 5, category k has code k.
  const counts = new Array<number>(16).fill(0);
  counts[4] = 17;
  const categories = Array.from({ length: 17 }, (_, k) => k);
  out.push(0xff, 0xc4, 0, 2 + 1 + 16 + 17, 0x00, ...counts, ...categories);
  out.push(0xff, 0xda, 0, 8, 1, 1, 0x00, 1, 0, 0);
  const bits = new BitWriter();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const x = samples[r * columns + c]!;
      const prediction =
        c > 0 ? samples[r * columns + c - 1]! : r > 0 ? samples[(r - 1) * columns]! : 1 << 15;
      // Differences are taken modulo 2^16 and read as signed (T.81 H.1.2.1).
      let diff = (x - prediction) & 0xffff;
      if (diff >= 0x8000) diff -= 0x10000;
      const category = diff === -0x8000 ? 16 : diff === 0 ? 0 : 32 - Math.clz32(Math.abs(diff));
      bits.put(category, 5);
      if (category > 0 && category < 16) bits.put(diff > 0 ? diff : diff - 1 + (1 << category), category);
    }
  bits.finish();
  const stream = new Uint8Array(out.length + bits.bytes.length + 2);
  stream.set(out);
  stream.set(bits.bytes, out.length);
  stream.set([0xff, 0xd9], out.length + bits.bytes.length);
  return stream;
}
