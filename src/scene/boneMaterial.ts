import { Color, DoubleSide, MeshStandardMaterial, Plane } from 'three';
import { injectFracture } from '../anatomy/fractureField';
import { palette } from './palette';
import { TRABECULAR_GLSL } from './trabecularGlsl';

export interface BoneUniforms {
  uFractureHeights: { value: [number, number, number] };
  uBodyHalfExtent: { value: [number, number] };
  uHighlight: { value: number };
  uHighlightColor: { value: Color };
}

/**
 * Bone for the treated vertebra: ivory shell darkened in its crevices by the model's baked ambient occlusion (the
 * vertex colour); optional fracture height field in the vertex stage; and, where a clipping plane opens it, the
 * inside faces shade as a trabecular cut surface (a cap without a stencil pass), which the occlusion leaves alone.
 */
export function createTreatedBoneMaterial(options: { fracture: boolean; clip: Plane | null }) {
  const uniforms: BoneUniforms = {
    uFractureHeights: { value: [1, 1, 1] },
    uBodyHalfExtent: { value: [20, 15] },
    uHighlight: { value: 0 },
    uHighlightColor: { value: palette.highlight.clone() },
  };
  const material = new MeshStandardMaterial({
    color: palette.bone,
    roughness: 0.62,
    metalness: 0,
    vertexColors: true,
    side: options.clip ? DoubleSide : undefined,
    clippingPlanes: options.clip ? [options.clip] : null,
  });
  material.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, uniforms);
    const vertex = options.fracture ? injectFracture(shader.vertexShader) : shader.vertexShader;
    shader.vertexShader = vertex
      .replace('#include <common>', '#include <common>\nvarying vec3 vBonePosition;')
      .replace('#include <project_vertex>', 'vBonePosition = transformed;\n#include <project_vertex>');
    shader.fragmentShader = shader.fragmentShader
      .replace(
        '#include <common>',
        `#include <common>\nvarying vec3 vBonePosition;\nuniform float uHighlight;\nuniform vec3 uHighlightColor;\n${TRABECULAR_GLSL}`,
      )
      .replace(
        '#include <color_fragment>',
        /* glsl */ `
        // Baked ambient occlusion (vertex colour) on the outer surface only, never on the cut face.
        #if defined( USE_COLOR ) || defined( USE_COLOR_ALPHA )
        if (gl_FrontFacing) diffuseColor *= vColor;
        #endif
        if (!gl_FrontFacing) {
          // Inside of the shell seen through the cut: cancellous bone with pale struts and muted marrow.
          float strut = spvTrabecular(vBonePosition);
          diffuseColor.rgb = mix(vec3(0.62, 0.47, 0.40), vec3(0.93, 0.88, 0.78), strut);
        }
        diffuseColor.rgb = mix(diffuseColor.rgb, uHighlightColor, uHighlight * 0.55);`,
      );
  };
  // Same program for every treated-bone material with the same options.
  material.customProgramCacheKey = () => `spv-bone-${options.fracture}-${options.clip !== null}`;
  return { material, uniforms };
}
