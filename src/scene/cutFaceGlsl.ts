import { FRACTURE_GLSL } from '../anatomy/fractureField';

/**
 * Fragment-shader helpers for faces seen through the cutaway (the inside of the body's shell and the inner
 * cortical shell): they stand in for a cap on the cut plane, so they are shaded as that cap and lie at its depth.
 * The pixel's view ray is followed to the clipping plane (`clippingPlanes[0]`, view space); the crossing's depth is
 * the cap's, so what lies behind the plane inside the bone (the far needle's instruments) stays hidden as it would
 * in a real section, and what lies in front of it (the near needle, the balloon swelling out of the cut) shows.
 * The crossing is taken into the bone's frame with `uViewToBone` (the inverse model-view matrix, set before each
 * draw), so the cut texture lies flat on the plane and stays glued to the bone. With the fracture field on, the
 * crossing's height is also undone (divided by the field's scale) so the texture compresses with the bone instead
 * of sliding through it. A face more than `uCapReach` mm past the plane stands for no cap. Where the crossing lies inside the balloon's hollow (`uCavityFromView` takes view space
 * into the hollow's unit sphere; `uCavityOn` 1 while it is there) the cap is open, and the hollow's far wall shows.
 */
export function cutFaceGlsl(fracture: boolean): string {
  return /* glsl */ `
${fracture ? FRACTURE_GLSL : ''}
uniform mat4 uViewToBone;
uniform mat4 uCavityFromView;
uniform float uCavityOn;
uniform float uCapReach;
// three declares it for the vertex stage only; the program shares it with the fragment stage.
uniform mat4 projectionMatrix;
// Where the pixel's view ray crosses the cut plane, view space (the fragment itself where it does not).
vec3 spvCutViewPoint() {
#if NUM_CLIPPING_PLANES > 0
  vec3 b = -vClipPosition;
  vec3 n = clippingPlanes[0].xyz;
  vec3 o = isOrthographic ? vec3(b.xy, 0.0) : vec3(0.0);
  vec3 d = b - o;
  float dn = dot(d, n);
  float t = abs(dn) > 1e-6 ? clamp(-(dot(o, n) + clippingPlanes[0].w) / dn, 0.0, 1.0) : 1.0;
  return o + t * d;
#else
  return vec3(0.0);
#endif
}
// Depth of a view-space point, as the depth buffer holds it.
float spvDepthOf(vec3 view) {
  vec4 clip = projectionMatrix * vec4(view, 1.0);
  return 0.5 * (clip.z / clip.w) + 0.5;
}
// Draws this fragment as the cap: at the plane's depth, or not at all where the plane is open onto the hollow.
// A thousandth of the way back towards its own depth keeps the faces that stand for the cap in their true order
// (the nearest one past the plane says cortex or cancellous bone, as when they lay at their own depths), all
// within a few hundredths of a millimetre of the plane.
void spvCap(vec3 view) {
  // A face further past the plane than the bone is thick is a far part of a bone that is not convex (the other
  // side's facets behind the cut arch): the plane crossing there lies outside the bone, so no cap.
  if (length(-vClipPosition - view) > uCapReach) discard;
  if (uCavityOn > 0.5) {
    vec3 q = (uCavityFromView * vec4(view, 1.0)).xyz;
    if (dot(q, q) < 1.0) discard;
  }
  gl_FragDepth = mix(spvDepthOf(view), gl_FragCoord.z, 1e-3);
}
vec3 spvCutPoint(vec3 fallback) {
#if NUM_CLIPPING_PLANES > 0
  vec3 p = (uViewToBone * vec4(spvCutViewPoint(), 1.0)).xyz;
#else
  vec3 p = fallback;
#endif
${
  fracture
    ? '  p.y = uFractureAnchor + (p.y - uFractureAnchor) / max(fractureHeightScale(p.z / uBodyHalfExtent.y, p.x / uBodyHalfExtent.x, uFractureHeights), 0.05);'
    : ''
}
  return p;
}
// View-space normal of the cap: facing out of the kept half, towards the cameras that look into the cut.
vec3 spvCutNormal(vec3 fallback) {
#if NUM_CLIPPING_PLANES > 0
  return -clippingPlanes[0].xyz;
#else
  return fallback;
#endif
}
`;
}
