import { describe, expect, it } from 'vitest';
import { huToMu } from '../../../../src/scan/drr/huToMu';
import { drrReference, scanLineIntegral } from '../../../../src/scan/drr/drrReference';
import { PHANTOM, PHANTOM_CENTRE, PHANTOM_GRID, phantomVolume } from '../../../support/ctPhantom';

type V3 = [number, number, number];
const target = { x: PHANTOM_CENTRE[0], y: PHANTOM_CENTRE[1], z: PHANTOM_CENTRE[2] };

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
function analytic(o: V3, d: V3): { integral: number; jumps: number } {
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

const unit = (v: V3): V3 => {
  const n = Math.hypot(...v);
  return [v[0] / n, v[1] / n, v[2] / n];
};

describe('the scan line integral (exposure reference and the DRR shader’s twin)', () => {
  const volume = phantomVolume();
  const maxSpacing = Math.max(...PHANTOM_GRID.spacingMm);
  // Rays given relative to the phantom centre; world = LPS − target, and the target is the centre.
  const rays: { name: string; from: V3; dir: V3 }[] = [
    { name: 'AP through the centre', from: [0, -620, 0], dir: [0, 1, 0] },
    { name: 'lateral through the centre', from: [-620, 0, 0], dir: [1, 0, 0] },
    { name: 'AP through the left rod', from: [12, -620, 0.5], dir: [0, 1, 0] },
    { name: 'lateral through both rods', from: [-620, 27, 1], dir: [1, 0, 0] },
    { name: 'oblique (30° off AP, 10° cranial)', from: [0, 0, 0], dir: unit([0.5, 0.85, 0.17]) },
    { name: 'oblique, missing the block', from: [-30, 0, 20], dir: unit([0.3, -0.9, 0.2]) },
  ];

  for (const { name, from, dir } of rays) {
    it(`matches the analytic projection: ${name}`, () => {
      // Start well outside so the whole chord counts.
      const o: V3 = [from[0] - 700 * dir[0], from[1] - 700 * dir[1], from[2] - 700 * dir[2]];
      const exact = analytic(o, dir);
      const sampled = scanLineIntegral(volume, target, o, dir);
      // Sampling a sharp interface at voxel centres and interpolating between them moves it by at most half a
      // voxel along the grid axis (its partial-volume ramp is one voxel wide); along a ray at up to 60° from
      // that axis that is at most one voxel spacing. So each interface crossed contributes at most
      // |Δμ|·(largest spacing) of error; a 0.5 % margin covers the step quadrature.
      const tolerance = exact.jumps * maxSpacing + 0.005 * exact.integral;
      expect(exact.integral).toBeGreaterThan(1);
      expect(
        Math.abs(sampled.total - exact.integral),
        `${sampled.total} vs ${exact.integral}`,
      ).toBeLessThanOrEqual(tolerance);
      // The tolerance stays well under a tenth of the integral (a missing block or rod, or a ray off by a few mm
      // through one, is outside it).
      expect(tolerance).toBeLessThan(0.1 * exact.integral);
    });
  }

  it('the smooth part leaves the bone excess out', () => {
    const ap = drrReference(volume, target, 'ap');
    const apMiss = scanLineIntegral(volume, target, [80, -620, 0], [0, 1, 0]);
    expect(ap.total - ap.smooth).toBeGreaterThan(0.5);
    expect(apMiss.total - apMiss.smooth).toBeLessThan(1e-3);
  });

  it('the AP reference runs along the central ray from the source (below the table, anterior)', () => {
    const ap = drrReference(volume, target, 'ap');
    const exact = analytic([0, -620, 0], [0, 1, 0]);
    expect(Math.abs(ap.total - exact.integral)).toBeLessThanOrEqual(
      exact.jumps * maxSpacing + 0.005 * exact.integral,
    );
    const lateral = drrReference(volume, target, 'lateral');
    const exactLateral = analytic([-620, 0, 0], [1, 0, 0]);
    expect(Math.abs(lateral.total - exactLateral.integral)).toBeLessThanOrEqual(
      exactLateral.jumps * maxSpacing + 0.005 * exactLateral.integral,
    );
  });
});
