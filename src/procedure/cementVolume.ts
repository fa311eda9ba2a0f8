import type { CementArrival } from './cementArrival';

/** The arrival field resampled on a regular voxel grid, for ray-marching the cement surface. */
export interface CementVolume {
  /** Arrival fraction per voxel (x fastest), 1 where cement never arrives. */
  data: Float32Array;
  size: [number, number, number];
  /** Voxel grid bounds in the treated level's frame (mm). */
  min: [number, number, number];
  max: [number, number, number];
  /**
   * Field threshold per fill fraction (index i ↔ fill i / FILL_STEPS): the smoothed, upsampled field would
   * otherwise swell the mass well past the arrival's volume (the blur mixes "never filled" with early cells), so
   * the threshold is chosen by volume — the rendered mass holds fill × the readout's final volume.
   */
  thresholds: Float32Array;
}

const FILL_STEPS = 128;

const UPSAMPLE = 2;
/**
 * Arrival fractions are stored scaled into [0, ARRIVAL_SCALE) so that "never filled" (1) stays clearly apart from
 * the last cement to arrive, even after smoothing; thresholds come from `thresholds` (by volume).
 */
export const ARRIVAL_SCALE = 0.9;
const PAD_CELLS = 2;

/**
 * Spread each cell's arrival over a finer grid and smooth it (separable box blur), so the threshold surface is a
 * smooth, rounded mass rather than the staircase of the simulation grid. Built once per procedure and level.
 */
export function cementVolume(arrival: CementArrival): CementVolume {
  const h = arrival.cellMm / UPSAMPLE;
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < arrival.count; i++) {
    for (let a = 0; a < 3; a++) {
      min[a] = Math.min(min[a]!, arrival.positions[i * 3 + a]! - arrival.cellMm * PAD_CELLS);
      max[a] = Math.max(max[a]!, arrival.positions[i * 3 + a]! + arrival.cellMm * PAD_CELLS);
    }
  }
  if (arrival.count === 0)
    return {
      data: new Float32Array([1]),
      size: [1, 1, 1],
      min: [0, 0, 0],
      max: [1, 1, 1],
      thresholds: new Float32Array(FILL_STEPS + 1),
    };
  const size: [number, number, number] = [0, 1, 2].map((a) => Math.ceil((max[a]! - min[a]!) / h) + 1) as [
    number,
    number,
    number,
  ];
  const [nx, ny, nz] = size;
  let field: Float32Array = new Float32Array(nx * ny * nz).fill(1);
  const index = (x: number, y: number, z: number) => x + nx * (y + ny * z);
  const half = arrival.cellMm / 2;
  for (let i = 0; i < arrival.count; i++) {
    const cx = arrival.positions[i * 3]!;
    const cy = arrival.positions[i * 3 + 1]!;
    const cz = arrival.positions[i * 3 + 2]!;
    const x0 = Math.round((cx - half - min[0]) / h);
    const y0 = Math.round((cy - half - min[1]) / h);
    const z0 = Math.round((cz - half - min[2]) / h);
    for (let dz = 0; dz <= UPSAMPLE; dz++)
      for (let dy = 0; dy <= UPSAMPLE; dy++)
        for (let dx = 0; dx <= UPSAMPLE; dx++) {
          const k = index(x0 + dx, y0 + dy, z0 + dz);
          field[k] = Math.min(field[k]!, arrival.arrival[i]! * ARRIVAL_SCALE);
        }
  }
  for (let axis = 0; axis < 3; axis++) field = blurAxis(field, size, axis);
  for (let axis = 0; axis < 3; axis++) field = blurAxis(field, size, axis);
  const targetVoxels = (arrival.count * arrival.cellMm ** 3) / h ** 3;
  return {
    data: field,
    size,
    min,
    max: [min[0] + (nx - 1) * h, min[1] + (ny - 1) * h, min[2] + (nz - 1) * h],
    thresholds: thresholdsByVolume(field, targetVoxels),
  };
}

/** For each fill step, the field value below which exactly fill × targetVoxels voxels lie. */
function thresholdsByVolume(field: Float32Array, targetVoxels: number): Float32Array {
  const sorted = Float32Array.from(field).sort();
  const out = new Float32Array(FILL_STEPS + 1);
  for (let i = 1; i <= FILL_STEPS; i++) {
    const k = Math.min(sorted.length - 1, Math.round((targetVoxels * i) / FILL_STEPS));
    // Everything strictly below sorted[k] is inside: k voxels.
    out[i] = k > 0 ? sorted[k]! : 0;
  }
  return out;
}

/** The field threshold that shows a fill fraction of the final cement volume (linear between steps). */
export function fillThreshold(volume: CementVolume, fill: number): number {
  const f = Math.min(1, Math.max(0, fill)) * FILL_STEPS;
  const i = Math.min(FILL_STEPS - 1, Math.floor(f));
  const a = volume.thresholds[i]!;
  const b = volume.thresholds[i + 1]!;
  return a + (b - a) * (f - i);
}

/** Three-tap box blur along one axis (edges clamp). */
function blurAxis(field: Float32Array, size: [number, number, number], axis: number): Float32Array {
  const [nx, ny, nz] = size;
  const stride = axis === 0 ? 1 : axis === 1 ? nx : nx * ny;
  const length = size[axis]!;
  const out = new Float32Array(field.length);
  for (let z = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++) {
        const k = x + nx * (y + ny * z);
        const p = axis === 0 ? x : axis === 1 ? y : z;
        const a = field[p > 0 ? k - stride : k]!;
        const b = field[p < length - 1 ? k + stride : k]!;
        out[k] = (a + field[k]! + b) / 3;
      }
  return out;
}
