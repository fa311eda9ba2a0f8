import { describe, expect, it } from 'vitest';
import { readScan } from '../../../../src/scan/read/readScan';
import { readScanFiles } from '../../../../src/scan/read/readScanFiles';
import type { Lps, ScanVolume } from '../../../../src/scan/types';
import {
  PHANTOM_CENTRE,
  PHANTOM_GRID,
  phantomVolume,
  phantomVoxelLps,
  type PhantomGrid,
} from '../../../support/ctPhantom';
import { syntheticDicomSeries, type SyntheticSyntax } from '../../../support/syntheticDicom';
import { asFiles, countDifferences, huAt, shuffled } from './scanTestFiles';

const at = (x: number, y: number, z: number): Lps => [
  PHANTOM_CENTRE[0] + x,
  PHANTOM_CENTRE[1] + y,
  PHANTOM_CENTRE[2] + z,
];
const expected = phantomVolume();
/** A coarser grid for the tests that need no fine detail. */
const SMALL: PhantomGrid = { dims: [64, 64, 24], spacingMm: [4, 4, 5] };

describe('reading a DICOM CT series', () => {
  const syntaxes: SyntheticSyntax[] = [
    'explicit-le',
    'implicit-le',
    'explicit-be',
    'deflated',
    'rle',
    'jpeg-lossless',
  ];
  for (const syntax of syntaxes) {
    it(`reads geometry and Hounsfield units (${syntax})`, async () => {
      const volume = await readScan(asFiles(syntheticDicomSeries({ syntax })));
      expect(volume.format).toBe('dicom');
      expect(volume.dims).toEqual(PHANTOM_GRID.dims);
      expect(volume.spacingMm).toEqual(PHANTOM_GRID.spacingMm);
      expect(volume.downsampled).toEqual([1, 1, 1]);
      volume.originMm.forEach((v, c) => expect(v).toBeCloseTo(phantomVoxelLps(PHANTOM_GRID, 0, 0, 0)[c]!, 6));
      expect(volume.axes).toEqual(expected.axes);
      expect(volume.info).toEqual({
        rows: 128,
        columns: 128,
        slices: 48,
        spacingMm: [2, 2, 2.5],
        modality: 'CT',
      });
      expect(huAt(volume, at(0, 0, 0))).toBe(700);
      expect(huAt(volume, at(12, 27, 0))).toBe(1200);
      expect(huAt(volume, at(-12, 27, 0))).toBe(1200);
      expect(huAt(volume, at(0, -60, 0))).toBe(40);
      expect(huAt(volume, at(120, 0, 0))).toBe(-1000);
      expect(countDifferences(volume.hu, expected.hu)).toBe(0);
    });
  }

  it('orders shuffled files by position, not by name or instance number', async () => {
    const files = syntheticDicomSeries({ grid: SMALL });
    const volume = await readScan(asFiles(shuffled(files)));
    expect(countDifferences(volume.hu, phantomVolume(SMALL).hu)).toBe(0);
  });

  it('reads signed 16-bit pixels like unsigned 12-bit ones', async () => {
    const signed = await readScan(asFiles(syntheticDicomSeries({ grid: SMALL, signed: true })));
    expect(countDifferences(signed.hu, phantomVolume(SMALL).hu)).toBe(0);
    expect(huAt(signed, at(120, 0, 0))).toBe(-1000);
  });

  it('masks the bits above HighBit off 12-bit pixel cells', async () => {
    const volume = await readScan(asFiles(syntheticDicomSeries({ grid: SMALL, junkHighBits: true })));
    expect(countDifferences(volume.hu, phantomVolume(SMALL).hu)).toBe(0);
  });

  it('reads 8-bit pixels through their rescale slope and intercept', async () => {
    for (const syntax of ['explicit-le', 'implicit-le', 'explicit-be'] as const) {
      const volume = await readScan(asFiles(syntheticDicomSeries({ grid: SMALL, eightBit: true, syntax })));
      // The phantom's values are multiples of 10 from −1000 to 1200, so 8-bit steps of 10 HU hold them exactly.
      expect(countDifferences(volume.hu, phantomVolume(SMALL).hu)).toBe(0);
    }
  });

  it('skips a dose report stored as a secondary capture beside the series', async () => {
    const files = [
      ...syntheticDicomSeries({ grid: SMALL }),
      ...syntheticDicomSeries({
        grid: { dims: [32, 32, 1], spacingMm: [1, 1, 1] },
        sopClassUid: '1.2.840.10008.5.1.4.1.1.7',
        seriesUid: '1.2.3.4.999',
        prefix: 'DOSE',
      }),
    ];
    const volume = await readScan(asFiles(files));
    expect(volume.dims).toEqual(SMALL.dims);
  });

  it('keeps the axes of a series stored from posterior to anterior, feet first', async () => {
    // Rows run towards the patient's left, columns towards anterior; slices go from head to feet.
    const straight = phantomVolume(SMALL);
    const [nx, ny, nz] = straight.dims;
    const hu = new Int16Array(straight.hu.length);
    for (let k = 0; k < nz; k++)
      for (let j = 0; j < ny; j++)
        for (let i = 0; i < nx; i++)
          hu[i + nx * (j + ny * k)] = straight.hu[i + nx * (ny - 1 - j + ny * (nz - 1 - k))]!;
    const last = phantomVoxelLps(SMALL, 0, ny - 1, nz - 1);
    const flipped: ScanVolume = {
      ...straight,
      hu,
      originMm: last,
      axes: [
        [1, 0, 0],
        [0, -1, 0],
        [0, 0, -1],
      ],
    };
    const volume = await readScan(asFiles(syntheticDicomSeries({ volume: flipped })));
    expect(volume.axes).toEqual(flipped.axes);
    // The slice normal (row × column) is (0, 0, −1): ordered along it the first slice is the highest.
    volume.originMm.forEach((v, c) => expect(v).toBeCloseTo(last[c]!, 6));
    expect(huAt(volume, at(0, 0, 0))).toBe(700);
    expect(huAt(volume, at(12, 27, 0))).toBe(1200);
    expect(countDifferences(volume.hu, hu)).toBe(0);
  });
});

