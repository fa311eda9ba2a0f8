import { C_ARM, angleOfView, sourceDirection } from '../../fluoro/cArmGeometry';
import type { XrayView } from '../../procedure/types';
import type { ScanTarget, ScanVolume } from '../types';
import { HU_AIR, HU_CLAMP, MU_SMOOTH_CAP, huToMuTable } from './huToMu';
import { volumeFrame, worldToIndex, type VolumeFrame } from './volumeFrame';

/** Σ μ·L along a ray: all of it, and its smooth body part (μ capped at soft tissue, see MU_SMOOTH_CAP). */
export interface LineIntegral {
  total: number;
  smooth: number;
}

/** The ray march never takes more steps than this per ray (GPU and CPU alike). */
export const MAX_DRR_STEPS = 768;

/** Step along a ray (mm): half the finest voxel spacing, so no voxel is skipped. */
export function drrStepMm(volume: ScanVolume): number {
  return Math.min(...volume.spacingMm) / 2;
}

/**
 * The line integral of a scan's μ along a ray, computed as the X-ray pass's ray march does: the ray clipped to the
 * volume's box (voxel centres ± half a voxel), sampled at step midpoints with trilinear interpolation of μ
 * (clamped at the edges, as the texture is), step `drrStepMm` or longer so that at most MAX_DRR_STEPS are taken.
 * `from` in world mm (LPS − target), `direction` a unit vector.
 */
export function scanLineIntegral(
  volume: ScanVolume,
  target: Pick<ScanTarget, 'x' | 'y' | 'z'>,
  from: readonly [number, number, number],
  direction: readonly [number, number, number],
  frame: VolumeFrame = volumeFrame(volume, target),
): LineIntegral {
  const mu = muSampler(volume);
  const o = worldToIndex(frame, from[0], from[1], from[2], [0, 0, 0]);
  const far = worldToIndex(
    frame,
    from[0] + direction[0],
    from[1] + direction[1],
    from[2] + direction[2],
    [0, 0, 0],
  );
  const d = [far[0] - o[0], far[1] - o[1], far[2] - o[2]];
  let t0 = 0;
  let t1 = Infinity;
  for (let a = 0; a < 3; a++) {
    const lo = -0.5;
    const hi = volume.dims[a]! - 0.5;
    if (Math.abs(d[a]!) < 1e-12) {
      if (o[a]! < lo || o[a]! > hi) return { total: 0, smooth: 0 };
      continue;
    }
    const ta = (lo - o[a]!) / d[a]!;
    const tb = (hi - o[a]!) / d[a]!;
    t0 = Math.max(t0, Math.min(ta, tb));
    t1 = Math.min(t1, Math.max(ta, tb));
  }
  if (!(t1 > t0)) return { total: 0, smooth: 0 };
  const length = t1 - t0;
  const steps = Math.min(MAX_DRR_STEPS, Math.ceil(length / drrStepMm(volume)));
  const dt = length / steps;
  let total = 0;
  let smooth = 0;
  for (let s = 0; s < steps; s++) {
    const t = t0 + (s + 0.5) * dt;
    const m = mu(o[0] + t * d[0]!, o[1] + t * d[1]!, o[2] + t * d[2]!);
    total += m;
    smooth += Math.min(m, MU_SMOOTH_CAP);
  }
  return { total: total * dt, smooth: smooth * dt };
}

/** Σ μ·L of the scan along a view's central ray (source through the target): the exposure reference. */
export function drrReference(
  volume: ScanVolume,
  target: Pick<ScanTarget, 'x' | 'y' | 'z'>,
  view: XrayView,
  frame?: VolumeFrame,
): LineIntegral {
  const d = sourceDirection(angleOfView(view), [0, 0, 0]);
  const r = C_ARM.sourceToIsocentreMm;
  return scanLineIntegral(volume, target, [d[0] * r, d[1] * r, d[2] * r], [-d[0], -d[1], -d[2]], frame);
}

/** Trilinear μ at continuous voxel indices, clamped to the edge voxels. */
function muSampler(volume: ScanVolume): (i: number, j: number, k: number) => number {
  const table = huToMuTable();
  const [nx, ny, nz] = volume.dims;
  const hu = volume.hu;
  const at = (i: number, j: number, k: number) => {
    const h = hu[i + nx * (j + ny * k)]!;
    return table[Math.min(Math.max(h, HU_AIR), HU_CLAMP) - HU_AIR]!;
  };
  const clampI = (v: number, n: number) => Math.min(Math.max(v, 0), n - 1);
  return (fi, fj, fk) => {
    const ci = clampI(fi, nx);
    const cj = clampI(fj, ny);
    const ck = clampI(fk, nz);
    const i0 = Math.min(Math.floor(ci), nx - 2 < 0 ? 0 : nx - 2);
    const j0 = Math.min(Math.floor(cj), ny - 2 < 0 ? 0 : ny - 2);
    const k0 = Math.min(Math.floor(ck), nz - 2 < 0 ? 0 : nz - 2);
    const i1 = Math.min(i0 + 1, nx - 1);
    const j1 = Math.min(j0 + 1, ny - 1);
    const k1 = Math.min(k0 + 1, nz - 1);
    const u = ci - i0;
    const v = cj - j0;
    const w = ck - k0;
    const lerp = (a: number, b: number, f: number) => a + (b - a) * f;
    const c00 = lerp(at(i0, j0, k0), at(i1, j0, k0), u);
    const c10 = lerp(at(i0, j1, k0), at(i1, j1, k0), u);
    const c01 = lerp(at(i0, j0, k1), at(i1, j0, k1), u);
    const c11 = lerp(at(i0, j1, k1), at(i1, j1, k1), u);
    return lerp(lerp(c00, c10, v), lerp(c01, c11, v), w);
  };
}
