import type { ScanTarget, ScanVolume } from './types';
import { volumeFrame, worldToIndex } from './drr/volumeFrame';

/**
 * The part of a volume whose voxels may fall inside a box around the target (world half-extents in mm, x y z), with a
 * voxel to spare: what the bone surface's worker or the X-ray's texture need of a larger scan.
 */
export function cropAroundTarget(
  volume: ScanVolume,
  target: Pick<ScanTarget, 'x' | 'y' | 'z'>,
  halfMm: readonly [number, number, number],
): ScanVolume {
  const frame = volumeFrame(volume, target);
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  const index: [number, number, number] = [0, 0, 0];
  for (const x of [-halfMm[0], halfMm[0]])
    for (const y of [-halfMm[1], halfMm[1]])
      for (const z of [-halfMm[2], halfMm[2]]) {
        worldToIndex(frame, x, y, z, index);
        for (let a = 0; a < 3; a++) {
          lo[a] = Math.min(lo[a]!, index[a]!);
          hi[a] = Math.max(hi[a]!, index[a]!);
        }
      }
  const [nx, ny] = volume.dims;
  // At least one voxel along each axis, even for a box beside the scan (nothing there to see, but a valid volume).
  const from = lo.map((v, a) => Math.min(volume.dims[a]! - 1, Math.max(0, Math.floor(v) - 1)));
  const to = hi.map((v, a) => Math.max(from[a]!, Math.min(volume.dims[a]! - 1, Math.ceil(v) + 1)));
  const dims = from.map((f, a) => to[a]! - f + 1) as [number, number, number];
  const hu = new Int16Array(dims[0] * dims[1] * dims[2]);
  for (let k = 0; k < dims[2]; k++)
    for (let j = 0; j < dims[1]; j++) {
      const start = from[0]! + nx * (from[1]! + j + ny * (from[2]! + k));
      hu.set(volume.hu.subarray(start, start + dims[0]), dims[0] * (j + dims[1] * k));
    }
  const c = frame.columns;
  const originMm = volume.originMm.map(
    (o, b) => o + from[0]! * c[0][b]! + from[1]! * c[1][b]! + from[2]! * c[2][b]!,
  ) as ScanVolume['originMm'];
  return { ...volume, dims, originMm, hu };
}
