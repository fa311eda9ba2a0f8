import { ShaderLib, Plane, Vector2, type WebGLProgramParametersWithUniforms } from 'three';
import { describe, expect, it } from 'vitest';
import { CORD_DEPTH_MM, CORD_WIDTH_MM, DURAL_SAC_RATIO, duralSac } from '../../../src/anatomy/duralSac';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import { levelDimensions } from '../../../src/anatomy/morphometry';
import { vertebraLandmarks } from '../../../src/anatomy/vertebraLandmarks';
import { cordRadii, createDuralSacMaterials } from '../../../src/scene/duralSacMaterial';

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

  it('holds the cord down to the conus at L1, and only nerve roots below it', () => {
    const index = LEVEL_IDS.indexOf(level);
    if (index > LEVEL_IDS.indexOf('L1')) {
      expect(sac.cord).toBeNull();
      return;
    }
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
  it('takes the cord’s section into the sac mesh’s units (a unit-diameter cylinder), none below the conus', () => {
    const t8 = duralSac('T8');
    const radii = cordRadii(t8, t8.cord, new Vector2());
    expect(radii.x).toBeCloseTo((0.5 * t8.cord!.widthMm) / t8.widthMm, 9);
    expect(radii.y).toBeCloseTo((0.5 * t8.cord!.depthMm) / t8.depthMm, 9);
    expect(radii.x).toBeLessThan(0.5);
    const l4 = duralSac('L4');
    expect(cordRadii(l4, l4.cord, new Vector2()).toArray()).toEqual([0, 0]);
  });

  it('draws the section at the cut plane, only where the plane crosses the sac, with the cord in it', () => {
    const { section, surface } = createDuralSacMaterials(new Plane(), new Vector2(0.2, 0.2));
    expect(surface.clippingPlanes).toHaveLength(1);
    expect(section.clippingPlanes).toHaveLength(1);
    const shader = {
      uniforms: {},
      vertexShader: ShaderLib.basic.vertexShader,
      fragmentShader: ShaderLib.basic.fragmentShader,
    } as unknown as WebGLProgramParametersWithUniforms;
    section.onBeforeCompile(shader, undefined as never);
    expect(shader.fragmentShader).toContain('spvCutViewPoint()');
    expect(shader.fragmentShader).toMatch(/discard/);
    expect(shader.fragmentShader).toContain('gl_FragDepth = spvDepthOf(spvView)');
    expect(Object.keys(shader.uniforms)).toEqual(
      expect.arrayContaining(['uViewToSac', 'uCordRadii', 'uCordColor']),
    );
  });
});
