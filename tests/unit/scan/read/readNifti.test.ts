import { describe, expect, it } from 'vitest';
import { readScan } from '../../../../src/scan/read/readScan';
import { ScanReadError, type Lps, type ScanVolume } from '../../../../src/scan/types';
import { PHANTOM_CENTRE, phantomVolume, type PhantomGrid } from '../../../support/ctPhantom';
import { syntheticNifti, type SyntheticNiftiOptions } from '../../../support/syntheticNifti';
import { asFiles, countDifferences, huAt } from './scanTestFiles';

const GRID: PhantomGrid = { dims: [64, 64, 24], spacingMm: [4, 4, 5] };
const expected = phantomVolume(GRID);
const read = (options: SyntheticNiftiOptions = {}) =>
  readScan(asFiles([syntheticNifti({ volume: expected, ...options })]));
const at = (x: number, y: number, z: number): Lps => [
  PHANTOM_CENTRE[0] + x,
  PHANTOM_CENTRE[1] + y,
  PHANTOM_CENTRE[2] + z,
];

function expectPhantomGeometry(volume: ScanVolume): void {
  expect(volume.format).toBe('nifti');
  expect(volume.dims).toEqual(GRID.dims);
  volume.spacingMm.forEach((s, a) => expect(s).toBeCloseTo(GRID.spacingMm[a]!, 5));
  volume.originMm.forEach((o, c) => expect(o).toBeCloseTo(expected.originMm[c]!, 4));
  volume.axes.forEach((axis, a) => axis.forEach((v, c) => expect(v).toBeCloseTo(expected.axes[a]![c]!, 5)));
  expect(volume.info).toEqual({
    rows: 64,
    columns: 64,
    slices: 24,
    spacingMm: volume.info.spacingMm,
    modality: 'CT',
  });
  expect(huAt(volume, at(0, 0, 0))).toBe(700);
  expect(huAt(volume, at(12, 27, 0))).toBe(1200);
  expect(huAt(volume, at(0, -60, 0))).toBe(40);
  expect(huAt(volume, at(120, 0, 0))).toBe(-1000);
}

describe('reading a NIfTI-1 volume', () => {
  it('turns the sform from RAS into LPS (int16, .nii.gz)', async () => {
    const volume = await read({ gzip: true });
    expectPhantomGeometry(volume);
    expect(countDifferences(volume.hu, expected.hu)).toBe(0);
  });

  it('uses the qform when there is no sform', async () =>
    expectPhantomGeometry(await read({ transform: 'qform' })));

  it('reads a flipped, rotated qform (left-handed voxel axes)', async () => {
    const flipped: ScanVolume = {
      ...expected,
      axes: [
        [0, 1, 0],
        [1, 0, 0],
        [0, 0, 1],
      ],
    };
    const volume = await readScan(asFiles([syntheticNifti({ volume: flipped, transform: 'qform' })]));
    // A qform stores only the quaternion's b, c, d as float32; a = √(1 − b² − c² − d²) loses digits near 180°.
    volume.axes.forEach((axis, a) => axis.forEach((v, c) => expect(v).toBeCloseTo(flipped.axes[a]![c]!, 3)));
  });

  it('falls back on the voxel sizes alone: RAS axes +x, +y become −x, −y in LPS', async () => {
    const volume = await read({ transform: 'pixdim' });
    expect(volume.originMm).toEqual([0, 0, 0]);
    expect(volume.axes).toEqual([
      [-1, 0, 0],
      [0, -1, 0],
      [0, 0, 1],
    ]);
  });

  it('applies scl_slope and scl_inter (uint8, int32, float32)', async () => {
    for (const options of [
      { datatype: 'uint8', slope: 10, inter: -1000 },
      { datatype: 'int32' },
      { datatype: 'float32', slope: 0.5, inter: -1024 },
    ] as SyntheticNiftiOptions[]) {
      const volume = await read(options);
      expect(countDifferences(volume.hu, expected.hu)).toBe(0);
    }
  });

  it('refuses a volume that is not in Hounsfield units', async () => {
    const error: unknown = await read({ notHounsfield: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScanReadError);
    expect((error as ScanReadError).code).toBe('not-ct');
  });

  it('refuses two NIfTI files at once', async () => {
    const files = asFiles([
      syntheticNifti({ volume: expected }),
      syntheticNifti({ volume: expected, name: 'b.nii' }),
    ]);
    const error: unknown = await readScan(files).catch((e: unknown) => e);
    expect((error as ScanReadError).code).toBe('mixed-series');
  });
});

describe('reading a large NIfTI file', () => {
  it('reports progress while inflating a .nii.gz, and stops when cancelled', async () => {
    const big = syntheticNifti({ gzip: true });
    const fractions: number[] = [];
    await readScan(asFiles([big]), { onProgress: (p) => fractions.push(p.fraction) });
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.at(-1)).toBe(1);
    const controller = new AbortController();
    const error: unknown = await readScan(asFiles([big]), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    }).catch((e: unknown) => e);
    expect((error as DOMException).name).toBe('AbortError');
  });
});
