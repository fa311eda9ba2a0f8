import { describe, expect, it } from 'vitest';
import {
  MAX_KEPT_VOXELS,
  checkMatrix,
  checkSlices,
  checkTotalBytes,
  inPlaneFactor,
} from '../../../../src/scan/read/scanLimits';
import { downsampleSlice, downsampledSize } from '../../../../src/scan/read/downsample';

describe('scan size limits', () => {
  it('keeps a 512 × 512 × 400 series as 256 × 256 × 400 (52 MB of HU)', () => {
    const f = inPlaneFactor(512, 512, 400);
    expect(f).toBe(2);
    const kept = (512 / f) * (512 / f) * 400;
    expect(kept).toBeLessThanOrEqual(MAX_KEPT_VOXELS);
    expect(kept * 2).toBe(52_428_800);
  });

  it('keeps smaller series whole and halves larger ones as often as needed', () => {
    expect(inPlaneFactor(512, 512, 150)).toBe(1);
    expect(inPlaneFactor(512, 512, 2000)).toBe(4);
    expect(inPlaneFactor(1024, 1024, 1000)).toBe(8);
    for (const [r, c, s] of [
      [512, 512, 400],
      [768, 768, 900],
      [2048, 2048, 2000],
    ] as const) {
      const f = inPlaneFactor(r, c, s);
      expect(Math.ceil(r / f) * Math.ceil(c / f) * s).toBeLessThanOrEqual(MAX_KEPT_VOXELS);
      if (f > 1) expect(Math.ceil((2 * r) / f) * Math.ceil((2 * c) / f) * s).toBeGreaterThan(MAX_KEPT_VOXELS);
    }
  });

  it('draws the hard limits where the notice says', () => {
    expect(checkMatrix(2048, 2048)).toBeNull();
    expect(checkMatrix(2049, 512)?.limit).toContain('2048');
    expect(checkSlices(2000)).toBeNull();
    expect(checkSlices(2001)?.limit).toBe('2000 slices');
    expect(checkTotalBytes(1.5 * 1024 ** 3)).toBeNull();
    expect(checkTotalBytes(1.5 * 1024 ** 3 + 1)?.limit).toBe('1.5 GB');
  });
});

describe('in-plane downsampling', () => {
  it('averages 2 × 2 blocks, and the partial blocks at odd edges', () => {
    // 3 columns × 3 rows.
    const slice = Int16Array.from([0, 2, 10, 4, 6, 20, -8, -8, 100]);
    expect(downsampledSize(3, 3, 2)).toEqual([2, 2]);
    expect([...downsampleSlice(slice, 3, 3, 2)]).toEqual([3, 15, -8, 100]);
  });

  it('leaves a slice alone with factor 1', () => {
    const slice = Int16Array.from([1, 2, 3, 4]);
    expect(downsampleSlice(slice, 2, 2, 1)).toBe(slice);
  });
});
