import type { IUniform, ShaderMaterial } from 'three';
import { CORTEX_MM, MU_PER_MM, excessMu } from '../fluoro/attenuation';
import { createAttenuationMaterial } from '../fluoro/attenuationMaterial';

/** μ·L of one crossing of the cortical shell (its excess over the soft tissue it replaces). */
const CORTICAL_SHELL = excessMu('corticalBone') * CORTEX_MM;

let shared: ReturnType<typeof build> | null = null;

function build() {
  return {
    bone: createAttenuationMaterial({ mu: excessMu('cancellousOsteoporotic'), shell: CORTICAL_SHELL }),
    disc: createAttenuationMaterial({ mu: excessMu('disc'), shell: 0 }),
    steel: createAttenuationMaterial({ mu: excessMu('steel'), shell: 0 }),
    contrast: createAttenuationMaterial({ mu: excessMu('contrastBalloon'), shell: 0 }),
    // The torso carries the full soft-tissue path; everything inside it adds only its excess.
    softTissue: createAttenuationMaterial({ mu: MU_PER_MM.softTissue, shell: 0 }),
  };
}

/** Attenuation materials shared by every mesh of a kind (set as `userData.fluoroMaterial`). */
export function fluoroMaterials() {
  shared ??= build();
  return shared;
}

/** Cancellous μ for the X-ray: osteoporotic patients' trabecular bone barely shows; healthy bone reads denser. */
export function setBoneDensity(density: 'osteoporotic' | 'healthy'): void {
  const mu = excessMu(density === 'healthy' ? 'cancellousHealthy' : 'cancellousOsteoporotic');
  fluoroMaterials().bone.uniforms.uMu!.value = mu;
  for (const material of treatedBodies) material.uniforms.uMu!.value = mu;
}

const treatedBodies = new Set<ShaderMaterial>();

/** The treated body: the same fracture uniforms as its 3D material, so X-ray and 3D show the same heights. */
export function treatedBodyFluoroMaterial(fractureUniforms: Record<string, IUniform>): ShaderMaterial {
  const material = createAttenuationMaterial({
    mu: excessMu('cancellousOsteoporotic'),
    shell: CORTICAL_SHELL,
    fracture: fractureUniforms,
  });
  treatedBodies.add(material);
  material.addEventListener('dispose', () => treatedBodies.delete(material));
  return material;
}
