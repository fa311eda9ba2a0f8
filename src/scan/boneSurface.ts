import type { ScanTarget, ScanVolume } from './types';
import { surfaceNets, type Grid } from '../anatomy/surfaceNets';
import { volumeFrame, worldToIndex } from './drr/volumeFrame';

/**
 * The isosurface of a scan's bone in a cube around the target, in world mm (LPS − target). Threshold: 200 HU lies
 * above every unenhanced soft tissue (muscle, blood, disc ≤ ~100 HU) and below cortical bone (≥ ~1000 HU), so it
 * draws the cortical shell of the vertebrae even where osteoporotic cancellous bone reads 80–110 HU (Pickhardt
 * 2013, Ann Intern Med 158:588: L1 ≤ 110 HU is > 90 % specific for osteoporosis) — the outer bone surface a
 * surgeon recognises. (An arterial-phase aorta, 250 HU and more, shows as well.)
 */
export const BONE_THRESHOLD_HU = 200;
/** The cube's side (mm): the treated vertebra and half of each neighbour (a lumbar body plus disc is ~40 mm high). */
export const BONE_CUBE_MM = 110;
/** At most this many triangles (the whole frame stays ≤ 350 k). */
export const MAX_BONE_TRIANGLES = 150_000;
/** Finest sampling step (mm); coarser when the scan is, or when the surface would exceed the triangle cap. */
const FINEST_STEP_MM = 0.8;

/** Indexed triangles in world mm. */
export interface BoneSurface {
  positions: Float32Array;
  indices: Uint32Array;
}

/**
 * Surface nets (src/anatomy/surfaceNets.ts' method) on the scan resampled to a world-aligned grid over the cube,
 * lightly smoothed ([1 2 1] in each direction: CT noise would otherwise roughen the surface), with the cube's
 * border outside so the surface is closed where the cube cuts the bone. The step grows until the surface fits
 * MAX_BONE_TRIANGLES.
 */
export function boneSurface(volume: ScanVolume, target: ScanTarget, sizeMm = BONE_CUBE_MM): BoneSurface {
  let step = Math.max(FINEST_STEP_MM, Math.min(...volume.spacingMm) * 0.75);
  for (;;) {
    const surface = surfaceAt(volume, target, sizeMm, step);
    const triangles = surface.indices.length / 3;
    if (triangles <= MAX_BONE_TRIANGLES) return surface;
    // Triangles scale as 1/step² on a smooth surface; at most ×1.5 a time, so a busy one is not overshot.
    step *= Math.min(1.5, Math.sqrt(triangles / MAX_BONE_TRIANGLES) * 1.05);
  }
}

function surfaceAt(volume: ScanVolume, target: ScanTarget, sizeMm: number, step: number): BoneSurface {
  const n = Math.ceil(sizeMm / step) + 1;
  const origin = -((n - 1) * step) / 2;
  const field = sampleHu(volume, target, n, origin, step);
  smooth(field, n);
  // Negative inside (bone), positive outside; the border is forced outside to close the surface.
  const values = new Float32Array(n * n * n);
  for (let k = 0; k < n; k++)
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        const c = i + n * (j + n * k);
        const border = i === 0 || j === 0 || k === 0 || i === n - 1 || j === n - 1 || k === n - 1;
        values[c] = border ? 1 : BONE_THRESHOLD_HU - field[c]!;
      }
  return surfaceNetsOf(values, n, origin, step);
}

/** Trilinear HU at the grid's points (air outside the scan). */
function sampleHu(
  volume: ScanVolume,
  target: ScanTarget,
  n: number,
  origin: number,
  step: number,
): Float32Array {
  const frame = volumeFrame(volume, target);
  const [nx, ny, nz] = volume.dims;
  const hu = volume.hu;
  const out = new Float32Array(n * n * n);
  const index: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < n; k++)
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        worldToIndex(frame, origin + i * step, origin + j * step, origin + k * step, index);
        const [fi, fj, fk] = index;
        const c = i + n * (j + n * k);
        if (fi < 0 || fj < 0 || fk < 0 || fi > nx - 1 || fj > ny - 1 || fk > nz - 1) {
          out[c] = -1000;
          continue;
        }
        const i0 = Math.min(Math.floor(fi), nx - 2 < 0 ? 0 : nx - 2);
        const j0 = Math.min(Math.floor(fj), ny - 2 < 0 ? 0 : ny - 2);
        const k0 = Math.min(Math.floor(fk), nz - 2 < 0 ? 0 : nz - 2);
        const u = fi - i0;
        const v = fj - j0;
        const w = fk - k0;
        const di = i0 + 1 < nx ? 1 : 0;
        const dj = j0 + 1 < ny ? nx : 0;
        const dk = k0 + 1 < nz ? nx * ny : 0;
        const b = i0 + nx * (j0 + ny * k0);
        const c00 = hu[b]! + (hu[b + di]! - hu[b]!) * u;
        const c10 = hu[b + dj]! + (hu[b + dj + di]! - hu[b + dj]!) * u;
        const c01 = hu[b + dk]! + (hu[b + dk + di]! - hu[b + dk]!) * u;
        const c11 = hu[b + dk + dj]! + (hu[b + dk + dj + di]! - hu[b + dk + dj]!) * u;
        const c0 = c00 + (c10 - c00) * v;
        const c1 = c01 + (c11 - c01) * v;
        out[c] = c0 + (c1 - c0) * w;
      }
  return out;
}

/** [1 2 1]/4 along each axis, in place (edges kept). */
function smooth(field: Float32Array, n: number): void {
  const line = new Float32Array(n);
  const strides = [1, n, n * n];
  for (const stride of strides) {
    const [sa, sb] = strides.filter((s) => s !== stride) as [number, number];
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) {
        const base = a * sa + b * sb;
        for (let t = 0; t < n; t++) line[t] = field[base + t * stride]!;
        for (let t = 1; t < n - 1; t++)
          field[base + t * stride] = (line[t - 1]! + 2 * line[t]! + line[t + 1]!) / 4;
      }
  }
}

/** Surface nets over every cell of the n³ grid, as float32 world positions. */
function surfaceNetsOf(values: Float32Array, n: number, origin: number, step: number): BoneSurface {
  const cells = new Int32Array((n - 1) ** 3);
  let c = 0;
  for (let k = 0; k < n - 1; k++)
    for (let j = 0; j < n - 1; j++) for (let i = 0; i < n - 1; i++) cells[c++] = i + n * (j + n * k);
  const grid: Grid = { origin: [origin, origin, origin], step, nx: n, ny: n, nz: n };
  const mesh = surfaceNets({ values, candidateCells: cells }, grid);
  return { positions: Float32Array.from(mesh.positions), indices: mesh.indices };
}
