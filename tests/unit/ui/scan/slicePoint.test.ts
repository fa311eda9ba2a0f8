import { describe, expect, it } from 'vitest';
import type { Lps, ScanVolume } from '../../../../src/scan/types';
import {
  lpsToPixel,
  lpsToVoxel,
  pixelToLps,
  sliceFrame,
  volumeBounds,
  voxelToLps,
} from '../../../../src/ui/scan/slicePoint';
import { PHANTOM_CENTRE, phantomVolume } from '../../../support/ctPhantom';

/**
 * A volume stored the way some scanners write it: rows running right-to-left (−x), columns running feet-ward
 * (a coronal acquisition: j along −z), slices stepping anterior (−y), all with different spacings.
 */
function coronalVolume(): ScanVolume {
  const dims: [number, number, number] = [40, 30, 20];
  return {
    info: { rows: 30, columns: 40, slices: 20, spacingMm: [0.8, 1.25, 3], modality: 'CT' },
    dims,
    spacingMm: [0.8, 1.25, 3],
    originMm: [100, 20, -50],
    axes: [
      [-1, 0, 0],
      [0, 0, -1],
      [0, -1, 0],
    ],
    hu: new Int16Array(dims[0] * dims[1] * dims[2]),
    downsampled: [1, 1, 1],
    format: 'dicom',
  };
}

/** An oblique volume: rows and columns turned 30° about the body axis. */
function obliqueVolume(): ScanVolume {
  const c = Math.cos(Math.PI / 6);
  const s = Math.sin(Math.PI / 6);
  return {
    ...coronalVolume(),
    originMm: [5, -7, 9],
    axes: [
      [c, s, 0],
      [-s, c, 0],
      [0, 0, 1],
    ],
  };
}

const close = (a: readonly number[], b: readonly number[], digits = 9) =>
  a.forEach((x, i) => expect(x).toBeCloseTo(b[i] ?? NaN, digits));

describe('voxel ↔ LPS', () => {
  it('follows origin + index · spacing · axis, and inverts for general axes', () => {
    for (const volume of [coronalVolume(), obliqueVolume()]) {
      const p = voxelToLps(volume, 3, 4, 5);
      const a = volume.axes;
      const s = volume.spacingMm;
      const expected = ([0, 1, 2] as const).map(
        (d) => volume.originMm[d] + 3 * s[0] * a[0][d] + 4 * s[1] * a[1][d] + 5 * s[2] * a[2][d],
      );
      close(p, expected);
      close(lpsToVoxel(volume, p), [3, 4, 5]);
      close(lpsToVoxel(volume, voxelToLps(volume, 12.25, 0.5, 17.75)), [12.25, 0.5, 17.75]);
    }
  });

  it('bounds a coronal, flipped volume in LPS', () => {
    const { min, max } = volumeBounds(coronalVolume());
    // x runs from 100 down by 39 · 0.8; z from −50 down by 29 · 1.25; y from 20 down by 19 · 3.
    close(min, [100 - 39 * 0.8, 20 - 19 * 3, -50 - 29 * 1.25]);
    close(max, [100, 20, -50]);
  });
});

describe('pixel ↔ LPS in each view', () => {
  it('round-trips on a volume with non-trivial axes and spacing', () => {
    const volume = coronalVolume();
    const point: Lps = [80, 0, -60];
    for (const kind of ['axial', 'sagittal'] as const) {
      const frame = sliceFrame(volume, kind);
      for (const [c, r] of [
        [0.5, 0.5],
        [7.25, 3.5],
        [frame.width - 0.5, frame.height - 0.5],
      ] as const) {
        const p = pixelToLps(frame, c, r, point);
        close(lpsToPixel(frame, p), [c, r]);
      }
      const back = pixelToLps(frame, ...lpsToPixel(frame, point), point);
      close(back, point);
    }
  });

  it('uses square pixels at the finer in-plane step, so the image has the patient’s proportions', () => {
    const volume = coronalVolume();
    const axial = sliceFrame(volume, 'axial');
    // In the axial plane x is sampled at 0.8 mm (the rows) and y at 3 mm (the slices): 0.8 mm pixels.
    expect(axial.mmPerPixel).toBe(0.8);
    expect(axial.width).toBe(40);
    expect(axial.height).toBe(Math.round((19 * 3) / 0.8) + 1);
    const sagittal = sliceFrame(volume, 'sagittal');
    // y at 3 mm and z at 1.25 mm.
    expect(sagittal.mmPerPixel).toBe(1.25);
    expect(sagittal.width / sagittal.height).toBeCloseTo((19 * 3) / (29 * 1.25), 1);
  });

  it('puts the patient’s left on the axial image’s right, anterior up, and the head up in the sagittal', () => {
    const volume = phantomVolume();
    const axial = sliceFrame(volume, 'axial');
    const sagittal = sliceFrame(volume, 'sagittal');
    const c = PHANTOM_CENTRE;
    const [cx, cy] = lpsToPixel(axial, c);
    // 10 mm to the patient's left (+x) is to the right; 10 mm posterior (+y) is lower.
    expect(lpsToPixel(axial, [c[0] + 10, c[1], c[2]])[0]).toBeCloseTo(cx + 10 / axial.mmPerPixel, 9);
    expect(lpsToPixel(axial, [c[0], c[1] + 10, c[2]])[1]).toBeCloseTo(cy + 10 / axial.mmPerPixel, 9);
    const [sx, sy] = lpsToPixel(sagittal, c);
    // Posterior is to the right (anterior on the left); headward (+z) is up.
    expect(lpsToPixel(sagittal, [c[0], c[1] + 10, c[2]])[0]).toBeGreaterThan(sx);
    expect(lpsToPixel(sagittal, [c[0], c[1], c[2] + 10])[1]).toBeLessThan(sy);
  });

  it('keeps the through-plane coordinate of the current point', () => {
    const frame = sliceFrame(coronalVolume(), 'axial');
    expect(pixelToLps(frame, 3, 4, [1, 2, -61.5])[2]).toBe(-61.5);
    const sagittal = sliceFrame(coronalVolume(), 'sagittal');
    expect(pixelToLps(sagittal, 3, 4, [77, 2, 3])[0]).toBe(77);
  });
});
