/**
 * How large a scan the viewer reads, and how much of it it keeps. The hard limits stop input that no laptop
 * browser tab can hold (or that is not a single CT series at all) before any pixel is decoded; below them the
 * reader averages blocks of pixels in-plane while reading, file by file, so the kept volume stays near
 * MAX_KEPT_VOXELS whatever the series' size.
 */

/** Rows or columns of one image: CT matrices are 512 (sometimes 768 or 1024); 2048 leaves ample room. */
export const MAX_MATRIX = 2048;
/** Slices of one series: a whole-body scan at 1 mm is about 1800. */
export const MAX_SLICES = 2000;
/** Bytes of all files together (1.5 GB): about 2800 uncompressed 512 × 512 images. */
export const MAX_TOTAL_BYTES = 1.5 * 1024 ** 3;
/** Voxels kept in memory (and later uploaded as a 3D texture): 40 M Int16 values are 80 MB. */
export const MAX_KEPT_VOXELS = 40_000_000;

import { ScanReadError } from '../types';

/** Which hard limit a scan is beyond, for the `too-large` notice: `limit` is said in the notice. */
export interface LimitBreach {
  what: 'matrix' | 'slices' | 'bytes';
  limit: string;
}

/** Total size of the files against MAX_TOTAL_BYTES (checked before anything is read). */
export function checkTotalBytes(totalBytes: number): LimitBreach | null {
  return totalBytes > MAX_TOTAL_BYTES ? { what: 'bytes', limit: '1.5 GB' } : null;
}

/** One image's matrix against MAX_MATRIX. */
export function checkMatrix(rows: number, columns: number): LimitBreach | null {
  return rows > MAX_MATRIX || columns > MAX_MATRIX
    ? { what: 'matrix', limit: `${MAX_MATRIX} × ${MAX_MATRIX} pixels per image` }
    : null;
}

/** A slice count against MAX_SLICES. */
export function checkSlices(slices: number): LimitBreach | null {
  return slices > MAX_SLICES ? { what: 'slices', limit: `${MAX_SLICES} slices` } : null;
}

/**
 * The in-plane averaging factor (1, 2, 4, …) that keeps `ceil(rows/f) · ceil(columns/f) · slices` within
 * MAX_KEPT_VOXELS (or `maxVoxels`). Only rows and columns are reduced: slices are kept, so that each file can be reduced on its own
 * as it is read and the volume's full z resolution survives (vertebral end plates run in-plane).
 */
export function inPlaneFactor(
  rows: number,
  columns: number,
  slices: number,
  maxVoxels = MAX_KEPT_VOXELS,
): number {
  let factor = 1;
  while (Math.ceil(rows / factor) * Math.ceil(columns / factor) * slices > maxVoxels && factor < 64)
    factor *= 2;
  return factor;
}

/** The `too-large` error: `limit` names the limit passed (English); the notice states all three limits. */
export function tooLargeError(breach: LimitBreach): ScanReadError {
  return new ScanReadError('too-large', `The scan is larger than the viewer reads (${breach.limit})`, {
    limit: breach.limit,
    matrix: MAX_MATRIX,
    slices: MAX_SLICES,
    megabytes: Math.round(MAX_TOTAL_BYTES / 1024 ** 2),
  });
}
