import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { vertebraLandmarks } from '../../../src/anatomy/vertebraLandmarks';
import { excessMu } from '../../../src/fluoro/attenuation';
import { createProcedureState } from '../../../src/procedure/procedureState';
import { createCementRaymarchMaterial } from '../../../src/scene/cementRaymarchMaterial';
import { OPEN_CUT, cutawayX, updateCutaway } from '../../../src/scene/cutaway';
import { createTreatedBodyFluoroMaterial, setBoneDensity } from '../../../src/scene/fluoroMaterials';
import { createSceneResources, disposeSceneResources } from '../../../src/scene/sceneResources';
import { alongNeedle } from '../../../src/scene/useInstrumentPlacement';

describe('per-viewer scene resources', () => {
  it('two viewers share no materials, uniforms or planes', () => {
    const a = createSceneResources();
    const b = createSceneResources();
    for (const key of ['bone', 'disc', 'steel', 'contrast', 'softTissue'] as const) {
      expect(a.fluoro[key]).not.toBe(b.fluoro[key]);
    }
    for (const key of ['steel', 'drill', 'handle', 'balloon', 'marker', 'bandage'] as const) {
      expect(a.surfaces[key]).not.toBe(b.surfaces[key]);
    }
    expect(a.fluoro.cancellousMu).not.toBe(b.fluoro.cancellousMu);
    expect(a.cutaway.plane).not.toBe(b.cutaway.plane);
    expect(a.cutaway.x).not.toBe(b.cutaway.x);
  });

  it("bone density is one viewer's setting: its spine and treated body change, the other viewer's do not", () => {
    const a = createSceneResources();
    const b = createSceneResources();
    const body = createTreatedBodyFluoroMaterial(a.fluoro, { uFractureHeights: { value: [1, 1, 1] } });
    setBoneDensity(a.fluoro, 'healthy');
    expect(a.fluoro.bone.uniforms.uMu!.value).toBeCloseTo(excessMu('cancellousHealthy'), 12);
    expect(body.uniforms.uMu!.value).toBeCloseTo(excessMu('cancellousHealthy'), 12);
    expect(b.fluoro.bone.uniforms.uMu!.value).toBeCloseTo(excessMu('cancellousOsteoporotic'), 12);
    setBoneDensity(a.fluoro, 'osteoporotic');
    expect(body.uniforms.uMu!.value).toBeCloseTo(excessMu('cancellousOsteoporotic'), 12);
    // Other kinds keep their own μ.
    expect(a.fluoro.steel.uniforms.uMu!.value).toBeCloseTo(excessMu('steel'), 12);
  });

  it('the treated body reads the same fracture uniforms as its 3D material', () => {
    const { fluoro } = createSceneResources();
    const heights = { value: [0.7, 0.8, 1] };
    const body = createTreatedBodyFluoroMaterial(fluoro, { uFractureHeights: heights });
    expect(body.uniforms.uFractureHeights).toBe(heights);
  });

  it('disposing a viewer disposes every material it created', () => {
    const resources = createSceneResources();
    const materials = [...Object.values(resources.surfaces)];
    for (const key of ['bone', 'disc', 'steel', 'contrast', 'softTissue'] as const) {
      materials.push(resources.fluoro[key]);
    }
    let disposed = 0;
    for (const material of materials) material.addEventListener('dispose', () => disposed++);
    disposeSceneResources(resources);
    expect(disposed).toBe(materials.length);
  });
});

describe('one cutaway per viewer', () => {
  it('the clipping plane and the cement uniform always hold the same cut', () => {
    const { cutaway, surfaces } = createSceneResources();
    const volume = {
      data: new Float32Array(8).fill(1),
      size: [2, 2, 2] as [number, number, number],
      min: [-1, -1, -1] as [number, number, number],
      max: [1, 1, 1] as [number, number, number],
      thresholds: new Float32Array(129),
    };
    const cement = createCementRaymarchMaterial(volume, cutaway.x);
    expect(cement.uniforms.uCutX).toBe(cutaway.x);
    expect(surfaces.balloon.clippingPlanes).toEqual([cutaway.plane]);

    const marks = vertebraLandmarks('L1');
    const state = createProcedureState();
    state.insideView = 0.5;
    updateCutaway(cutaway, state, true, marks);
    expect(cutaway.x.value).toBeCloseTo(cutawayX(state, true, marks), 12);
    expect(cutaway.x.value).toBeLessThan(OPEN_CUT);
    expect(cutaway.plane.constant).toBe(cutaway.x.value);
    // The plane keeps x < cut and removes x > cut, as the cement's `p.x <= uCutX` does.
    expect(cutaway.plane.distanceToPoint(new Vector3(cutaway.x.value - 1, 0, 0))).toBeGreaterThan(0);
    expect(cutaway.plane.distanceToPoint(new Vector3(cutaway.x.value + 1, 0, 0))).toBeLessThan(0);

    updateCutaway(cutaway, state, false, marks);
    expect(cutaway.x.value).toBe(OPEN_CUT);
    expect(cutaway.plane.constant).toBe(OPEN_CUT);
    cement.texture.dispose();
    cement.material.dispose();
  });
});

describe('instrument placement', () => {
  it("turns an instrument's local +Y onto the needle direction", () => {
    const direction = new Vector3(0.3, -0.8, 0.52).normalize();
    const q = alongNeedle([direction.x, direction.y, direction.z]);
    const advance = new Vector3(0, 1, 0).applyQuaternion(q);
    expect(advance.distanceTo(direction)).toBeLessThan(1e-9);
  });
});
