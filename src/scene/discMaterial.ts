import { Color, MeshStandardMaterial } from 'three';
import { BONE_NOISE_GLSL } from './boneNoiseGlsl';
import { injectFocus, type FocusUniform } from './focusGlsl';

/**
 * Colour of the disc's outer wall, the annulus fibrosus: fibrocartilage is a pearly off-white, greyer and a touch
 * rosier than bone's ivory, so each disc separates from the bodies beside it without a colour of its own. Not
 * blue: blue means the balloon's contrast fluid. The nucleus pulposus (gel, inside the annulus) is never exposed
 * by any view, so the disc only needs the annulus.
 */
export const ANNULUS_COLOR = new Color('#cfc3c1');

/**
 * The intervertebral discs: matte-satin annulus with a faint cross-hatch of oblique fibre bundles (its lamellae run
 * at about ±30° to the horizontal, alternating layer by layer — Marchand & Ahmed 1990, Spine 15:402), in the
 * mesh's frame so it never swims; crevices beside the endplates darken with the baked ambient occlusion. With a
 * focus, what hides it is cut away.
 */
export function createDiscMaterial(focus?: FocusUniform): MeshStandardMaterial {
  const material = new MeshStandardMaterial({
    color: ANNULUS_COLOR,
    roughness: 0.55,
    metalness: 0,
    vertexColors: true,
  });
  material.onBeforeCompile = (shader) => {
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nvarying vec3 vDiscPosition;')
      .replace('#include <project_vertex>', 'vDiscPosition = position;\n#include <project_vertex>');
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', `#include <common>\nvarying vec3 vDiscPosition;\n${BONE_NOISE_GLSL}`)
      .replace(
        '#include <color_fragment>',
        /* glsl */ `
        #include <color_fragment>
        {
          vec3 p = vDiscPosition;
          // Two families of fibre bundles ~1.5 mm apart, at +-30 deg (tan 30 deg ~ 0.58), broken up by noise.
          float a = sin((p.y * 1.73 + p.x + p.z) * 4.2);
          float b = sin((p.y * 1.73 - p.x - p.z) * 4.2);
          float fibres = 0.5 * (a * a + b * b) * (0.6 + 0.4 * spvNoise(p * 0.6));
          // Fades out before it would alias (a few pixels per bundle).
          float visible = 1.0 - smoothstep(0.25, 0.6, length(fwidth(p)));
          diffuseColor.rgb *= 1.0 - 0.06 * fibres * visible;
          diffuseColor.rgb *= 0.97 + 0.06 * spvNoise(p * 0.25 + 5.0);
        }`,
      );
    // Discs between the camera and the subject are cut away with the bones around them (focusGlsl.ts).
    if (focus) injectFocus(shader, focus);
  };
  material.customProgramCacheKey = () => `spv-disc${focus ? '-focus' : ''}`;
  return material;
}
