import { describe, expect, it } from 'vitest';
import { decodeRleFrame } from '../../../../src/scan/read/rleDecode';

/** An RLE Lossless frame (PS3.5 Annex G) from its segments, laid out by hand. */
function frame(segments: number[][]): Uint8Array {
  const out = new Uint8Array(64 + segments.reduce((n, s) => n + s.length, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, segments.length, true);
  let at = 64;
  segments.forEach((s, i) => {
    view.setUint32(4 + 4 * i, at, true);
    out.set(s, at);
    at += s.length;
  });
  return out;
}

describe('RLE Lossless decoding', () => {
  it('decodes literal runs, replicate runs and the no-op byte of an 8-bit segment', () => {
    // 2 literal bytes (header 1), then 4 × 0x07 (header −3 = 0xfd), a no-op (−128 = 0x80), 1 literal.
    const pixels = decodeRleFrame(frame([[1, 10, 20, 0xfd, 7, 0x80, 0, 99]]), 7, 1);
    expect([...pixels]).toEqual([10, 20, 7, 7, 7, 7, 99]);
  });

  it('puts the first segment in the high byte of 16-bit pixels', () => {
    // High bytes: 0x01, 0x02; low bytes: 0x34, 0x56 → 0x0134, 0x0256 as little-endian words.
    const bytes = decodeRleFrame(
      frame([
        [1, 1, 2],
        [1, 0x34, 0x56],
      ]),
      2,
      2,
    );
    expect([...new Uint16Array(bytes.buffer)]).toEqual([0x0134, 0x0256]);
  });

  it('rejects a segment that ends before the image does', () => {
    expect(() => decodeRleFrame(frame([[1, 1, 2]]), 3, 1)).toThrow();
  });
});
