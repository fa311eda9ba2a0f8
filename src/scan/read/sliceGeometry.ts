/**
 * The geometry of a stack of parallel slices: their common normal, their order along it, the slice spacing, and
 * the checks that the stack is one regular block of voxels (no gantry tilt, no wandering slices, no gaps).
 */
import { ScanReadError, type Lps } from '../types';

/** Largest angle between the slice normal and the line through the slice positions (about 1°). */
const MAX_TILT_RAD = (1 * Math.PI) / 180;
/** A gap larger than this many median slice distances means slices are missing. */
const GAP_FACTOR = 1.5;
/** Positions closer than this (mm) along the normal are the same slice twice. */
const SAME_POSITION_MM = 0.01;

export const dot = (a: Lps, b: Lps): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const sub = (a: Lps, b: Lps): Lps => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export function cross(a: Lps, b: Lps): Lps {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
export function normalise(a: Lps): Lps {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
}

/** The median of some numbers (they are sorted in place). */
export function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const m = values.length >> 1;
  return values.length % 2 ? values[m]! : (values[m - 1]! + values[m]!) / 2;
}

/** Slice order and spacing of a stack. */
export interface StackGeometry {
  /** Indices into the positions given, by increasing position along the normal. */
  order: number[];
  normal: Lps;
  /** Median distance between neighbouring slices (mm). */
  spacingMm: number;
}

/**
 * Orders slices at `positions` (their first pixel's centre) with orientation `row`, `column` along the normal and
 * checks them: rejects with `mixed-series` (a position twice), `tilted` (positions off the normal by more than
 * about 1°, or wandering in-plane by more than a tenth of a pixel beyond that), `missing-slices` (gaps).
 */
export function stackGeometry(positions: Lps[], row: Lps, column: Lps, minPixelMm: number): StackGeometry {
  const normal = normalise(cross(row, column));
  const along = positions.map((p) => dot(p, normal));
  const order = along.map((_, i) => i).sort((a, b) => along[a]! - along[b]!);
  const steps: number[] = [];
  for (let k = 1; k < order.length; k++) steps.push(along[order[k]!]! - along[order[k - 1]!]!);
  if (steps.some((s) => s < SAME_POSITION_MM)) {
    throw new ScanReadError('mixed-series', 'Two images share one slice position', { count: 2 });
  }
  const first = positions[order[0]!]!;
  const tanTilt = Math.tan(MAX_TILT_RAD);
  for (const p of positions) {
    const d = sub(p, first);
    const a = dot(d, normal);
    const off = Math.hypot(d[0] - a * normal[0], d[1] - a * normal[1], d[2] - a * normal[2]);
    if (off > tanTilt * Math.abs(a) + 0.1 * minPixelMm) {
      throw new ScanReadError('tilted', 'The slices are tilted against their planes (gantry tilt)');
    }
  }
  const spacingMm = median([...steps]);
  let missing = 0;
  for (const s of steps)
    if (s > GAP_FACTOR * spacingMm) missing += Math.max(1, Math.round(s / spacingMm) - 1);
  if (missing > 0) {
    throw new ScanReadError('missing-slices', `Slices missing from the series: ${missing}`, {
      count: missing,
    });
  }
  return { order, normal, spacingMm };
}
