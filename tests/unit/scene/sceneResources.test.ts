import { Matrix4, Object3D, Vector3, type ShaderMaterial } from 'three';
import { describe, expect, it } from 'vitest';
import { excessMu } from '../../../src/fluoro/attenuation';
import { createProcedureState } from '../../../src/procedure/procedureState';
import { createCementRaymarchMaterial } from '../../../src/scene/cementRaymarchMaterial';
import { OPEN_CUT, updateCutaway } from '../../../src/scene/cutaway';
import { accessPlan } from '../../../src/procedure/accessPath';
import {
  createTreatedBodyFluoroMaterial,
  fluoroMaterialOf,
  fluoroMaterialsOf,
  setBoneDensity,
} from '../../../src/scene/fluoroMaterials';
import { createSceneResources, disposeSceneResources } from '../../../src/scene/sceneResources';
import { alongNeedle } from '../../../src/scene/useInstrumentPlacement';

describe('per-viewer scene resources', () => {
  it('two viewers share no materials, uniforms or planes', () => {
    const a = createSceneResources();
    const b = createSceneResources();
    for (const key of ['bone', 'disc', 'steel', 'contrast', 'softTissue'] as const) {
      expect(fluoroMaterialsOf(a)[key]).not.toBe(fluoroMaterialsOf(b)[key]);
    }
    for (const key of ['steel', 'drill', 'handle', 'balloon', 'marker', 'bandage'] as const) {
      expect(a.surfaces[key]).not.toBe(b.surfaces[key]);
    }
    expect(fluoroMaterialsOf(a).cancellousMu).not.toBe(fluoroMaterialsOf(b).cancellousMu);
    expect(a.cutaway.plane).not.toBe(b.cutaway.plane);
    expect(a.cutaway.local).not.toBe(b.cutaway.local);
  });

  it("bone density is one viewer's setting: its spine and treated body change, the other viewer's do not", () => {
    const a = { fluoro: fluoroMaterialsOf(createSceneResources()) };
    const b = { fluoro: fluoroMaterialsOf(createSceneResources()) };
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
    const fluoro = fluoroMaterialsOf(createSceneResources());
    const heights = { value: [0.7, 0.8, 1] };
    const body = createTreatedBodyFluoroMaterial(fluoro, { uFractureHeights: heights });
    expect(body.uniforms.uFractureHeights).toBe(heights);
  });

  it('the X-ray materials are made only when first asked for, once per viewer', () => {
    const resources = createSceneResources();
    expect(resources.fluoro).toBeNull();
    const fluoro = fluoroMaterialsOf(resources);
    expect(fluoroMaterialsOf(resources)).toBe(fluoro);
    expect(resources.fluoro).toBe(fluoro);
  });

  it('a mesh of the first chunk names its X-ray material; the treated body gets one per set of uniforms', () => {
    const fluoro = fluoroMaterialsOf(createSceneResources());
    const made = new WeakMap<object, ShaderMaterial>();
    const mesh = (userData: Record<string, unknown>) => Object.assign(new Object3D(), { userData });
    expect(fluoroMaterialOf(mesh({ fluoroKind: 'bone' }), fluoro, made)).toBe(fluoro.bone);
    expect(fluoroMaterialOf(mesh({ fluoroKind: 'disc' }), fluoro, made)).toBe(fluoro.disc);
    expect(fluoroMaterialOf(mesh({ fluoroMaterial: fluoro.steel }), fluoro, made)).toBe(fluoro.steel);
    // Nothing named: not drawn on the X-ray (the table, the labels).
    expect(fluoroMaterialOf(mesh({}), fluoro, made)).toBeUndefined();
    const heights = { value: [0.7, 0.8, 1] };
    const uniforms = { uFractureHeights: heights };
    const body = fluoroMaterialOf(
      mesh({ fluoroKind: 'treatedBody', fluoroUniforms: uniforms }),
      fluoro,
      made,
    );
    expect((body as ShaderMaterial).uniforms.uFractureHeights).toBe(heights);
    expect((body as ShaderMaterial).uniforms.uMu).toBe(fluoro.cancellousMu);
    expect(
      fluoroMaterialOf(mesh({ fluoroKind: 'treatedBody', fluoroUniforms: uniforms }), fluoro, made),
    ).toBe(body);
    // Freed when its body's mesh leaves the scene (a change of level mounts a new body with new uniforms).
    const parent = new Object3D();
    const bodyMesh = mesh({ fluoroKind: 'treatedBody', fluoroUniforms: { uFractureHeights: heights } });
    parent.add(bodyMesh);
    const owned = fluoroMaterialOf(bodyMesh, fluoro, made)!;
    let disposed = 0;
    owned.addEventListener('dispose', () => disposed++);
    parent.remove(bodyMesh);
    expect(disposed).toBe(1);
    const other = { uFractureHeights: { value: [1, 1, 1] } };
    expect(
      fluoroMaterialOf(mesh({ fluoroKind: 'treatedBody', fluoroUniforms: other }), fluoro, made),
    ).not.toBe(body);
  });

  it('disposing a viewer disposes every material it created', () => {
    const resources = createSceneResources();
    const materials = [...Object.values(resources.surfaces)];
    const fluoro = fluoroMaterialsOf(resources);
    for (const key of ['bone', 'disc', 'steel', 'contrast', 'softTissue'] as const) {
      materials.push(fluoro[key]);
    }
    let disposed = 0;
    for (const material of materials) material.addEventListener('dispose', () => disposed++);
    disposeSceneResources(resources);
    expect(disposed).toBe(materials.length);
  });
});

