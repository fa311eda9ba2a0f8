import type { IUniform, ShaderMaterial } from 'three';
import { CORTEX_MM, MU_PER_MM, excessMu } from '../fluoro/attenuation';
import { createAttenuationMaterial } from '../fluoro/attenuationMaterial';

/** How dense the patient's cancellous bone is (the viewer's `boneDensity` setting). */
export type BoneDensity = 'osteoporotic' | 'healthy';

/** μ·L of one crossing of the cortical shell (its excess over the soft tissue it replaces). */
const CORTICAL_SHELL = excessMu('corticalBone') * CORTEX_MM;

/** Cancellous μ for the X-ray: osteoporotic patients' trabecular bone barely shows; healthy bone reads denser. */
export function cancellousMu(density: BoneDensity): number {
  return excessMu(density === 'healthy' ? 'cancellousHealthy' : 'cancellousOsteoporotic');
}

/**
 * One viewer's attenuation materials, one per kind of mesh (set as `userData.fluoroMaterial`). Every cancellous
 * bone material reads the same `cancellousMu` uniform, so the viewer's bone density is one value to set.
 */
export interface FluoroMaterials {
  bone: ShaderMaterial;
  disc: ShaderMaterial;
  steel: ShaderMaterial;
  contrast: ShaderMaterial;
  softTissue: ShaderMaterial;
  /** Excess μ of this viewer's cancellous bone (its bone density), shared by the spine and the treated body. */
  cancellousMu: IUniform<number>;
}

export function createFluoroMaterials(): FluoroMaterials {
  const cancellous = { value: cancellousMu('osteoporotic') };
  return {
    bone: createAttenuationMaterial({ mu: cancellous, shell: CORTICAL_SHELL }),
    disc: createAttenuationMaterial({ mu: excessMu('disc'), shell: 0 }),
    steel: createAttenuationMaterial({ mu: excessMu('steel'), shell: 0 }),
    contrast: createAttenuationMaterial({ mu: excessMu('contrastBalloon'), shell: 0 }),
    // The torso carries the full soft-tissue path; everything inside it adds only its excess.
    softTissue: createAttenuationMaterial({ mu: MU_PER_MM.softTissue, shell: 0 }),
    cancellousMu: cancellous,
  };
}

export function setBoneDensity(materials: FluoroMaterials, density: BoneDensity): void {
  materials.cancellousMu.value = cancellousMu(density);
}

export function disposeFluoroMaterials(materials: FluoroMaterials): void {
  for (const material of [
    materials.bone,
    materials.disc,
    materials.steel,
    materials.contrast,
    materials.softTissue,
  ])
    material.dispose();
}

/**
 * The treated body: the same fracture uniforms as its 3D material, so X-ray and 3D show the same heights, and
 * the viewer's cancellous μ. Owned (and disposed) by the component that draws the body.
 */
export function createTreatedBodyFluoroMaterial(
  materials: FluoroMaterials,
  fractureUniforms: Record<string, IUniform>,
): ShaderMaterial {
  return createAttenuationMaterial({
    mu: materials.cancellousMu,
    shell: CORTICAL_SHELL,
    fracture: fractureUniforms,
  });
}
