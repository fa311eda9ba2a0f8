import { describe, expect, it } from 'vitest';
import { drrReference, scanLineIntegral } from '../../../../src/scan/drr/drrReference';
import { PHANTOM_CENTRE, PHANTOM_GRID, phantomVolume } from '../../../support/ctPhantom';
import { phantomLineIntegral as analytic } from './phantomProjection';

type V3 = [number, number, number];
const target = { x: PHANTOM_CENTRE[0], y: PHANTOM_CENTRE[1], z: PHANTOM_CENTRE[2] };

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
