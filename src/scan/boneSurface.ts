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
/**
 * The box around the target (mm: left–right, front–back, head–foot): the treated vertebra and half of each
 * neighbour (a lumbar body plus disc is ~40 mm high), and wide enough for the transverse processes (lumbar tips
 * ~70–75 mm apart) so the box does not cut them into flat faces.
 */
export const BONE_BOX_MM: readonly [number, number, number] = [150, 110, 110];
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
export function boneSurface(
  volume: ScanVolume,
  target: ScanTarget,
  boxMm: readonly [number, number, number] = BONE_BOX_MM,
): BoneSurface {
  let step = Math.max(FINEST_STEP_MM, Math.min(...volume.spacingMm) * 0.75);
  for (;;) {
    const surface = surfaceAt(volume, target, boxMm, step);
    const triangles = surface.indices.length / 3;
    if (triangles <= MAX_BONE_TRIANGLES) return surface;
    // Triangles scale as 1/step² on a smooth surface; at most ×1.5 a time, so a busy one is not overshot.
    step *= Math.min(1.5, Math.sqrt(triangles / MAX_BONE_TRIANGLES) * 1.05);
  }
}

/** Grid points along x, y, z and the world position of the first (the box is centred on the target). */
type Lattice = { n: [number, number, number]; origin: [number, number, number]; step: number };

function surfaceAt(
  volume: ScanVolume,
  target: ScanTarget,
  boxMm: readonly [number, number, number],
  step: number,
): BoneSurface {
  const n = boxMm.map((size) => Math.ceil(size / step) + 1) as [number, number, number];
  const lattice: Lattice = { n, origin: n.map((m) => -((m - 1) * step) / 2) as Lattice['origin'], step };
  const [nx, ny, nz] = n;
  const field = sampleHu(volume, target, lattice);
  smooth(field, n);
  // Negative inside (bone), positive outside; the border is forced outside to close the surface.
  const values = new Float32Array(nx * ny * nz);
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const c = i + nx * (j + ny * k);
        const border = i === 0 || j === 0 || k === 0 || i === nx - 1 || j === ny - 1 || k === nz - 1;
        values[c] = border ? 1 : BONE_THRESHOLD_HU - field[c]!;
      }
  return surfaceNetsOf(values, lattice);
}

/** Trilinear HU at the grid's points (air outside the scan). */
function sampleHu(volume: ScanVolume, target: ScanTarget, lattice: Lattice): Float32Array {
  const frame = volumeFrame(volume, target);
  const [nx, ny, nz] = volume.dims;
  const [gx, gy, gz] = lattice.n;
  const [ox, oy, oz] = lattice.origin;
  const step = lattice.step;
  const hu = volume.hu;
  const out = new Float32Array(gx * gy * gz);
  const index: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < gz; k++)
    for (let j = 0; j < gy; j++)
      for (let i = 0; i < gx; i++) {
        worldToIndex(frame, ox + i * step, oy + j * step, oz + k * step, index);
        const [fi, fj, fk] = index;
        const c = i + gx * (j + gy * k);
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
function smooth(field: Float32Array, n: readonly [number, number, number]): void {
  const strides = [1, n[0], n[0] * n[1]];
  const line = new Float32Array(Math.max(...n));
  for (let axis = 0; axis < 3; axis++) {
    const stride = strides[axis]!;
    const length = n[axis]!;
    // The other two axes, whose every pair of positions starts one line along `axis`.
    const [a, b] = [0, 1, 2].filter((x) => x !== axis) as [number, number];
    for (let p = 0; p < n[a]!; p++)
      for (let q = 0; q < n[b]!; q++) {
        const base = p * strides[a]! + q * strides[b]!;
        for (let t = 0; t < length; t++) line[t] = field[base + t * stride]!;
        for (let t = 1; t < length - 1; t++)
          field[base + t * stride] = (line[t - 1]! + 2 * line[t]! + line[t + 1]!) / 4;
      }
  }
}

/** Surface nets over every cell of the lattice, as float32 world positions. */
function surfaceNetsOf(values: Float32Array, lattice: Lattice): BoneSurface {
  const [nx, ny, nz] = lattice.n;
  const cells = new Int32Array((nx - 1) * (ny - 1) * (nz - 1));
  let c = 0;
  for (let k = 0; k < nz - 1; k++)
    for (let j = 0; j < ny - 1; j++) for (let i = 0; i < nx - 1; i++) cells[c++] = i + nx * (j + ny * k);
  const grid: Grid = { origin: lattice.origin, step: lattice.step, nx, ny, nz };
  const mesh = surfaceNets({ values, candidateCells: cells }, grid);
  return { positions: Float32Array.from(mesh.positions), indices: mesh.indices };
}
