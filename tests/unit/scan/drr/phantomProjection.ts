/** The analytic projection of the CT phantom (tests/support/ctPhantom.ts): exact chord lengths × μ(HU). */
import { huToMu } from '../../../../src/scan/drr/huToMu';
import { PHANTOM, PHANTOM_GRID } from '../../../support/ctPhantom';

export type V3 = [number, number, number];

/** Parameter interval [t0, t1] of a ray inside an axis-aligned box (empty: t1 ≤ t0). */
function slab(o: V3, d: V3, lo: V3, hi: V3): [number, number] {
  let t0 = -Infinity;
  let t1 = Infinity;
  for (const a of [0, 1, 2] as const) {
    if (d[a] === 0) {
      if (o[a] < lo[a] || o[a] > hi[a]) return [0, 0];
      continue;
    }
    const ta = (lo[a] - o[a]) / d[a];
    const tb = (hi[a] - o[a]) / d[a];
    t0 = Math.max(t0, Math.min(ta, tb));
    t1 = Math.min(t1, Math.max(ta, tb));
  }
  return [t0, t1];
}

/** Interval of a ray inside an infinite cylinder of radius r around the axis `axis` through (c1, c2) of the other two. */
function cylinder(o: V3, d: V3, axis: 0 | 1 | 2, c: [number, number], r: number): [number, number] {
  const [p, q] = (
    [
      [1, 2],
      [0, 2],
      [0, 1],
    ] as const
  )[axis];
  const ox = o[p] - c[0];
  const oy = o[q] - c[1];
  const a = d[p] ** 2 + d[q] ** 2;
  if (a === 0) return ox * ox + oy * oy <= r * r ? [-Infinity, Infinity] : [0, 0];
  const b = ox * d[p] + oy * d[q];
  const disc = b * b - a * (ox * ox + oy * oy - r * r);
  if (disc <= 0) return [0, 0];
  return [(-b - Math.sqrt(disc)) / a, (-b + Math.sqrt(disc)) / a];
}

const meet = (...spans: [number, number][]) => {
  const t0 = Math.max(...spans.map((s) => s[0]));
  const t1 = Math.min(...spans.map((s) => s[1]));
  return Math.max(0, t1 - t0);
};

/**
 * The phantom's exact Σ μ·L along a ray (relative to PHANTOM_CENTRE), clipped to the sampled volume's box, as
 * chord lengths × μ(HU): tissue everywhere in the cylinder, the block's and rods' excess over tissue on top. Also
 * the sum of |Δμ| over the interfaces crossed, which bounds the sampling error (see below).
 */
export function phantomLineIntegral(o: V3, d: V3): { integral: number; jumps: number } {
  const half = PHANTOM_GRID.dims.map((n, a) => (n * PHANTOM_GRID.spacingMm[a]!) / 2);
  const clip = slab(o, d, half.map((h) => -h) as V3, half as V3);
  const muT = huToMu(PHANTOM.tissue.hu);
  const muB = huToMu(PHANTOM.block.hu) - muT;
  const muR = huToMu(PHANTOM.rods.hu) - muT;
  const b = PHANTOM.block.sizeMm.map((s) => s / 2) as V3;
  const tissue = meet(clip, cylinder(o, d, 2, [0, 0], PHANTOM.tissue.radiusMm));
  const block = meet(clip, slab(o, d, [-b[0], -b[1], -b[2]], b));
  const r = PHANTOM.rods;
  const rodSlab = slab(o, d, [-1e9, r.fromYMm, -1e9], [1e9, r.toYMm, 1e9]);
  const rods = r.xMm.map((x) => meet(clip, rodSlab, cylinder(o, d, 1, [x, 0], r.radiusMm)));
  const integral = muT * tissue + muB * block + muR * (rods[0]! + rods[1]!);
  const jumps =
    2 *
    (muT * Math.sign(tissue) + muB * Math.sign(block) + muR * (Math.sign(rods[0]!) + Math.sign(rods[1]!)));
  return { integral, jumps };
}