describe('reading a large series', () => {
  it('averages 2 × 2 pixels while reading when the volume would exceed the voxel budget', async () => {
    const files = asFiles(syntheticDicomSeries());
    const full = await readScanFiles(files);
    const [nx, ny, nz] = PHANTOM_GRID.dims;
    const volume = await readScanFiles(files, { maxKeptVoxels: (nx * ny * nz) / 2 });
    expect(volume.downsampled).toEqual([2, 2, 1]);
    expect(volume.dims).toEqual([nx / 2, ny / 2, nz]);
    expect(volume.spacingMm).toEqual([4, 4, 2.5]);
    expect(volume.info).toEqual(full.info);
    // Kept voxel 0 averages stored pixels 0 and 1: its centre lies half a stored pixel further.
    expect(volume.originMm).toEqual([full.originMm[0] + 1, full.originMm[1] + 1, full.originMm[2]]);
    // The centre of the volume stays where it was.
    const centre = (v: ScanVolume) => v.originMm.map((o, c) => o + ((v.dims[c]! - 1) * v.spacingMm[c]!) / 2);
    expect(centre(volume)).toEqual(centre(full));
    expect(huAt(volume, at(0, 0, 0))).toBe(700);
    expect(huAt(volume, at(0, -60, 0))).toBe(40);
    expect(huAt(volume, at(120, 0, 0))).toBe(-1000);
    // Each kept voxel is the mean of its 2 × 2 block.
    const k = 20;
    const j = 31;
    const i = 40;
    const block = [0, 1].flatMap((dj) =>
      [0, 1].map((di) => full.hu[2 * i + di + nx * (2 * j + dj + ny * k)]!),
    );
    expect(volume.hu[i + (nx / 2) * (j + (ny / 2) * k)]).toBe(Math.round(block.reduce((a, b) => a + b) / 4));
  });

  it('reads one file at a time, reporting progress between files', async () => {
    const written = syntheticDicomSeries({ grid: SMALL });
    const events: string[] = [];
    const files = asFiles(written).map((file, n) => {
      const read = file.arrayBuffer.bind(file);
      file.arrayBuffer = () => {
        events.push(`read ${n}`);
        return read();
      };
      return file;
    });
    const fractions: number[] = [];
    await readScan(files, {
      onProgress: (p) => {
        events.push('progress');
        fractions.push(p.fraction);
      },
    });
    // Every read follows the progress report of the file before it: no two files are held at once.
    for (let n = 1; n < files.length; n++) expect(events[events.indexOf(`read ${n}`) - 1]).toBe('progress');
    expect(fractions.at(-1)).toBe(1);
    for (let n = 1; n < fractions.length; n++) {
      expect(fractions[n]!).toBeGreaterThanOrEqual(fractions[n - 1]!);
      expect(fractions[n]! - fractions[n - 1]!).toBeLessThanOrEqual(0.1);
    }
  });

  it('stops and rejects with an AbortError when cancelled', async () => {
    const controller = new AbortController();
    let reports = 0;
    const error: unknown = await readScan(asFiles(syntheticDicomSeries({ grid: SMALL })), {
      signal: controller.signal,
      onProgress: () => {
        if (++reports === 3) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(reports).toBe(3);
  });
});
