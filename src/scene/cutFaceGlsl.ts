import { FRACTURE_GLSL } from '../anatomy/fractureField';

/**
 * Fragment-shader helpers for faces seen through the cutaway (the inside of the body's shell and the inner
 * cortical shell): they stand in for a cap on the cut plane, so they are shaded as that cap. The pixel's view
 * ray is followed to the clipping plane (`clippingPlanes[0]`, view space) and the crossing is taken into the
 * bone's frame with `uViewToBone` (the inverse model-view matrix, set before each draw), so the cut texture lies
 * flat on the plane and stays glued to the bone. With the fracture field on, the crossing's height is also undone
 * (divided by the field's scale) so the texture compresses with the bone instead of sliding through it.
 */
export function cutFaceGlsl(fracture: boolean): string {
  return /* glsl */ `
${fracture ? FRACTURE_GLSL : ''}
uniform mat4 uViewToBone;
vec3 spvCutPoint(vec3 fallback) {
#if NUM_CLIPPING_PLANES > 0
  vec3 b = -vClipPosition;
  vec3 n = clippingPlanes[0].xyz;
  vec3 o = isOrthographic ? vec3(b.xy, 0.0) : vec3(0.0);
  vec3 d = b - o;
  float dn = dot(d, n);
  float t = abs(dn) > 1e-6 ? clamp(-(dot(o, n) + clippingPlanes[0].w) / dn, 0.0, 1.0) : 1.0;
  vec3 p = (uViewToBone * vec4(o + t * d, 1.0)).xyz;
#else
  vec3 p = fallback;
#endif
${
  fracture
    ? '  p.y /= max(fractureHeightScale(p.z / uBodyHalfExtent.y, p.x / uBodyHalfExtent.x, uFractureHeights), 0.05);'
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
