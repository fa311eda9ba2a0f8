import { beforeAll, describe, expect, it } from 'vitest';
import { loadScanMessages, scanText } from '../../../../src/scan/scanMessages';
import { readScan } from '../../../../src/scan/read/readScan';
import { ScanReadError, type ScanErrorCode, type ScanVolume } from '../../../../src/scan/types';
import { phantomVolume, type PhantomGrid } from '../../../support/ctPhantom';
import {
  syntheticDicomDir,
  syntheticDicomSeries,
  type SyntheticDicomOptions,
} from '../../../support/syntheticDicom';
import { asFiles } from './scanTestFiles';

/** A coarse phantom (fast to write and read): 32 × 32 pixels of 8 mm, 12 slices of 10 mm. */
const GRID: PhantomGrid = { dims: [32, 32, 12], spacingMm: [8, 8, 10] };
const series = (options: SyntheticDicomOptions = {}) => syntheticDicomSeries({ grid: GRID, ...options });

async function failure(files: File[]): Promise<ScanReadError> {
  const error: unknown = await readScan(files).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ScanReadError);
  return error as ScanReadError;
}

async function expectCode(
  files: File[],
  code: ScanErrorCode,
  params: Record<string, unknown> = {},
): Promise<void> {
  const error = await failure(files);
  expect(error.code).toBe(code);
  expect(error.params).toMatchObject(params);
  expect(error.message.length).toBeGreaterThan(0);
  // The notice's placeholders are all filled by the error's params, in every language.
  for (const lang of ['en', 'es']) {
    const notice = scanText(lang, `scan.error.${code}`, error.params);
    expect(notice).not.toMatch(/[{}]/);
  }
}

describe('bad input to the scan reader', () => {
  beforeAll(() => loadScanMessages('es'));

  it('refuses no files', () => expectCode([], 'empty'));

  it('refuses files that are neither DICOM nor NIfTI', () =>
    expectCode(
      [new File(['a note'], 'notes.txt'), new File([new Uint8Array(600)], 'image.bin')],
      'not-readable',
    ));

  it('skips a DICOMDIR, a text file and a scout view beside the series', async () => {
    const files = asFiles([syntheticDicomDir(), ...series({ withLocalizer: true })]);
    files.push(new File(['read me'], 'README.txt'));
    const volume = await readScan(files);
    expect(volume.dims).toEqual(GRID.dims);
  });

  it('refuses an MR series, naming its modality', () =>
    expectCode(asFiles(series({ modality: 'MR' })), 'not-ct', { modality: 'MR' }));

  it('refuses two series in one folder, counting them', async () => {
    const files = asFiles([...series(), ...series({ seriesUid: '1.2.3.4.5', prefix: 'B' })]);
    await expectCode(files, 'mixed-series', { count: 2 });
  });

  it('refuses a CT series mixed with an MR series', () =>
    expectCode(
      asFiles([...series(), ...series({ modality: 'MR', seriesUid: '1.2.3.9', prefix: 'M' })]),
      'mixed-series',
      {
        count: 2,
      },
    ));

  it('refuses one series whose images differ in size', async () => {
    const other: PhantomGrid = { dims: [16, 16, 12], spacingMm: [16, 16, 10] };
    await expectCode(asFiles([...series(), ...series({ grid: other, prefix: 'B' })]), 'mixed-series', {
      count: 2,
    });
  });

  it('refuses one series whose images differ in orientation', async () => {
    const turned: ScanVolume = {
      ...phantomVolume(GRID),
      axes: [
        [0, 1, 0],
        [-1, 0, 0],
        [0, 0, 1],
      ],
    };
    const files = asFiles([...series().slice(0, 6), ...series({ volume: turned }).slice(6)]);
    await expectCode(files, 'mixed-series', { count: 2 });
  });

  it('counts missing slices', async () => {
    await expectCode(asFiles(series({ dropSlices: [5] })), 'missing-slices', { count: 1 });
    await expectCode(asFiles(series({ dropSlices: [3, 4, 8] })), 'missing-slices', { count: 3 });
  });

  it('refuses images without pixel spacing or without positions', async () => {
    await expectCode(asFiles(series({ omitPixelSpacing: true })), 'no-spacing');
    await expectCode(asFiles(series({ omitPosition: true })), 'no-spacing');
  });

  it('refuses a gantry tilt of 5° but accepts 0.5°', async () => {
    await expectCode(asFiles(series({ tiltDeg: 5 })), 'tilted');
    const volume = await readScan(asFiles(series({ tiltDeg: 0.5 })));
    expect(volume.dims).toEqual(GRID.dims);
  });

  it('refuses fewer than 8 slices', () =>
    expectCode(asFiles(series({ grid: { dims: [32, 32, 7], spacingMm: [8, 8, 10] } })), 'too-few-slices', {
      count: 7,
    }));

  it('refuses more than 1.5 GB of files before reading any', async () => {
    let read = 0;
    const huge = {
      name: 'big.dcm',
      size: 1.6 * 1024 ** 3,
      arrayBuffer: () => {
        read++;
        return Promise.resolve(new ArrayBuffer(0));
      },
    } as unknown as File;
    await expectCode([huge], 'too-large', { limit: '1.5 GB' });
    expect(read).toBe(0);
  });

  it('refuses images larger than 2048 pixels a side', async () => {
    const wide: ScanVolume = {
      ...phantomVolume(GRID),
      dims: [2049, 2, 8],
      hu: new Int16Array(2049 * 2 * 8),
    };
    const error = await failure(asFiles(syntheticDicomSeries({ volume: wide })));
    expect(error.code).toBe('too-large');
    expect(String(error.params.limit)).toContain('2048');
  });

  it('names a compression it cannot decode', () =>
    expectCode(asFiles(series({ syntaxUid: '1.2.840.10008.1.2.4.50' })), 'unsupported-compression', {
      syntax: 'JPEG Baseline',
    }));

  it('names the compression even when a readable scout view lies beside the series', async () => {
    const files = [
      ...series({ syntaxUid: '1.2.840.10008.1.2.4.90' }),
      ...series({ withLocalizer: true }).slice(-1),
    ];
    await expectCode(asFiles(files), 'unsupported-compression', { syntax: 'JPEG 2000 Lossless' });
  });

  it('treats a damaged file in the middle of the series as a missing slice', async () => {
    const files = series();
    const damaged = files[6]!;
    files[6] = { name: damaged.name, bytes: damaged.bytes.subarray(0, damaged.bytes.length - 100) };
    await expectCode(asFiles(files), 'missing-slices', { count: 1 });
  });
});
