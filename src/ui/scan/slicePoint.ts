import type { Lps, ScanVolume } from '../../scan/types';

/*
 * Where a slice view's pixels lie in the patient (DICOM LPS, mm), for any volume orientation. The views are planes
 * of the patient, not of the volume's grid, so a scan stored with flipped or permuted axes still shows the patient
 * the way radiologists read it:
 * - axial: seen from the feet, the patient's left on the image's right (+x → right) and anterior up (+y → down);
 * - sagittal: seen from the patient's left, head up (+z → up) and anterior on the left (+y → right).
 * Pixel coordinates are continuous: pixel (c, r) covers [c, c + 1) × [r, r + 1), its centre at (c + ½, r + ½).
 */

export type SliceKind = 'axial' | 'sagittal';

/** A slice view's pixel grid: its size, square pixels of `mmPerPixel`, and the LPS span it shows. */
export interface SliceFrame {
  kind: SliceKind;
  width: number;
  height: number;
  mmPerPixel: number;
  /** The LPS bounds of the volume's voxel centres (min and max per axis). */
  min: Lps;
  max: Lps;
}

/** LPS position of voxel (i, j, k) (continuous indices allowed). */
export function voxelToLps(volume: ScanVolume, i: number, j: number, k: number): Lps {
  const { originMm: o, axes: a, spacingMm: s } = volume;
  const ii = i * s[0];
  const jj = j * s[1];
  const kk = k * s[2];
  return [
    o[0] + ii * a[0][0] + jj * a[1][0] + kk * a[2][0],
    o[1] + ii * a[0][1] + jj * a[1][1] + kk * a[2][1],
    o[2] + ii * a[0][2] + jj * a[1][2] + kk * a[2][2],
  ];
}

/**
 * The map from LPS to continuous voxel indices: row r of `m` gives index r = m[r]·(p − origin). The inverse of the
 * (spacing-scaled) axes matrix, so axes need not be orthogonal or unit-length-aligned with LPS.
 */
export function lpsToVoxelMatrix(volume: ScanVolume): [Lps, Lps, Lps] {
  const { axes: a, spacingMm: s } = volume;
  // Columns of M are the voxel steps in mm: M = [s0·a0 | s1·a1 | s2·a2]; the rows of M⁻¹ are cross products / det.
  const c0: Lps = [a[0][0] * s[0], a[0][1] * s[0], a[0][2] * s[0]];
  const c1: Lps = [a[1][0] * s[1], a[1][1] * s[1], a[1][2] * s[1]];
  const c2: Lps = [a[2][0] * s[2], a[2][1] * s[2], a[2][2] * s[2]];
  const det = dot(c0, cross(c1, c2));
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) throw new Error('The scan axes are degenerate');
  const r0 = cross(c1, c2);
  const r1 = cross(c2, c0);
  const r2 = cross(c0, c1);
  return [scale(r0, 1 / det), scale(r1, 1 / det), scale(r2, 1 / det)];
}

/** Continuous voxel indices (i, j, k) of an LPS point. */
export function lpsToVoxel(volume: ScanVolume, p: Lps, m = lpsToVoxelMatrix(volume)): Lps {
  const d: Lps = [p[0] - volume.originMm[0], p[1] - volume.originMm[1], p[2] - volume.originMm[2]];
  return [dot(m[0], d), dot(m[1], d), dot(m[2], d)];
}

/** LPS bounds of the voxel centres: the eight corners of the grid. */
export function volumeBounds(volume: ScanVolume): { min: Lps; max: Lps } {
  const [nx, ny, nz] = volume.dims;
  const min: Lps = [Infinity, Infinity, Infinity];
  const max: Lps = [-Infinity, -Infinity, -Infinity];
  for (const i of [0, nx - 1])
    for (const j of [0, ny - 1])
      for (const k of [0, nz - 1]) {
        const p = voxelToLps(volume, i, j, k);
        for (const d of [0, 1, 2] as const) {
          min[d] = Math.min(min[d], p[d]);
          max[d] = Math.max(max[d], p[d]);
        }
      }
  return { min, max };
}

/** The voxel step (mm) along an LPS axis: the spacing of the volume axis most aligned with it. */
export function spacingAlong(volume: ScanVolume, lpsAxis: 0 | 1 | 2): number {
  let best: 0 | 1 | 2 = 0;
  for (const a of [1, 2] as const)
    if (Math.abs(volume.axes[a][lpsAxis]) > Math.abs(volume.axes[best][lpsAxis])) best = a;
  return volume.spacingMm[best];
}

/** The LPS axes a view's columns and rows run along, and the axis it cuts through. */
export const VIEW_AXES: Record<SliceKind, { u: 0 | 1 | 2; v: 0 | 1 | 2; through: 0 | 1 | 2 }> = {
  axial: { u: 0, v: 1, through: 2 },
  sagittal: { u: 1, v: 2, through: 0 },
};

/** Upper bound on a view's side, so a fine scan does not make a huge canvas (the screen shows less anyway). */
const MAX_SIDE_PX = 768;

/** The pixel grid of a view of `volume`: square pixels at the finer in-plane voxel step. */
export function sliceFrame(volume: ScanVolume, kind: SliceKind): SliceFrame {
  const { min, max } = volumeBounds(volume);
  const { u, v } = VIEW_AXES[kind];
  const spanU = max[u] - min[u];
  const spanV = max[v] - min[v];
  let mm = Math.min(spacingAlong(volume, u), spacingAlong(volume, v));
  mm = Math.max(mm, Math.max(spanU, spanV) / MAX_SIDE_PX);
  return {
    kind,
    // One pixel per step, plus one: the extreme voxel centres lie half a pixel inside the image's edges.
    width: Math.max(1, Math.round(spanU / mm) + 1),
    height: Math.max(1, Math.round(spanV / mm) + 1),
    mmPerPixel: mm,
    min,
    max,
  };
}

/**
 * The LPS point under pixel (c, r) of a view; the through-plane coordinate comes from `point` (the slice shown).
 * Axial: c → +x from min x, r → +y from min y. Sagittal: c → +y from min y, r → −z from max z (head up).
 */
export function pixelToLps(frame: SliceFrame, c: number, r: number, point: Lps): Lps {
  const mm = frame.mmPerPixel;
  const du = (c - 0.5) * mm;
  const dv = (r - 0.5) * mm;
  if (frame.kind === 'axial') return [frame.min[0] + du, frame.min[1] + dv, point[2]];
  return [point[0], frame.min[1] + du, frame.max[2] - dv];
}

/** The pixel (continuous) where an LPS point falls in a view: the inverse of `pixelToLps`. */
export function lpsToPixel(frame: SliceFrame, p: Lps): [number, number] {
  const mm = frame.mmPerPixel;
  if (frame.kind === 'axial') return [(p[0] - frame.min[0]) / mm + 0.5, (p[1] - frame.min[1]) / mm + 0.5];
  return [(p[1] - frame.min[1]) / mm + 0.5, (frame.max[2] - p[2]) / mm + 0.5];
}

/** Keep a point inside the volume's bounds. */
export function clampToVolume(frame: Pick<SliceFrame, 'min' | 'max'>, p: Lps): Lps {
  const clamp = (d: 0 | 1 | 2) => Math.min(frame.max[d], Math.max(frame.min[d], p[d]));
  return [clamp(0), clamp(1), clamp(2)];
}

function dot(a: Lps, b: Lps): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function cross(a: Lps, b: Lps): Lps {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function scale(a: Lps, s: number): Lps {
  return [a[0] * s, a[1] * s, a[2] * s];
}
