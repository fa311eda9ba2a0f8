import { describe, expect, it } from 'vitest';
import { readScan } from '../../../../src/scan/read/readScan';
import type { Lps } from '../../../../src/scan/types';
import { PHANTOM_CENTRE, PHANTOM_GRID, phantomVolume, phantomVoxelLps } from '../../../support/ctPhantom';
import { syntheticDicomSeries, type SyntheticSyntax } from '../../../support/syntheticDicom';
import { asFiles, countDifferences, huAt, shuffled } from './scanTestFiles';

const at = (x: number, y: number, z: number): Lps => [
  PHANTOM_CENTRE[0] + x,
  PHANTOM_CENTRE[1] + y,
  PHANTOM_CENTRE[2] + z,
];
const expected = phantomVolume();

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
});
