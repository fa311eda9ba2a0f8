/** Helpers shared by the reader's tests: files as the browser hands them, and sampling a read volume. */
import type { Lps, ScanVolume } from '../../../../src/scan/types';
import type { SyntheticFile } from '../../../support/syntheticDicom';

/** Written files as File objects (what a drop or a file input gives the page). */
export function asFiles(files: SyntheticFile[]): File[] {
  return files.map((f) => new File([f.bytes as BlobPart], f.name));
}

/** The same files in a fixed scrambled order. */
export function shuffled<T>(items: T[], seed = 7): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 16807) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The voxel index nearest an LPS point (axes are orthonormal), or null outside the volume. */
export function voxelAt(volume: ScanVolume, p: Lps): [number, number, number] | null {
  const d = [0, 1, 2].map((c) => p[c]! - volume.originMm[c]!);
  const index = volume.axes.map((axis, a) =>
    Math.round((d[0]! * axis[0] + d[1]! * axis[1] + d[2]! * axis[2]) / volume.spacingMm[a]!),
  ) as [number, number, number];
  return index.every((v, a) => v >= 0 && v < volume.dims[a]!) ? index : null;
}

/** HU of the voxel nearest an LPS point. */
export function huAt(volume: ScanVolume, p: Lps): number {
  const v = voxelAt(volume, p);
  if (!v) throw new Error(`point ${p.join(', ')} outside the volume`);
  const [nx, ny] = volume.dims;
  return volume.hu[v[0] + nx * (v[1] + ny * v[2])]!;
}

/** How many values differ between two arrays of equal length (toEqual on large typed arrays is very slow). */
export function countDifferences(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.max(a.length, b.length);
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}
