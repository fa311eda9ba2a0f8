import { Vector2, Vector4, type IUniform } from 'three';

/**
 * Occluder cut-away for the bones around the subject: a fragment nearer the camera than the focus sphere and inside
 * the cone from the camera to that sphere's outline is not drawn (a dithered rim softens the edge). Medical
 * illustrators open the near ribs and neighbours the same way (and clear the foreground beyond 2.5 radii in front),
 * so the eye lands on the treated vertebra whatever the framing or an orbiting user does. The focus is world
 * millimetres: xyz the centre, w the radius. A context bone (a rib, an iliac wing) that the cut would reach is left
 * out whole instead (contextPartCut.ts): a rib cut in two left a stub and a piece floating in the air.
 */
export type FocusUniform = IUniform<Vector4> & {
  /**
   * How far in front of the focus the cut begins, in radii: x where it stands in front of the focus (the cone),
   * y anywhere in view. Normally FOCUS_FRONT_RADII and FOCUS_NEAR_RADII; at a section (access, cut across the
   * spine through the needles) both come down to FOCUS_SECTION_RADII, so everything between the camera and a
   * plane just behind the focus goes.
   */
  reach: IUniform<Vector2>;
};

/** Per context bone, 1 where it is left out whole (contextPartCut.ts fills it each frame). */
export type FocusHiddenUniform = IUniform<Float32Array>;

/** Only what stands clearly in front (this many radii before the focus): the near flanks of neighbours stay. */
export const FOCUS_FRONT_RADII = 1.6;
/** The cone runs through the focus sphere's outline widened by this factor: a rim of clear space around it. */
export const FOCUS_CONE_WIDENING = 1.25;
/** Whatever stands this many radii or more in front of the focus anywhere in view is cut too. */
export const FOCUS_NEAR_RADII = 2.5;
/**
 * At a section, everything up to this many radii behind the focus's plane goes too (negative: behind). The focus
 * sits at the back of the body (the pedicles), and seen from above the back the disc under the body's front
 * reached behind the focus's plane: a sliver of it hung under the section.
 */
export const FOCUS_SECTION_RADII = -0.3;
/** How many context bones can be left out one by one (24 ribs and 2 iliac wings). */
export const FOCUS_PARTS = 32;
/**
 * A context bone's `focusPart` attribute is its index plus this: a geometry without the attribute reads the
 * attribute slot's generic value (0, or a default three.js left for another attribute there, such as 1), which then
 * never names a part.
 */
export const FOCUS_PART_BASE = 100;

export function createFocusUniform(): FocusUniform {
  // Radius 0: nothing is cut until the frame loop sets the focus.
  return {
    value: new Vector4(0, 0, 0, 0),
    reach: { value: new Vector2(FOCUS_FRONT_RADII, FOCUS_NEAR_RADII) },
  };
}

/**
 * The reach for a section `share` of the way in (0: the normal cut, 1: everything in front of a plane just behind
 * the focus), written into `focus` (once per frame, no allocation).
 */
export function setFocusSection(focus: FocusUniform, share: number): void {
  const keep = 1 - share;
  focus.reach.value.set(
    FOCUS_FRONT_RADII * keep + FOCUS_SECTION_RADII * share,
    FOCUS_NEAR_RADII * keep + FOCUS_SECTION_RADII * share,
  );
}

export function createFocusHiddenUniform(): FocusHiddenUniform {
  return { value: new Float32Array(FOCUS_PARTS) };
}

const glslFloat = (n: number): string => (Number.isInteger(n) ? `${n}.0` : String(n));

/**
 * Vertex: world position of the (possibly displaced) vertex for the fragment test, and whether its context bone is
 * left out. Decided per vertex, where the part's index is known: every vertex of a bone agrees, so the varying is
 * constant across its triangles, and the fragment stage keeps neither the 32-entry array nor a dynamic index into
 * it (work SwiftShader pays for on every pixel of the spine).
 */
