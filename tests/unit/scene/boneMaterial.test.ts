import { Matrix4, Mesh, Plane, Vector3, type MeshStandardMaterial } from 'three';
import { describe, expect, it } from 'vitest';
import {
  createBoneSurfaceMaterial,
  createCutFaceShellMaterial,
  createTreatedBodyMaterials,
  createTreatedBoneMaterial,
} from '../../../src/scene/boneMaterial';
import { ANNULUS_COLOR, createDiscMaterial } from '../../../src/scene/discMaterial';
import { createFocusUniform } from '../../../src/scene/focusGlsl';
import { palette } from '../../../src/scene/palette';
import { compiled } from './support/compiledShader';

const plane = () => new Plane(new Vector3(-1, 0, 0), 0);

/**
 * What three.js builds a program from, for these materials: their cache key, the parameters that change the
 * program (sides, vertex colours, clipping planes, opacity pass) and the shader text after onBeforeCompile.
 */
function program(material: MeshStandardMaterial): string {
  const { vertex, fragment } = compiled(material);
  return JSON.stringify([
    material.customProgramCacheKey(),
    material.side,
    material.vertexColors,
    material.clippingPlanes?.length ?? 0,
    material.transparent,
    vertex,
    fragment,
  ]);
}

describe('bone materials', () => {
  it('texture the surface in the mesh frame: colour, roughness and relief all injected', () => {
    const { vertex, fragment } = compiled(createBoneSurfaceMaterial());
    expect(vertex).toContain('vBonePosition = position;');
    for (const call of ['spvBoneSurfaceColor(', 'spvBoneRoughness(', 'spvBump(']) {
      expect(fragment, `expected the fragment shader to call ${call}`).toContain(call);
    }
    expect(fragment).not.toContain('spvCutPoint(');
  });

  it('shade the body inside the cut as cortex and the inner shell as cortex outside, cancellous inside', () => {
    const body = compiled(createTreatedBoneMaterial({ fracture: true, clip: plane() }).material);
    expect(body.vertex).toContain('fractureHeightScale');
    expect(body.fragment).toContain('spvCorticalColor(spvCut)');
    expect(body.fragment).not.toContain('spvCancellousColor(spvCut');
    // The cut helpers read clipping varyings, so they must come after three declares them.
    expect(body.fragment.indexOf('vec3 spvCutPoint(')).toBeGreaterThan(
      body.fragment.indexOf('#include <clipping_planes_pars_fragment>'),
    );
    const { uniforms } = createTreatedBoneMaterial({ fracture: true, clip: plane() });
    const inner = compiled(createCutFaceShellMaterial(uniforms, plane()));
    expect(inner.fragment).toContain('spvCancellousColor(spvCut, spvCutMmPerPixel)');
    expect(inner.fragment).toContain('normal = spvCutNormal(normal);');
    expect(inner.uniforms.uFractureHeights).toBe(uniforms.uFractureHeights);
  });

  it('give each role its own program; uncut bones share one', () => {
    const keys = [
      // As the viewer draws the merged spine: with the focus cut-away.
      createBoneSurfaceMaterial(createFocusUniform()),
      createTreatedBoneMaterial({ fracture: true, clip: plane() }).material,
      createTreatedBoneMaterial({ fracture: false, clip: null }).material,
      createCutFaceShellMaterial(
        createTreatedBoneMaterial({ fracture: true, clip: plane() }).uniforms,
        plane(),
      ),
    ].map((m) => m.customProgramCacheKey());
    // The merged spine and the treated level's posterior parts are the same uncut, undeformed bone: one program
    // (the parts carry a focus that is never set, so nothing of them is cut away).
    expect(keys[2]).toBe(keys[0]);
    expect(new Set(keys).size).toBe(3);
  });

  it('draw every uncut surface with one program: spine, context bones, discs, the closed treated body', () => {
    // The opening picture builds this one large program and the veil's small one, nothing else of the spine.
    const body = createTreatedBodyMaterials(plane());
    const programs = [
      createBoneSurfaceMaterial(createFocusUniform()),
      createBoneSurfaceMaterial(),
      createDiscMaterial(),
      body.closed,
      createTreatedBoneMaterial({ fracture: false, clip: null }).material,
    ].map(program);
    expect(new Set(programs).size).toBe(1);
    // Open, the body is the cut's program, on the same uniforms (the shell and the veil read them).
    expect(program(body.open!)).not.toBe(programs[0]);
    expect(compiled(body.open!).uniforms.uFractureHeights).toBe(body.uniforms.uFractureHeights);
    expect(compiled(body.closed).uniforms.uFractureHeights).toBe(body.uniforms.uFractureHeights);
    expect(createTreatedBodyMaterials(null).open).toBeNull();
  });

  it('leave an untreated bone as modelled: its fracture field is at heights 1 and its focus cuts nothing', () => {
    const { uniforms } = compiled(createBoneSurfaceMaterial());
    expect((uniforms.uFractureHeights as { value: number[] }).value).toEqual([1, 1, 1]);
    expect((uniforms.uFocus as { value: Vector3 & { w: number } }).value.w).toBe(0);
    expect((uniforms.uDisc as { value: number }).value).toBe(0);
  });

  it('take cut-plane points into the bone frame with the inverse model-view matrix of the mesh drawn', () => {
    const { material, uniforms } = createTreatedBoneMaterial({ fracture: true, clip: plane() });
    const mesh = new Mesh();
    mesh.modelViewMatrix.makeTranslation(3, -4, 12);
    material.onBeforeRender(
      undefined as never,
      undefined as never,
      undefined as never,
      undefined as never,
      mesh,
      null as never,
    );
    const expected = new Matrix4().makeTranslation(-3, 4, -12);
    expect(uniforms.uViewToBone.value.equals(expected)).toBe(true);
  });
});

describe('disc material', () => {
  it('is not blue (blue means the balloon) and differs from bone', () => {
    expect(ANNULUS_COLOR.b).toBeLessThanOrEqual(ANNULUS_COLOR.r);
    expect(ANNULUS_COLOR.equals(palette.bone)).toBe(false);
    expect(ANNULUS_COLOR.equals(palette.balloon)).toBe(false);
  });

  it('draws its fibre texture in the mesh frame, in place of bone’s surface', () => {
    const material = createDiscMaterial();
    const { vertex, fragment, uniforms } = compiled(material);
    expect(vertex).toContain('vBonePosition = position;');
    expect(fragment).toContain('spvFibres');
    // The branch that picks the annulus over bone (and keeps bone's relief and rough grain off it).
    expect(fragment).toContain('if (uDisc > 0.5)');
    expect((uniforms.uDisc as { value: number }).value).toBe(1);
    expect(material.color.equals(ANNULUS_COLOR)).toBe(true);
    expect(material.roughness).toBe(0.55);
  });
});
