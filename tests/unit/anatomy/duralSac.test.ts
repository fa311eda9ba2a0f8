import { DoubleSide, Plane } from 'three';
import { describe, expect, it } from 'vitest';
import {
  CORD_DEPTH_MM,
  CORD_WIDTH_MM,
  DURAL_SAC_RATIO,
  ROOT_RADIUS_MM,
  duralSac,
} from '../../../src/anatomy/duralSac';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import { levelDimensions } from '../../../src/anatomy/morphometry';
import { vertebraLandmarks } from '../../../src/anatomy/vertebraLandmarks';
import { compiled } from '../scene/support/compiledShader';
import { MAX_ROOTS, createDuralSacMaterial, sacSection } from '../../../src/scene/duralSacMaterial';

describe.each(LEVEL_IDS)('the dural sac at %s', (level) => {
  const sac = duralSac(level);
  const marks = vertebraLandmarks(level);

  it('fills the canal by the measured dural sac ratio (Pierro 2017: 0.56–0.82), a little forward of its middle', () => {
    expect(DURAL_SAC_RATIO).toBeGreaterThanOrEqual(0.56);
    expect(DURAL_SAC_RATIO).toBeLessThanOrEqual(0.82);
    expect(sac.depthMm / marks.canalDepthMm).toBeCloseTo(DURAL_SAC_RATIO, 6);
    expect(sac.widthMm / marks.canalWidthMm).toBeCloseTo(DURAL_SAC_RATIO, 6);
    // Behind the body's posterior wall, in front of the laminae, with epidural space on both sides.
    const front = sac.centerZ + sac.depthMm / 2;
    const back = sac.centerZ - sac.depthMm / 2;
    expect(marks.posteriorWallZ - front).toBeGreaterThan(1);
    expect(back - (marks.posteriorWallZ - marks.canalDepthMm)).toBeGreaterThan(1);
    // More room behind it (the epidural fat) than in front.
    expect(back - (marks.posteriorWallZ - marks.canalDepthMm)).toBeGreaterThan(marks.posteriorWallZ - front);
  });

  it('runs from the middle of the vertebra above to the middle of the one below', () => {
    const d = levelDimensions(level);
    const index = LEVEL_IDS.indexOf(level);
    const above = levelDimensions(LEVEL_IDS[index - 1] ?? level);
    const below = levelDimensions(LEVEL_IDS[index + 1] ?? level);
    const top = sac.centerY + sac.lengthMm / 2;
    const bottom = sac.centerY - sac.lengthMm / 2;
    expect(top).toBeCloseTo(
      d.bodyHeightPosteriorMm / 2 + above.discHeightBelowMm + above.bodyHeightPosteriorMm / 2,
      6,
    );
    expect(bottom).toBeCloseTo(
      -(d.bodyHeightPosteriorMm / 2 + d.discHeightBelowMm + below.bodyHeightPosteriorMm / 2),
      6,
    );
  });

  it('holds the cord down to the conus at L1, and only nerve roots below it, each pair leaving at its level', () => {
    const index = LEVEL_IDS.indexOf(level);
    if (index > LEVEL_IDS.indexOf('L1')) {
      expect(sac.cord).toBeNull();
      // L2 carries the roots of L2–L5, S1–S5 and Co1 on each side; one pair fewer at each level down.
      expect(sac.roots).toHaveLength(2 * (10 - (index - LEVEL_IDS.indexOf('L2'))));
      expect(sac.roots.length).toBeLessThanOrEqual(MAX_ROOTS);
      for (const [x, z] of sac.roots) {
        // Each root wholly inside the sac's ellipse.
        const reach = Math.hypot(
          x / (sac.widthMm / 2 - ROOT_RADIUS_MM),
          z / (sac.depthMm / 2 - ROOT_RADIUS_MM),
        );
        expect(reach).toBeLessThan(1);
      }
      return;
    }
    expect(sac.roots).toEqual([]);
    expect(sac.cord).not.toBeNull();
    const cord = sac.cord!;
    expect(cord.widthMm).toBeLessThanOrEqual(CORD_WIDTH_MM);
    expect(cord.depthMm).toBeLessThanOrEqual(CORD_DEPTH_MM);
    if (level === 'L1') expect(cord.widthMm).toBeLessThan(CORD_WIDTH_MM);
    // Inside the sac, with fluid around it.
    expect(sac.widthMm - cord.widthMm).toBeGreaterThan(2);
    expect(sac.depthMm - cord.depthMm).toBeGreaterThan(2);
  });
});

describe('the sac’s section material', () => {
  it('carries the cord’s half-axes, or the roots, in mm from the centre line', () => {
    const t8 = sacSection(duralSac('T8'));
    expect(t8.cordRadiiMm.toArray()).toEqual([CORD_WIDTH_MM / 2, CORD_DEPTH_MM / 2]);
    expect(t8.rootCount).toBe(0);
    const l4 = duralSac('L4');
    const section = sacSection(l4);
    expect(section.cordRadiiMm.toArray()).toEqual([0, 0]);
    expect(section.rootCount).toBe(l4.roots.length);
    expect(section.roots).toHaveLength(MAX_ROOTS);
    expect(section.roots[0]!.toArray()).toEqual([...l4.roots[0]!]);
    expect(section.sizeMm.toArray()).toEqual([l4.widthMm, l4.depthMm]);
  });

  it('is one small program: the surface in front, the section at the cut plane behind, only where the plane crosses the sac, with the cord or roots in it', () => {
    const material = createDuralSacMaterial(new Plane(), sacSection(duralSac('L3')));
    expect(material.clippingPlanes).toHaveLength(1);
    expect(material.side).toBe(DoubleSide);
    const shader = compiled(material, 'basic');
    expect(shader.fragment).toContain('if (gl_FrontFacing)');
    expect(shader.fragment).toContain('spvCutViewPoint()');
    expect(shader.fragment).toMatch(/discard/);
    expect(shader.fragment).toContain('gl_FragDepth = spvDepthOf(spvView)');
    // Written on every path (GLSL leaves it undefined where a shader that writes it somewhere does not).
    expect(shader.fragment).toContain('gl_FragDepth = gl_FragCoord.z');
    expect(Object.keys(shader.uniforms)).toEqual(
      expect.arrayContaining(['uViewToSac', 'uSacSizeMm', 'uCordRadiiMm', 'uRoots', 'uRootCount']),
    );
  });
});
