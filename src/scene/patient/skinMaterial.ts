import { MeshStandardMaterial, type IUniform } from 'three';
import { palette } from '../palette';

/** The skin's per-frame controls: overall opacity and that of the window over the treated level. */
export interface SkinUniforms {
  uBodyOpacity: IUniform<number>;
  uWindowOpacity: IUniform<number>;
}

/** Half-extents (mm, world x and z) of the see-through window centred on the treated level. */
export const SKIN_WINDOW = { x: 95, z: 120 } as const;

/**
 * The patient's skin: an even, matte tone, opaque enough to read as a body where we do not look inside and
 * translucent in an oval window over the treated level so the spine shows through. The window is computed
 * per fragment from world x and z, so it follows the treated level whatever the body's shape.
 */
export function createSkinMaterial(): { material: MeshStandardMaterial; uniforms: SkinUniforms } {
  const uniforms: SkinUniforms = { uBodyOpacity: { value: 0 }, uWindowOpacity: { value: 0 } };
  const material = new MeshStandardMaterial({
    color: palette.skin,
    roughness: 0.75,
    metalness: 0,
    transparent: true,
  });
  material.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, uniforms);
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nvarying vec3 vSkinWorld;')
      .replace(
        '#include <project_vertex>',
        '#include <project_vertex>\nvSkinWorld = (modelMatrix * vec4(transformed, 1.0)).xyz;',
      );
    shader.fragmentShader = shader.fragmentShader
      .replace(
        '#include <common>',
        `#include <common>
varying vec3 vSkinWorld;
uniform float uBodyOpacity;
uniform float uWindowOpacity;`,
      )
      .replace(
        '#include <alphamap_fragment>',
        `#include <alphamap_fragment>
float skinWindow = length(vSkinWorld.xz / vec2(${SKIN_WINDOW.x.toFixed(1)}, ${SKIN_WINDOW.z.toFixed(1)}));
diffuseColor.a *= mix(uWindowOpacity, uBodyOpacity, smoothstep(0.75, 1.25, skinWindow));`,
      );
  };
  material.customProgramCacheKey = () => 'patient-skin-window';
  return { material, uniforms };
}