describe('one cutaway per viewer', () => {
  it('the clipping plane (world) and the cement uniform (vertebra frame) always hold the same cut', () => {
    const { cutaway, surfaces } = createSceneResources();
    const volume = {
      data: new Float32Array(8).fill(1),
      size: [2, 2, 2] as [number, number, number],
      min: [-1, -1, -1] as [number, number, number],
      max: [1, 1, 1] as [number, number, number],
      thresholds: new Float32Array(129),
    };
    const cement = createCementRaymarchMaterial(volume, cutaway.local);
    expect(cement.uniforms.uCutPlane).toBe(cutaway.local);
    // Cement the cut never opens (another treated level) gets its own plane that keeps everything.
    const uncut = createCementRaymarchMaterial(volume, null);
    expect(uncut.uniforms.uCutPlane).not.toBe(cutaway.local);
    expect(uncut.uniforms.uCutPlane.value.toArray()).toEqual([0, 0, 0, 1]);
    expect(surfaces.balloon.clippingPlanes).toBeNull();

    const needle = accessPlan('L1', 'bipedicular').needles[0]!;
    const state = createProcedureState();
    state.insideView = 0.5;
    // The level's frame turned as the scene turns it (prone: cranial up to world +Z) and moved.
    const toWorld = new Matrix4().makeRotationX(Math.PI / 2).setPosition(3, -40, 12);
    updateCutaway(cutaway, state, true, needle, toWorld);
    const local = cutaway.local.value;
    expect(local.w).toBeLessThan(OPEN_CUT);
    // The world plane is the local one carried by the level's matrix: the same signed distance everywhere.
    for (const p of [new Vector3(10, -5, 20), new Vector3(-30, 8, -12), new Vector3(0, 0, 0)]) {
      const inLocal = local.x * p.x + local.y * p.y + local.z * p.z + local.w;
      expect(cutaway.plane.distanceToPoint(p.clone().applyMatrix4(toWorld))).toBeCloseTo(inLocal, 9);
    }

    updateCutaway(cutaway, state, false, needle, toWorld);
    // Switched off, the plane sits OPEN_CUT out from the needle's track: far beyond anything drawn.
    expect(cutaway.local.value.w).toBeGreaterThan(OPEN_CUT - 100);
    expect(cutaway.plane.distanceToPoint(new Vector3(200, 200, 200))).toBeGreaterThan(0);
    uncut.texture.dispose();
    uncut.material.dispose();
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
