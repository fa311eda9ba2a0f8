/**
 * What a cut through a vertebral body shows (needs BONE_NOISE_GLSL): a dense cortical shell at the rim and, inside
 * it, cancellous bone: a lattice of thin pale trabeculae with marrow between them.
 *
 * Measured structure, lumbar vertebral bodies of older adults: trabeculae ≈ 0.1–0.2 mm thick, spaced ≈ 0.7–1.0 mm
 * apart, mostly rod-like, the vertical (load-bearing) ones thicker and better kept than the horizontal cross-ties,
 * which thin and perforate first with age (Hildebrand et al. 1999, J Bone Miner Res 14:1167, L2: Tb.Th ≈ 0.13 mm,
 * Tb.Sp ≈ 0.85 mm; Thomsen et al. 2013, Bone 57:47, vertical vs horizontal trabeculae). The pattern is an
 * open-cell foam in the vertebra's own frame: overlapping marrow spaces around jittered points, taller than wide,
 * merge into one connected network and leave curved struts between them — sponge, not a pebble mosaic, and pale
 * struts around warm marrow, so it never reads as holes. Marrow in the vertebral body is red (haematopoietic)
 * marrow increasingly replaced by fat with age, so the spaces are a muted red-brown with yellower patches.
 * Near, the spacing is the measured ~1 mm; where that would alias, a coarser ~1.8 mm foam keeps the sponge
 * readable, and when even that covers only a few pixels the cut fades to the mean colour instead of shimmering.
 */
export const TRABECULAR_GLSL = /* glsl */ `
// Open-cell foam: a marrow space (an ellipsoid, taller than wide) around each jittered cell point, its radius a
// fraction of the cell between radius.x and radius.y, so neighbouring spaces merge into one connected marrow
// network and the bone left between them forms struts, thin where two spaces nearly touch and thicker at the
// nodes. Returns the signed distance (cell units) to the nearest space's boundary: > 0 in bone, < 0 in marrow.
float spvFoam(vec3 q, vec2 radius) {
  vec3 cell = floor(q);
  vec3 f = fract(q);
  float d = 8.0;
  for (int x = -1; x <= 1; x++)
  for (int y = -1; y <= 1; y++)
  for (int z = -1; z <= 1; z++) {
    vec3 g = vec3(float(x), float(y), float(z));
    vec3 h = spvHash33(cell + g);
    vec3 r = g + 0.15 + 0.7 * h - f;
    d = min(d, length(r) - mix(radius.x, radius.y, fract(h.x * 7.13 + h.z)));
  }
  return d;
}

// One lattice, cells "cell" mm across and 1.8 times as tall (vertebral trabeculae run mostly cranio-caudally):
// x = strut coverage (0 marrow ... 1 bone), y = depth into the marrow space (0 at a strut ... 1 deep).
vec2 spvLattice(vec3 p, float cell, vec2 radius, float seed, float mmPerPixel) {
  vec3 q = p * (vec3(1.0, 0.55, 1.0) / cell);
  // A gentle warp so struts curve instead of running dead straight.
  q += 0.3 * sin(q.yzx * 1.7 + vec3(seed, 2.1, 4.2)) + 0.12 * sin(q.zxy * 4.1 + seed);
  float boneMm = spvFoam(q + seed, radius) * cell;
  float aa = 0.7 * mmPerPixel;
  float strut = smoothstep(-aa, aa, boneMm);
  return vec2(strut, smoothstep(0.0, 0.35 * cell, -boneMm));
}

// x: strut coverage; y: depth into a marrow space. Near, the fine lattice (spaces ~1.1 mm apart, as measured);
// further out, where that would alias, a coarser one (~1.8 mm) that keeps the sponge readable, and from across
// the room their mean colour.
vec2 spvCancellous(vec3 p, float mmPerPixel) {
  float fineDetail = 1.0 - smoothstep(0.14, 0.26, mmPerPixel);
  vec2 coarse = vec2(0.0);
  if (fineDetail < 1.0) {
    coarse = spvLattice(p, 1.8, vec2(0.5, 0.72), 0.0, mmPerPixel);
    coarse = mix(vec2(0.3, 0.45), coarse, 1.0 - smoothstep(0.4, 0.9, mmPerPixel));
  }
  vec2 fine = vec2(0.0);
  if (fineDetail > 0.0) fine = spvLattice(p, 1.1, vec2(0.56, 0.8), 37.0, mmPerPixel);
  return mix(coarse, fine, fineDetail);
}

vec3 spvCancellousColor(vec3 p, float mmPerPixel) {
  vec2 c = spvCancellous(p, mmPerPixel);
  float fat = smoothstep(0.3, 0.75, spvFbm2(p * (1.0 / 7.0) + 23.0));
  vec3 marrow = mix(vec3(0.64, 0.41, 0.34), vec3(0.82, 0.67, 0.47), fat);
  // Deeper in a marrow space a little darker: the eye reads depth (sponge), not flat spots or holes.
  marrow *= mix(1.02, 0.92, c.y);
  vec3 strut = vec3(0.93, 0.89, 0.79) * (0.96 + 0.06 * spvNoise(p * 2.3));
  return mix(marrow, strut, c.x);
}

// Compact bone of the shell on a cut: dense, pale, a faint grain along the surface.
vec3 spvCorticalColor(vec3 p) {
  return vec3(0.90, 0.86, 0.76) * (0.96 + 0.06 * spvNoise(p * vec3(0.8, 3.0, 0.8)));
}
`;
