import type { Vec3 } from '../anatomy/vertebraLandmarks';
import { pointAlong, polylineLength, type LeakPath } from './complicationPaths';
import { hashSeed, mulberry32 } from './random';

/**
 * A leak drawn as a chain of overlapping cement blobs along each branch of its route: each blob has a place, a
 * size per axis, and its distance from where the cement left the body. At a share g of the final volume, the blobs
 * within g × the route's longest reach are shown (the front one growing in), so the leak creeps outwards along its
 * path as the state's leakVolumeMl rises. Built once per route; a frame only reads it.
 */

export interface LeakBlobs {
  count: number;
  /** Blob centres, x y z per blob (treated level's frame, mm). */
  positions: Float32Array;
  /** Blob radii per axis, mm. */
  scales: Float32Array;
  /** Distance along the route from the leak's source, mm. */
  distances: Float32Array;
  /** The longest distance any blob lies from the source: the reach at the final volume. */
  reachMm: number;
}

/** Blobs overlap: one every this many radii along a branch (a continuous-looking column of cement). */
export const SPACING_RADII = 0.5;

/** Where each branch starts along the route: 0 at the source, or how far along an earlier branch it forks. */
function branchOffsets(path: LeakPath): number[] {
  const offsets: number[] = [];
  path.branches.forEach((branch, b) => {
    let offset = 0;
    const [fx, fy, fz] = branch.points[0]!;
    for (let e = 0; e < b && offset === 0; e++) {
      const earlier = path.branches[e]!.points;
      for (let i = 0; i < earlier.length; i++) {
        const p = earlier[i]!;
        if (Math.hypot(p[0] - fx, p[1] - fy, p[2] - fz) < 1e-6) {
          offset = offsets[e]! + polylineLength(earlier.slice(0, i + 1));
          break;
        }
      }
    }
    offsets.push(offset);
  });
  return offsets;
}

export function leakBlobs(path: LeakPath, seed: string): LeakBlobs {
  const random = mulberry32(hashSeed(seed));
  const r = path.radiusMm;
  const offsets = branchOffsets(path);
  const positions: number[] = [];
  const scales: number[] = [];
  const distances: number[] = [];
  const at: [number, number, number] = [0, 0, 0];
  path.branches.forEach((branch, b) => {
    const length = polylineLength(branch.points);
    const n = r > 0 ? Math.max(1, Math.ceil(length / (SPACING_RADII * r))) : 0;
    for (let i = 0; i <= n; i++) {
      const s = (length * i) / Math.max(1, n);
      pointAlong(branch.points, s, at);
      positions.push(at[0], at[1], at[2]);
      // Cement in a vessel or a track is uneven: a little beading (±20 %), thinning slightly towards the front.
      const size = r * (0.9 + 0.2 * random()) * (1.1 - 0.25 * (s / Math.max(length, 1e-6)));
      const shape: Vec3 = branch.shape;
      scales.push(size * shape[0], size * shape[1], size * shape[2]);
      distances.push(offsets[b]! + s);
    }
  });
  return {
    count: distances.length,
    positions: Float32Array.from(positions),
    scales: Float32Array.from(scales),
    distances: Float32Array.from(distances),
    reachMm: distances.length > 0 ? Math.max(...distances) : 0,
  };
}

/**
 * How much of one blob shows (0 hidden … 1 full size) when the leak holds `share` of its final volume: the front
 * reaches share × reach, and a blob grows in over the last two of its radii before the front passes it.
 */
export function blobGrowth(blobs: LeakBlobs, index: number, share: number, radiusMm: number): number {
  if (share <= 0) return 0;
  const front = share * (blobs.reachMm + 1.5 * radiusMm);
  const k = (front - blobs.distances[index]!) / Math.max(2 * radiusMm, 1e-6) + 0.5;
  return k <= 0 ? 0 : k >= 1 ? 1 : k;
}

/**
 * How far beyond the body's middle, seen from the camera, a hidden blob still shows through the bone (mm). Further,
 * it lies behind the whole body: shown through it, a venous leak's far branch crossed the near one in the picture,
 * and the two read as a green cross rather than as veins round the body's waist (the X-ray shows both).
 */
export const SHOW_THROUGH_FAR_SIDE_MM = 5;

/**
 * Whether a blob hidden by bone or disc shows faintly through it, seen from `toCamera` (a unit vector from the
 * body's centre towards the camera, in the level's frame): on the camera's side of the body, or not far beyond its
 * middle (a vein in the body, the canal, the disc's middle).
 */
export function showsThrough(
  blobs: LeakBlobs,
  index: number,
  toCamera: { x: number; y: number; z: number },
): boolean {
  const p = blobs.positions;
  const along = p[3 * index]! * toCamera.x + p[3 * index + 1]! * toCamera.y + p[3 * index + 2]! * toCamera.z;
  return along > -SHOW_THROUGH_FAR_SIDE_MM;
}
