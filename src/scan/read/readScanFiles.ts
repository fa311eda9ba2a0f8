/**
 * Reads the files a user dropped into one CT volume, file by file: each DICOM image is parsed, decoded to HU and
 * averaged down in-plane before the next file is read, so a large series is never held at full size. Runs in the
 * reading worker, or on the main thread where no worker can start; pure enough to run in Node for the tests.
 */
import { ScanReadError, type ScanProgress, type ScanVolume } from '../types';
import { parseDicomImage, type DicomSliceHeader } from './dicomSlice';
import { buildDicomVolume, pickCtSeries, type ReadImage } from './dicomSeries';
import { downsampleSlice } from './downsample';
import { isNiftiName, readNiftiVolume } from './niftiVolume';
import {
  MAX_KEPT_VOXELS,
  checkMatrix,
  checkSlices,
  checkTotalBytes,
  inPlaneFactor,
  tooLargeError,
} from './scanLimits';

/** What readScanFiles reports and obeys. */
export interface ReadScanOptions {
  onProgress?: (p: ScanProgress) => void;
  signal?: AbortSignal;
  /** Voxels the kept volume may hold (scanLimits' MAX_KEPT_VOXELS; smaller in tests of downsampling). */
  maxKeptVoxels?: number;
}

/** Part of the progress bar that reading the files fills; stacking the volume fills the rest. */
const READING_SHARE = 0.95;
/** Report progress when it has moved at least this far (and after the last file). */
const PROGRESS_STEP = 0.01;

export function abortError(): DOMException {
  return new DOMException('Reading the scan was cancelled', 'AbortError');
}

/** The volume in `files` (a DICOM series, or one NIfTI file), or a ScanReadError saying why not. */
export async function readScanFiles(
  files: readonly File[],
  options: ReadScanOptions = {},
): Promise<ScanVolume> {
  const { onProgress, signal, maxKeptVoxels = MAX_KEPT_VOXELS } = options;
  if (signal?.aborted) throw abortError();
  if (files.length === 0) throw new ScanReadError('empty', 'No files were given');
  const bytesBreach = checkTotalBytes(files.reduce((sum, f) => sum + f.size, 0));
  if (bytesBreach) throw tooLargeError(bytesBreach);
  const nifti = files.filter((f) => isNiftiName(f.name));
  if (nifti.length > 1) {
    throw new ScanReadError('mixed-series', `${nifti.length} NIfTI volumes`, { count: nifti.length });
  }
  if (nifti.length === 1) {
    onProgress?.({ fraction: 0, stage: 'reading' });
    const volume = await readNiftiVolume(new Uint8Array(await nifti[0]!.arrayBuffer()), maxKeptVoxels);
    if (signal?.aborted) throw abortError();
    onProgress?.({ fraction: 1, stage: 'building' });
    return volume;
  }

  const images: ReadImage[] = [];
  let unsupported: string | null = null;
  let factor = 0;
  let reported = -1;
  let first: DicomSliceHeader | null = null;
  let ctSlices = 0;
  for (let index = 0; index < files.length; index++) {
    if (signal?.aborted) throw abortError();
    const parsed = await parseDicomImage(new Uint8Array(await files[index]!.arrayBuffer()));
    if (parsed && 'unsupportedSyntax' in parsed) unsupported ??= parsed.unsupportedSyntax;
    else if (parsed) {
      const { header } = parsed;
      const matrix = checkMatrix(header.rows, header.columns);
      if (matrix) throw tooLargeError(matrix);
      let hu: Int16Array | null = null;
      if (header.modality === 'CT' && !header.localizer) {
        const slices = checkSlices(++ctSlices);
        if (slices) throw tooLargeError(slices);
        // The factor follows the first CT image; at most every file is one of its slices.
        factor ||= inPlaneFactor(header.rows, header.columns, files.length, maxKeptVoxels);
        first ??= header;
        // An image of another size is kept without pixels: the series check rejects it as mixed.
        if (first.rows === header.rows && first.columns === header.columns) {
          hu = downsampleSlice(parsed.decodeHu(), header.columns, header.rows, factor);
        }
      }
      images.push({ header, hu });
    }
    const fraction = ((index + 1) / files.length) * READING_SHARE;
    if (fraction - reported >= PROGRESS_STEP || index + 1 === files.length) {
      reported = fraction;
      onProgress?.({ fraction, stage: 'reading' });
    }
  }
  if (images.length === 0) {
    if (unsupported) {
      throw new ScanReadError('unsupported-compression', `Pixel data compressed as ${unsupported}`, {
        syntax: unsupported,
      });
    }
    throw new ScanReadError('not-readable', 'None of the files is a DICOM image or a NIfTI volume');
  }
  const volume = buildDicomVolume(pickCtSeries(images), factor || 1);
  onProgress?.({ fraction: 1, stage: 'building' });
  return volume;
}
