/**
 * Noise for the bone and disc shaders, evaluated in each mesh's own frame (millimetres) so the pattern is glued to
 * the bone: it never swims when the camera moves and every frame at a given time is identical.
 *
 * Hashes are sine-free ("hash without sine", D. Hoskins, shadertoy 4djSRW): `sin` of large arguments loses all
 * precision on mobile GPUs, which shows as blocky or flickering patterns on older phones.
 */
export const BONE_NOISE_GLSL = /* glsl */ `
float spvHash13(vec3 p3) {
  p3 = fract(p3 * 0.1031);
  p3 += dot(p3, p3.zyx + 31.32);
  return fract((p3.x + p3.y) * p3.z);
}
vec3 spvHash33(vec3 p3) {
  p3 = fract(p3 * vec3(0.1031, 0.1030, 0.0973));
  p3 += dot(p3, p3.yxz + 33.33);
  return fract((p3.xxy + p3.yxx) * p3.zyx);
}
// Smooth value noise in [0, 1].
float spvNoise(vec3 x) {
  vec3 i = floor(x);
  vec3 f = fract(x);
  f = f * f * (3.0 - 2.0 * f);
  return mix(
    mix(mix(spvHash13(i), spvHash13(i + vec3(1.0, 0.0, 0.0)), f.x),
        mix(spvHash13(i + vec3(0.0, 1.0, 0.0)), spvHash13(i + vec3(1.0, 1.0, 0.0)), f.x), f.y),
    mix(mix(spvHash13(i + vec3(0.0, 0.0, 1.0)), spvHash13(i + vec3(1.0, 0.0, 1.0)), f.x),
        mix(spvHash13(i + vec3(0.0, 1.0, 1.0)), spvHash13(i + vec3(1.0, 1.0, 1.0)), f.x), f.y),
    f.z);
}
// Two octaves, for the soft patches of red and fatty marrow on a cut.
float spvFbm2(vec3 x) {
  return 0.65 * spvNoise(x) + 0.35 * spvNoise(x * 2.03 + 17.0);
}
`;
