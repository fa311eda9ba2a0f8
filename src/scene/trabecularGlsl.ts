/**
 * A cellular (Worley) pattern in object space: bright struts along cell borders, darker marrow spaces between,
 * which reads as cancellous bone on a cut face. ~2 mm cells, close to the trabecular spacing of osteoporotic bone.
 */
export const TRABECULAR_GLSL = /* glsl */ `
vec3 spvHash3(vec3 p) {
  return fract(sin(vec3(dot(p, vec3(127.1, 311.7, 74.7)), dot(p, vec3(269.5, 183.3, 246.1)),
    dot(p, vec3(113.5, 271.9, 124.6)))) * 43758.5453);
}
float spvTrabecular(vec3 p) {
  vec3 q = p * 0.5;
  vec3 cell = floor(q);
  vec3 f = fract(q);
  float d1 = 8.0;
  float d2 = 8.0;
  for (int x = -1; x <= 1; x++)
  for (int y = -1; y <= 1; y++)
  for (int z = -1; z <= 1; z++) {
    vec3 g = vec3(float(x), float(y), float(z));
    vec3 r = g + spvHash3(cell + g) - f;
    float d = dot(r, r);
    if (d < d1) { d2 = d1; d1 = d; } else if (d < d2) { d2 = d; }
  }
  float edge = sqrt(d2) - sqrt(d1);
  return 1.0 - smoothstep(0.06, 0.22, edge);
}
`;
