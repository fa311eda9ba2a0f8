/** Ray–box slab test shared by the cement's 3D ray march and its X-ray line integral: returns (tNear, tFar). */
export const RAY_BOX_GLSL = /* glsl */ `
vec2 spvRayBox(vec3 origin, vec3 dir, vec3 boxMin, vec3 boxMax) {
  vec3 inv = 1.0 / dir;
  vec3 a = (boxMin - origin) * inv;
  vec3 b = (boxMax - origin) * inv;
  vec3 lo = min(a, b);
  vec3 hi = max(a, b);
  return vec2(max(max(max(lo.x, lo.y), lo.z), 0.0), min(min(hi.x, hi.y), hi.z));
}
`;
