import type { LevelId } from '../anatomy/levels';

/** Vector in mm, DICOM patient coordinates (LPS: +x patient's left, +y posterior, +z head). */
export type Lps = [number, number, number];

/** What `loadScan` resolves with: the series as it was read (before any downsampling for display). */
export interface ScanInfo {
  rows: number;
  columns: number;
  slices: number;
  /** Column spacing, row spacing, slice spacing (mm). */
  spacingMm: [number, number, number];
  /** `CT` for a DICOM CT series; NIfTI files carry no modality and report `CT` only when read as Hounsfield units. */
  modality: string;
}

/**
 * A CT volume in Hounsfield units, as kept in memory (possibly downsampled from `info`). Voxel (i, j, k), i fastest,
 * has its centre at `originMm + i·spacingMm[0]·axes[0] + j·spacingMm[1]·axes[1] + k·spacingMm[2]·axes[2]` (LPS).
 * For DICOM, axes[0] is the row direction (along a row, increasing column index), axes[1] the column direction and
 * axes[2] the slice normal in the direction of increasing slice position.
 */
export interface ScanVolume {
  info: ScanInfo;
  /** Voxels kept along i, j, k. */
  dims: [number, number, number];
  spacingMm: [number, number, number];
  originMm: Lps;
  /** Unit vectors of i, j and k in LPS. */
  axes: [Lps, Lps, Lps];
  /** Hounsfield units, dims[0]·dims[1]·dims[2] values, i fastest then j then k. */
  hu: Int16Array;
  /** How many stored voxels each kept voxel averages along i, j, k (1, 1, 1 when nothing was downsampled). */
  downsampled: [number, number, number];
  format: 'dicom' | 'nifti';
}

/** The centre of the fractured vertebral body on the scan and the level it is. */
export interface ScanTarget {
  x: number;
  y: number;
  z: number;
  level: LevelId;
}

/** `getState().scan`. */
export interface ScanStateSnapshot {
  loaded: boolean;
  /** The picked centre of the treated body (LPS, mm); null until one is picked. */
  target: { x: number; y: number; z: number } | null;
  level: LevelId | null;
}

/** Why a scan could not be used; each has a message `scan.error.<code>` in src/scan/messages. */
export type ScanErrorCode =
  | 'empty'
  | 'not-readable'
  | 'not-ct'
  | 'mixed-series'
  | 'missing-slices'
  | 'no-spacing'
  | 'tilted'
  | 'too-few-slices'
  | 'too-large'
  | 'unsupported-compression';

/** A scan that cannot be used: `code` picks the notice, `params` fill it, `message` is English for errors. */
export class ScanReadError extends Error {
  constructor(
    readonly code: ScanErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ScanReadError';
  }
}

/** Progress of reading a scan: `fraction` 0–1 of the files read and the volume built. */
export interface ScanProgress {
  fraction: number;
  stage: 'reading' | 'building';
}