export const FOCUS_VERTEX_PARS = /* glsl */ `
varying vec3 vFocusWorld;
attribute float focusPart;
uniform float uFocusHidden[${FOCUS_PARTS}];
varying float vFocusHidden;
`;
export const FOCUS_VERTEX = /* glsl */ `
vFocusWorld = (modelMatrix * vec4(transformed, 1.0)).xyz;
{
  int spvPart = int(focusPart + 0.5) - ${FOCUS_PART_BASE};
  vFocusHidden = spvPart >= 0 && spvPart < ${FOCUS_PARTS} ? uFocusHidden[spvPart] : 0.0;
}
`;

export const FOCUS_FRAGMENT_PARS = /* glsl */ `
varying vec3 vFocusWorld;
varying float vFocusHidden;
uniform vec4 uFocus;
uniform vec2 uFocusReach;
`;

/** Runs first in the fragment stage: discard what hides the focus (cameraPosition is three's built-in uniform). */
export const FOCUS_FRAGMENT = /* glsl */ `
if (vFocusHidden > 0.5) discard;
if (uFocus.w > 0.0) {
  vec3 spvToFocus = uFocus.xyz - cameraPosition;
  float spvFocusDistance = length(spvToFocus);
  vec3 spvAxis = spvToFocus / spvFocusDistance;
  vec3 spvToFragment = vFocusWorld - cameraPosition;
  float spvAlong = dot(spvToFragment, spvAxis);
  if (spvAlong > 0.0 && spvAlong < spvFocusDistance - uFocusReach.x * uFocus.w) {
    float spvAcross = length(spvToFragment - spvAxis * spvAlong);
    // The edge is nearly hard: a wide dithered rim on a bone seen end-on read as a spray of speckles.
    float spvCone = ${glslFloat(FOCUS_CONE_WIDENING)} * uFocus.w * spvAlong / spvFocusDistance;
    float spvInside = 1.0 - smoothstep(spvCone, spvCone * 1.04, spvAcross);
    // The foreground, with the same nearly hard edge. A cut bone shows its section there (boneMaterial.ts).
    float spvNearEdge = spvFocusDistance - uFocusReach.y * uFocus.w;
    float spvNear = 1.0 - smoothstep(spvNearEdge - 0.05 * uFocus.w, spvNearEdge, spvAlong);
    spvInside = max(spvInside, spvNear);
    // 4×4 ordered dither over the last few per cent of the edge: no sorting, no transparency pass.
    vec2 spvCell = mod(floor(gl_FragCoord.xy), 4.0);
    float spvThreshold = (mod(spvCell.x * 2.0 + spvCell.y * 3.0, 4.0) * 4.0 + mod(spvCell.x + spvCell.y * 2.0, 4.0) + 0.5) / 16.0;
    if (spvInside > spvThreshold) discard;
  }
}
`;

/**
 * Rewrites a standard material's shaders so it is cut away where it hides the focus (after three's clipping).
 * `hidden` names the context bones left out whole; a material that draws none passes nothing (all kept).
 */
export function injectFocus(
  shader: { vertexShader: string; fragmentShader: string; uniforms: Record<string, IUniform> },
  focus: FocusUniform,
  hidden: FocusHiddenUniform = createFocusHiddenUniform(),
): void {
  shader.uniforms.uFocus = focus;
  shader.uniforms.uFocusReach = focus.reach;
  shader.uniforms.uFocusHidden = hidden;
  shader.vertexShader = shader.vertexShader
    .replace('#include <common>', `#include <common>\n${FOCUS_VERTEX_PARS}`)
    .replace('#include <project_vertex>', `#include <project_vertex>\n${FOCUS_VERTEX}`);
  shader.fragmentShader = shader.fragmentShader
    .replace('#include <common>', `#include <common>\n${FOCUS_FRAGMENT_PARS}`)
    .replace('#include <clipping_planes_fragment>', `#include <clipping_planes_fragment>\n${FOCUS_FRAGMENT}`);
}
