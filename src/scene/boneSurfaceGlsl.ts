/**
 * The outer surface of bone (needs BONE_NOISE_GLSL and `varying vec3 vBonePosition`, the mesh-frame position in
 * mm): warm ivory with soft centimetre-scale mottling and a millimetre grain, so it reads as bone rather than
 * painted plastic; crevices (the model's baked ambient occlusion, 1 = open … ~0.4 = deep) darken towards a warm
 * brown instead of grey; roughness varies a little with the same noise, so highlights break up like on a
 * dry specimen. Everything is in the mesh's frame: stable between frames and exact when seeking.
 */
export const BONE_SURFACE_GLSL = /* glsl */ `
// grain: the millimetre noise, computed once per pixel and shared by colour, roughness and relief.
// mottle: the centimetre noise (spvBoneMottle), shared with the discs' colour where both are drawn by one program.
vec3 spvBoneSurfaceTint(vec3 base, float mottle, float ao, float grain) {
  // Lighter, slightly yellower patches against a faintly greyer ground: about +-5 % in brightness.
  vec3 tint = mix(vec3(0.95, 0.94, 0.93), vec3(1.03, 1.0, 0.95), mottle);
  vec3 c = base * tint * (0.97 + 0.06 * grain);
  // Crevices: darker and warmer, the way shadowed bone looks, never a grey smudge.
  vec3 crevice = mix(vec3(0.46, 0.38, 0.32), vec3(1.0), ao);
  return c * crevice;
}
float spvBoneMottle(vec3 p) {
  return spvNoise(p * (1.0 / 9.0));
}
vec3 spvBoneSurfaceColor(vec3 base, vec3 p, float ao, float grain) {
  return spvBoneSurfaceTint(base, spvBoneMottle(p), ao, grain);
}
// Bump from a height field h (view-space derivatives; Mikkelsen 2010, "Bump mapping unparametrized surfaces on the
// GPU", as three's bumpmap chunk does it).
vec3 spvBump(vec3 n, vec3 viewPosition, float h) {
  vec3 dpdx = dFdx(viewPosition);
  vec3 dpdy = dFdy(viewPosition);
  vec3 r1 = cross(dpdy, n);
  vec3 r2 = cross(n, dpdx);
  float det = dot(dpdx, r1);
  vec3 grad = sign(det) * (dFdx(h) * r1 + dFdy(h) * r2);
  return normalize(abs(det) * n - grad);
}
float spvBoneRoughness(float roughness, float grain) {
  return clamp(roughness + 0.16 * (grain - 0.5), 0.35, 0.95);
}
`;

/** First in main's colour stage of every bone material: the millimetre grain every later stage shares. */
export const BONE_SURFACE_GRAIN = 'float spvGrain = spvNoise(vBonePosition * (1.0 / 1.4) + 5.0);';

/** The model's baked ambient occlusion (1 open … ~0.4 deep crevice), carried in the vertex colour's red. */
const BONE_AO = /* glsl */ `
#if defined( USE_COLOR ) || defined( USE_COLOR_ALPHA )
  float spvAo = vColor.r;
#else
  float spvAo = 1.0;
#endif
`;

/**
 * Replaces `#include <color_fragment>` and `#include <roughnessmap_fragment>` on bone surfaces (front faces only;
 * the cut face has its own colouring).
 */
export const BONE_SURFACE_COLOR_FRAGMENT = /* glsl */ `
${BONE_AO}diffuseColor.rgb = spvBoneSurfaceColor(diffuseColor.rgb, vBonePosition, spvAo, spvGrain);
`;

/**
 * After `#include <normal_fragment_maps>`: a faint relief (~0.07 mm over ~1.4 mm) so light breaks up on the
 * surface like on real cortex; it fades out before it could sparkle (when a pixel covers more than ~0.3 mm).
 */
export const BONE_SURFACE_NORMAL_FRAGMENT = /* glsl */ `
{
  float spvSurfaceMm = length(fwidth(vBonePosition));
  float spvRelief = 0.07 * (1.0 - smoothstep(0.25, 0.6, spvSurfaceMm)) * spvGrain;
  vec3 spvBumped = spvBump(normal, -vViewPosition, spvRelief);
  if (gl_FrontFacing) normal = spvBumped;
}
`;

export const BONE_SURFACE_ROUGHNESS_FRAGMENT = /* glsl */ `
#include <roughnessmap_fragment>
if (uDisc < 0.5) roughnessFactor = spvBoneRoughness(roughnessFactor, spvGrain);
`;

/**
 * The colour of every uncut surface (one program draws bone and discs, boneMaterial.ts). Both sides of the choice
 * read the same two noises (the grain and the mottle, computed once): a software GPU runs both sides for every
 * pixel. The discs (uDisc) show the annulus fibrosus, a matte-satin wall with a faint cross-hatch of oblique fibre
 * bundles (its lamellae run at about ±30° to the horizontal, alternating layer by layer; Marchand & Ahmed 1990,
 * Spine 15:402), in the mesh's frame so it never swims; crevices beside the endplates darken with the baked
 * ambient occlusion (the vertex colour).
 */
export const SURFACE_COLOR_FRAGMENT = /* glsl */ `
float spvMottle = spvBoneMottle(vBonePosition);
if (uDisc > 0.5) {
  #include <color_fragment>
  vec3 spvDiscP = vBonePosition;
  // Two families of fibre bundles ~1.5 mm apart, at +-30 deg (tan 30 deg ~ 0.58), broken up by the grain.
  float spvFibreA = sin((spvDiscP.y * 1.73 + spvDiscP.x + spvDiscP.z) * 4.2);
  float spvFibreB = sin((spvDiscP.y * 1.73 - spvDiscP.x - spvDiscP.z) * 4.2);
  float spvFibres = 0.5 * (spvFibreA * spvFibreA + spvFibreB * spvFibreB) * (0.6 + 0.4 * spvGrain);
  // Fades out before it would alias (a few pixels per bundle).
  float spvFibresShown = 1.0 - smoothstep(0.25, 0.6, length(fwidth(spvDiscP)));
  diffuseColor.rgb *= 1.0 - 0.06 * spvFibres * spvFibresShown;
  diffuseColor.rgb *= 0.97 + 0.06 * spvMottle;
} else {
${BONE_AO}  diffuseColor.rgb = spvBoneSurfaceTint(diffuseColor.rgb, spvMottle, spvAo, spvGrain);
}
`;
