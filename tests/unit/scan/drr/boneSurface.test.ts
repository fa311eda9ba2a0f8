import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { BONE_BOX_MM, MAX_BONE_TRIANGLES, boneSurface } from '../../../../src/scan/boneSurface';
import { cropAroundTarget } from '../../../../src/scan/cropVolume';
import { worldToTexture } from '../../../../src/scan/drr/drrMaterial';
import { volumeFrame } from '../../../../src/scan/drr/volumeFrame';
import type { ScanVolume } from '../../../../src/scan/types';
import { PHANTOM, PHANTOM_CENTRE, phantomVolume } from '../../../support/ctPhantom';

const target = { x: PHANTOM_CENTRE[0], y: PHANTOM_CENTRE[1], z: PHANTOM_CENTRE[2], level: 'L1' as const };

function bounds(positions: Float32Array): { min: number[]; max: number[] } {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i += 3)
    for (let a = 0; a < 3; a++) {
      min[a] = Math.min(min[a]!, positions[i + a]!);
      max[a] = Math.max(max[a]!, positions[i + a]!);
    }
  return { min, max };
}

/** The same phantom stored with i running right-to-left (axes[0] = −x) and k feet-first: a general orientation. */
function flipped(volume: ScanVolume): ScanVolume {
  const [nx, ny, nz] = volume.dims;
  const hu = new Int16Array(volume.hu.length);
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++)
        hu[i + nx * (j + ny * k)] = volume.hu[nx - 1 - i + nx * (j + ny * (nz - 1 - k))]!;
  const [sx, , sz] = volume.spacingMm;
  const o = volume.originMm;
  return {
    ...volume,
    hu,
    originMm: [o[0] + (nx - 1) * sx, o[1], o[2] + (nz - 1) * sz],
    axes: [
      [-1, 0, 0],
      [0, 1, 0],
      [0, 0, -1],
    ],
  };
}

describe("the scan's bone surface", () => {
  const volume = phantomVolume();
  // The block and the rods (≥ 200 HU) in world mm (the target is the phantom's centre); tissue (40 HU) left out.
  const b = PHANTOM.block.sizeMm.map((s) => s / 2);
  const expected = { min: [-b[0]!, -b[1]!, -b[2]!], max: [b[0]!, PHANTOM.rods.toYMm, b[2]!] };

  it('outlines the dense block and the rods, not the soft tissue, in world mm (LPS − target)', () => {
    const surface = boneSurface(volume, target);
    const { min, max } = bounds(surface.positions);
    // Within one voxel (2–2.5 mm): partial volume at the voxel centres and the light smoothing.
    for (let a = 0; a < 3; a++) {
      expect(Math.abs(min[a]! - expected.min[a]!), `min ${a}`).toBeLessThan(2.5);
      expect(Math.abs(max[a]! - expected.max[a]!), `max ${a}`).toBeLessThan(2.5);
    }
    expect(surface.indices.length / 3).toBeGreaterThan(1000);
  });

  it('is the same from a crop around the target and from a volume stored in another orientation', () => {
    const whole = bounds(boneSurface(volume, target).positions);
    const half = BONE_BOX_MM.map((size) => size / 2) as [number, number, number];
    const cropped = cropAroundTarget(volume, target, half);
    expect(cropped.hu.length).toBeLessThan(volume.hu.length / 2);
    const fromCrop = bounds(boneSurface(cropped, target).positions);
    const fromFlipped = bounds(boneSurface(flipped(volume), target).positions);
    for (let a = 0; a < 3; a++) {
      expect(fromCrop.min[a]).toBeCloseTo(whole.min[a]!, 3);
      expect(fromCrop.max[a]).toBeCloseTo(whole.max[a]!, 3);
      expect(Math.abs(fromFlipped.min[a]! - whole.min[a]!)).toBeLessThan(0.01);
      expect(Math.abs(fromFlipped.max[a]! - whole.max[a]!)).toBeLessThan(0.01);
    }
  });

  it('coarsens its sampling just enough to stay within the triangle cap', () => {
    // A 1 mm checkerboard of 8 mm bone and air cubes: far more surface than the cap allows at the finest step.
    const n = 120;
    const hu = new Int16Array(n * n * n);
    for (let k = 0; k < n; k++)
      for (let j = 0; j < n; j++)
        for (let i = 0; i < n; i++)
          hu[i + n * (j + n * k)] =
            (Math.floor(i / 8) + Math.floor(j / 8) + Math.floor(k / 8)) % 2 ? 1000 : -1000;
    const busy: ScanVolume = {
      ...volume,
      dims: [n, n, n],
      spacingMm: [1, 1, 1],
      originMm: [target.x - 60, target.y - 60, target.z - 60],
      hu,
    };
    const triangles = boneSurface(busy, target).indices.length / 3;
    expect(triangles).toBeLessThanOrEqual(MAX_BONE_TRIANGLES);
    expect(triangles).toBeGreaterThan(MAX_BONE_TRIANGLES / 3);
  });
});

describe('the DRR texture frame', () => {
  it('puts the edge voxels’ centres half a texel inside the texture, for any orientation', () => {
    for (const v of [phantomVolume(), flipped(phantomVolume())]) {
      const m = worldToTexture(volumeFrame(v, target), v.dims);
      const voxel = (i: number, j: number, k: number) =>
        new Vector3(
          v.originMm[0] - target.x + i * v.spacingMm[0] * v.axes[0][0] + k * v.spacingMm[2] * v.axes[2][0],
          v.originMm[1] - target.y + j * v.spacingMm[1],
          v.originMm[2] - target.z + k * v.spacingMm[2] * v.axes[2][2] + i * v.spacingMm[0] * v.axes[0][2],
        ).applyMatrix4(m);
      const [nx, ny, nz] = v.dims;
      const first = voxel(0, 0, 0);
      const last = voxel(nx - 1, ny - 1, nz - 1);
      expect(first.x).toBeCloseTo(0.5 / nx, 6);
      expect(first.y).toBeCloseTo(0.5 / ny, 6);
      expect(first.z).toBeCloseTo(0.5 / nz, 6);
      expect(last.x).toBeCloseTo(1 - 0.5 / nx, 6);
      expect(last.z).toBeCloseTo(1 - 0.5 / nz, 6);
    }
  });
});
