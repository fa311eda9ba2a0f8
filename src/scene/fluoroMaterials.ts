import {
  Mesh,
  type BufferGeometry,
  type IUniform,
  type Material,
  type Object3D,
  type ShaderMaterial,
} from 'three';
import type { MergedPartRange } from '../anatomy/partNames';
import { CORTEX_REGION_MM, MU_PER_MM, excessMu } from '../fluoro/attenuation';
import { createAttenuationMaterial } from '../fluoro/attenuationMaterial';
import { createBoneRegionUniforms, type BoneRegionUniforms } from '../fluoro/boneRegions';
import { ensureRibEndFade } from './xrayRibFade';

/** How dense the patient's cancellous bone is (the viewer's `boneDensity` setting). */
export type BoneDensity = 'osteoporotic' | 'healthy';

/** Excess μ of cortical bone over the soft tissue it replaces, per mm of shell. */
const CORTICAL_MU = excessMu('corticalBone');

/** Cancellous μ for the X-ray: osteoporotic patients' trabecular bone barely shows; healthy bone reads denser. */
export function cancellousMu(density: BoneDensity): number {
  return excessMu(density === 'healthy' ? 'cancellousHealthy' : 'cancellousOsteoporotic');
}

/**
 * One viewer's attenuation materials, one per kind of mesh (set as `userData.fluoroMaterial`, or named by
 * `userData.fluoroKind`). Every cancellous
 * bone material reads the same `cancellousMu` uniform, so the viewer's bone density is one value to set.
 */
export interface FluoroMaterials {
  /** Any bone: vertebrae, sacrum, ribs, pelvis; thin cortex on the bodies, thick elsewhere. */
  bone: ShaderMaterial;
  /** The context bones (ribs, iliac wings) as `bone`, with the ribs' cut ends fading out (xrayRibFade.ts). */
  context: ShaderMaterial;
  disc: ShaderMaterial;
  steel: ShaderMaterial;
  /** Instrument handles, hubs and syringes (plastic, nearly soft-tissue dense). */
  plastic: ShaderMaterial;
  contrast: ShaderMaterial;
  /**
   * The body's soft tissue is the analytic body model of the X-ray pass (trunk, lungs, gas), so a body mesh
   * carrying this material adds nothing (it is never drawn) and the soft tissue is not counted twice.
   */
  softTissue: ShaderMaterial;
  /** Excess μ of this viewer's cancellous bone (its bone density), shared by the spine and the treated body. */
  cancellousMu: IUniform<number>;
  /** Where the vertebral bodies are (set per treated level), for the bone's regional cortex. */
  boneRegions: BoneRegionUniforms;
}

export function createFluoroMaterials(): FluoroMaterials {
  const cancellous = { value: cancellousMu('osteoporotic') };
  const boneRegions = createBoneRegionUniforms();
  const softTissue = createAttenuationMaterial({ mu: MU_PER_MM.softTissue });
  softTissue.visible = false;
  const bone = (shellFade: boolean) =>
    createAttenuationMaterial({
      mu: cancellous,
      regions: {
        bodyMm: CORTEX_REGION_MM.body,
        elsewhereMm: CORTEX_REGION_MM.posteriorElements,
        spinousMm: CORTEX_REGION_MM.spinousProcess,
        mu: CORTICAL_MU,
        frames: boneRegions,
      },
      trabecular: true,
      shellFade,
    });
  return {
    bone: bone(false),
    context: bone(true),
    disc: createAttenuationMaterial({ mu: excessMu('disc') }),
    steel: createAttenuationMaterial({ mu: excessMu('steel') }),
    plastic: createAttenuationMaterial({ mu: excessMu('plastic') }),
    contrast: createAttenuationMaterial({ mu: excessMu('contrastBalloon') }),
    softTissue,
    cancellousMu: cancellous,
    boneRegions,
  };
}

export function setBoneDensity(materials: FluoroMaterials, density: BoneDensity): void {
  materials.cancellousMu.value = cancellousMu(density);
}

export function disposeFluoroMaterials(materials: FluoroMaterials): void {
  for (const material of [
    materials.bone,
    materials.context,
    materials.disc,
    materials.steel,
    materials.plastic,
    materials.contrast,
    materials.softTissue,
  ])
    material.dispose();
}

/**
 * The treated body: the same fracture uniforms as its 3D material, so X-ray and 3D show the same heights, and
 * the viewer's cancellous μ with the body's thin cortex. Owned (and disposed) by the component that draws the body.
 */
export function createTreatedBodyFluoroMaterial(
  materials: FluoroMaterials,
  fractureUniforms: Record<string, IUniform>,
): ShaderMaterial {
  return createAttenuationMaterial({
    mu: materials.cancellousMu,
    shell: { thicknessMm: CORTEX_REGION_MM.body, mu: CORTICAL_MU },
    fracture: fractureUniforms,
    trabecular: true,
  });
}

/** Where a viewer keeps its attenuation materials once made, and what it frees with it (SceneResources). */
export interface FluoroSlot {
  fluoro: FluoroMaterials | null;
  disposeLater: (() => void)[];
}

/** A viewer's attenuation materials, made the first time they are asked for and freed with its other resources. */
export function fluoroMaterialsOf(resources: FluoroSlot): FluoroMaterials {
  if (!resources.fluoro) {
    const made = createFluoroMaterials();
    resources.fluoro = made;
    resources.disposeLater.push(() => disposeFluoroMaterials(made));
  }
  return resources.fluoro;
}

/**
 * What a mesh of the first frame's chunk asks of the X-ray, by name rather than by material (their code comes
 * with the X-ray): `userData.fluoroKind`, and for the treated body its fracture uniforms in `userData.fluoroUniforms`,
 * for the context bones their parts in `userData.contextParts`.
 */
export type FluoroKind = 'bone' | 'context' | 'disc' | 'treatedBody';

/**
 * The attenuation material of a mesh: its own `userData.fluoroMaterial`, else the one its `fluoroKind` names (the
 * treated body's made once per set of fracture uniforms, `made`), else none.
 */
export function fluoroMaterialOf(
  object: Object3D,
  materials: FluoroMaterials,
  made: WeakMap<object, ShaderMaterial>,
): Material | undefined {
  const data = object.userData as {
    fluoroMaterial?: Material;
    fluoroKind?: FluoroKind;
    fluoroUniforms?: Record<string, IUniform>;
    contextParts?: readonly MergedPartRange[];
  };
  if (data.fluoroMaterial) return data.fluoroMaterial;
  if (data.fluoroKind === 'bone' || data.fluoroKind === 'disc') return materials[data.fluoroKind];
  if (data.fluoroKind === 'context' && object instanceof Mesh) {
    ensureRibEndFade(object.geometry as BufferGeometry, data.contextParts ?? []);
    return materials.context;
  }
  if (data.fluoroKind !== 'treatedBody' || !data.fluoroUniforms) return undefined;
  const uniforms = data.fluoroUniforms;
  let body = made.get(uniforms);
  if (!body) {
    const created = createTreatedBodyFluoroMaterial(materials, uniforms);
    made.set(uniforms, created);
    // Freed with the body it was made for: a change of level or grade mounts a new body with new uniforms.
    object.addEventListener('removed', () => {
      made.delete(uniforms);
      created.dispose();
    });
    body = created;
  }
  return body;
}
