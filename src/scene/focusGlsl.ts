import { Vector4, type IUniform } from 'three';

/**
 * Occluder cut-away for the bones around the subject: a fragment nearer the camera than the focus sphere and inside
 * the cone from the camera to that sphere's outline is not drawn (a dithered rim softens the edge). Medical
 * illustrators open the near ribs and neighbours the same way (and clear the foreground beyond 2.5 radii in front), so the eye lands on the treated vertebra whatever
 * the framing or an orbiting user does. The focus is world millimetres: xyz the centre, w the radius.
 */
export type FocusUniform = IUniform<Vector4>;

export function createFocusUniform(): FocusUniform {
  // Radius 0: nothing is cut until the frame loop sets the focus.
  return { value: new Vector4(0, 0, 0, 0) };
}

/** Vertex: world position of the (possibly displaced) vertex for the fragment test. */
export const FOCUS_VERTEX_PARS = 'varying vec3 vFocusWorld;';
export const FOCUS_VERTEX = 'vFocusWorld = (modelMatrix * vec4(transformed, 1.0)).xyz;';

export const FOCUS_FRAGMENT_PARS = /* glsl */ `
varying vec3 vFocusWorld;
uniform vec4 uFocus;
`;

/** Runs first in the fragment stage: discard what hides the focus (cameraPosition is three's built-in uniform). */
export const FOCUS_FRAGMENT = /* glsl */ `
if (uFocus.w > 0.0) {
  vec3 spvToFocus = uFocus.xyz - cameraPosition;
  float spvFocusDistance = length(spvToFocus);
  vec3 spvAxis = spvToFocus / spvFocusDistance;
  vec3 spvToFragment = vFocusWorld - cameraPosition;
  float spvAlong = dot(spvToFragment, spvAxis);
  // Only what stands clearly in front (1.6 radii): the near flanks of the neighbours stay whole.
  if (spvAlong > 0.0 && spvAlong < spvFocusDistance - 1.6 * uFocus.w) {
    float spvAcross = length(spvToFragment - spvAxis * spvAlong);
    // Cone through the sphere's outline, widened a little so a rim of clear space frames the subject. Its edge
    // is nearly hard: a wide dithered rim on a rib seen end-on read as a spray of speckles.
    float spvCone = 1.25 * uFocus.w * spvAlong / spvFocusDistance;
    float spvInside = 1.0 - smoothstep(spvCone, spvCone * 1.04, spvAcross);
    // Whatever stands well in front of the subject anywhere in view (a rib beside the camera) goes too: the
    // foreground is cut 2.5 subject radii before the subject, with the same nearly hard edge. The cut bone shows
    // its section there (boneMaterial.ts, FOCUS_SECTION_COLOR).
    float spvNear = 1.0 - smoothstep(spvFocusDistance - 2.55 * uFocus.w, spvFocusDistance - 2.5 * uFocus.w, spvAlong);
    spvInside = max(spvInside, spvNear);
    // 4×4 ordered dither over the last few per cent of the edge: no sorting, no transparency pass.
    vec2 spvCell = mod(floor(gl_FragCoord.xy), 4.0);
    float spvThreshold = (mod(spvCell.x * 2.0 + spvCell.y * 3.0, 4.0) * 4.0 + mod(spvCell.x + spvCell.y * 2.0, 4.0) + 0.5) / 16.0;
    if (spvInside > spvThreshold) discard;
  }
}
`;

/** Rewrites a standard material's shaders so it is cut away where it hides the focus (after three's clipping). */
export function injectFocus(
  shader: { vertexShader: string; fragmentShader: string; uniforms: Record<string, IUniform> },
  focus: FocusUniform,
): void {
  shader.uniforms.uFocus = focus;
  shader.vertexShader = shader.vertexShader
    .replace('#include <common>', `#include <common>\n${FOCUS_VERTEX_PARS}`)
    .replace('#include <project_vertex>', `#include <project_vertex>\n${FOCUS_VERTEX}`);
  shader.fragmentShader = shader.fragmentShader
    .replace('#include <common>', `#include <common>\n${FOCUS_FRAGMENT_PARS}`)
    .replace('#include <clipping_planes_fragment>', `#include <clipping_planes_fragment>\n${FOCUS_FRAGMENT}`);
}
