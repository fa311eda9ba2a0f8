import type { ScanTarget, ScanVolume } from '../types';

/**
 * Where a scan's voxels lie in the scene. The scene's world is LPS minus the picked target (no rotation), so voxel
 * (i, j, k) sits at `originMm − target + i·s₀·a₀ + j·s₁·a₁ + k·s₂·a₂`. `toIndex` is the inverse: a world point to
 * continuous voxel indices, for any (also oblique or non-orthogonal) voxel axes.
 */
export interface VolumeFrame {
  /** World position (mm) of voxel (0, 0, 0)'s centre. */
  origin: [number, number, number];
  /** Columns of the 3×3 matrix from voxel index steps to world mm: axis·spacing, for i, j, k. */
  columns: [[number, number, number], [number, number, number], [number, number, number]];
  /** Row-major inverse of that matrix: world mm (relative to `origin`) to voxel index steps. */
  inverse: Float64Array;
}

export function volumeFrame(volume: ScanVolume, target: Pick<ScanTarget, 'x' | 'y' | 'z'>): VolumeFrame {
  const c = volume.axes.map((axis, a) => axis.map((v) => v * volume.spacingMm[a]!)) as VolumeFrame['columns'];
  // Matrix M with columns c0, c1, c2; M⁻¹ = adj(M)/det(M), whose rows are the cross products of its columns.
  const cross = (p: readonly number[], q: readonly number[]) => [
    p[1]! * q[2]! - p[2]! * q[1]!,
    p[2]! * q[0]! - p[0]! * q[2]!,
    p[0]! * q[1]! - p[1]! * q[0]!,
  ];
  const r0 = cross(c[1], c[2]);
  const r1 = cross(c[2], c[0]);
  const r2 = cross(c[0], c[1]);
  const det = c[0][0] * r0[0]! + c[0][1] * r0[1]! + c[0][2] * r0[2]!;
  const inverse = Float64Array.from([...r0, ...r1, ...r2].map((v) => v / det));
  return {
    origin: [volume.originMm[0] - target.x, volume.originMm[1] - target.y, volume.originMm[2] - target.z],
    columns: c,
    inverse,
  };
}

/** Continuous voxel indices of a world point (into `out`). */
export function worldToIndex(
  frame: VolumeFrame,
  x: number,
  y: number,
  z: number,
  out: [number, number, number],
): [number, number, number] {
  const m = frame.inverse;
  const dx = x - frame.origin[0];
  const dy = y - frame.origin[1];
  const dz = z - frame.origin[2];
  out[0] = m[0]! * dx + m[1]! * dy + m[2]! * dz;
  out[1] = m[3]! * dx + m[4]! * dy + m[5]! * dz;
  out[2] = m[6]! * dx + m[7]! * dy + m[8]! * dz;
  return out;
}
