/**
 * Reads the files a user dropped into one CT volume, file by file: each DICOM image is parsed, decoded to HU and
 * averaged down in-plane before the next file is read, so a large series is never held at full size. Runs in the
 * reading worker, or on the main thread where no worker can start; pure enough to run in Node for the tests.
 */
import { ScanReadError, type ScanProgress, type ScanVolume } from '../types';
import { parseDicomImage, type DicomSliceHeader, type ParsedDicomImage } from './dicomSlice';
import { buildDicomVolume, pickCtSeries, type ReadImage } from './dicomSeries';
import { downsampleSlice } from './downsample';
import { isNiftiName, readNiftiFile } from './niftiVolume';
import { abortError } from './abortError';
import {
  MAX_KEPT_VOXELS,
  checkMatrix,
  checkSlices,
  checkTotalBytes,
  inPlaneFactor,
  tooLargeError,
} from './scanLimits';

/** What readScan reports and obeys. */
export interface ReadScanOptions {
  onProgress?: (p: ScanProgress) => void;
  /** Aborting rejects with an AbortError DOMException and ends the reading. */
  signal?: AbortSignal;
}

/** readScanFiles' options: readScan's, and the voxel budget. */
export interface ReadScanFilesOptions extends ReadScanOptions {
  /** Voxels the kept volume may hold (scanLimits' MAX_KEPT_VOXELS; smaller in tests of downsampling). */
  maxKeptVoxels?: number;
}

/** Part of the progress bar that reading the files fills; stacking the volume fills the rest. */
const READING_SHARE = 0.95;
/** Report progress when it has moved at least this far (and after the last file). */
const PROGRESS_STEP = 0.01;

/** The image's pixels in HU; a damaged image (pixel data cut short, a broken frame) is `not-readable`. */
function decodeHu(image: ParsedDicomImage, name: string): Int16Array {
  try {
    return image.decodeHu();
  } catch (error) {
    throw new ScanReadError(
      'not-readable',
      `${name}: ${error instanceof Error ? error.message : String(error)}`,
      {
        file: name,
      },
    );
  }
}

/** The volume in `files` (a DICOM series, or one NIfTI file), or a ScanReadError saying why not. */
export async function readScanFiles(
  files: readonly File[],
  options: ReadScanFilesOptions = {},
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
    let reported = -1;
    const onFraction = (fraction: number) => {
      if (fraction - reported < PROGRESS_STEP) return;
      reported = fraction;
      onProgress?.({ fraction: fraction * READING_SHARE, stage: 'reading' });
    };
    onFraction(0);
    const volume = await readNiftiFile(nifti[0]!, { onFraction, signal, maxKeptVoxels });
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
    const file = files[index]!;
    const parsed = await parseDicomImage(new Uint8Array(await file.arrayBuffer()));
    if (parsed && 'unsupportedSyntax' in parsed) unsupported ??= parsed.unsupportedSyntax;
    else if (parsed) {
      const { header } = parsed;
      let hu: Int16Array | null = null;
      if (header.modality === 'CT' && !header.localizer) {
        const breach = checkMatrix(header.rows, header.columns) ?? checkSlices(++ctSlices);
        if (breach) throw tooLargeError(breach);
        // The factor follows the first CT image; at most every file is one of its slices.
        factor ||= inPlaneFactor(header.rows, header.columns, files.length, maxKeptVoxels);
        first ??= header;
        // An image of another size is kept without pixels: the series check rejects it as mixed.
        if (first.rows === header.rows && first.columns === header.columns) {
          hu = downsampleSlice(decodeHu(parsed, file.name), header.columns, header.rows, factor);
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
  // Files in a syntax the reader cannot decode are skipped; when they were the series, that is the notice.
  if (unsupported && ctSlices === 0) {
    throw new ScanReadError('unsupported-compression', `Pixel data compressed as ${unsupported}`, {
      syntax: unsupported,
    });
  }
  const volume = buildDicomVolume(pickCtSeries(images), factor || 1);
  onProgress?.({ fraction: 1, stage: 'building' });
  return volume;
}
