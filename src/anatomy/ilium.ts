import type { PartMesh } from './polygonize';
import { sheetMesh } from './sheetMesh';
import { discPose, levelPose } from './spineLayout';
import type { V3 } from './vec3';

/**
 * The iliac wings, as far as a lateral radiograph of the lower lumbar spine shows them: from the sacroiliac joint
 * and the posterior superior iliac spine up to the crest and forward to the anterior superior iliac spine, ending
 * above the acetabulum. Context only, so a smooth plate of low resolution with its thickness varying as the bone's
 * does (thin iliac fossa ≈ 3–4 mm, crest ≈ 10 mm, thick posterior tuberosity and body).
 *
 * Placement: the highest point of the crest lies at the L4–L5 interspace (the intercristal or Tuffier's line, the
 * standard landmark for lumbar puncture: Chakraverty R et al., Br J Anaesth 2007; Snider KT et al., Spine 2008
 * found it at L4–L5 or L4 in most adults); pelvic width at the crests ≈ 250–280 mm in adults (intercristal
 * distance). Other proportions are heuristics scaled to an adult pelvis.
 */

/** Half the intercristal distance (mm). */
const CREST_HALF_WIDTH_MM = 118;

/** Crest from the posterior superior iliac spine (u = 0) to the anterior one (u = 1): lateral, up, forward offsets. */
const CREST: readonly V3[] = [
  [40, -6, -58],
  [62, 16, -52],
  [88, 31, -30],
  [CREST_HALF_WIDTH_MM - 10, 36, 0],
  [CREST_HALF_WIDTH_MM, 28, 30],
  [CREST_HALF_WIDTH_MM, 8, 58],
  [110, -8, 74],
];
/**
 * Lower border of the modelled wing, below each crest point: from the posterior inferior iliac spine behind the
 * sacroiliac joint, narrowing to the body of the ilium above the acetabulum, up to the anterior inferior iliac spine.
 */
const BASE: readonly V3[] = [
  [47, -28, -42],
  [55, -42, -31],
  [63, -54, -17],
  [71, -60, 0],
  [80, -58, 16],
  [89, -48, 31],
  [97, -30, 45],
];

function along(points: readonly V3[], u: number): V3 {
  const f = u * (points.length - 1);
  const i = Math.min(Math.floor(f), points.length - 2);
  const t = f - i;
  // Smooth (Catmull–Rom) between the listed points, clamped at the ends.
  const p = (k: number): V3 => points[Math.min(Math.max(k, 0), points.length - 1)]!;
  const [p0, p1, p2, p3] = [p(i - 1), p(i), p(i + 1), p(i + 2)];
  const t2 = t * t;
  const t3 = t2 * t;
  const w = [
    -0.5 * t3 + t2 - 0.5 * t,
    1.5 * t3 - 2.5 * t2 + 1,
    -1.5 * t3 + 2 * t2 + 0.5 * t,
    0.5 * t3 - 0.5 * t2,
  ];
  return [0, 1, 2].map(
    (c) => w[0]! * p0[c]! + w[1]! * p1[c]! + w[2]! * p2[c]! + w[3]! * p3[c]!,
  ) as unknown as V3;
}

/**
 * Both iliac wings (`ilium_left`, `ilium_right`) in the S1 frame. The outlines above are in the spine frame's
 * directions (lateral, cranial, anterior) relative to the S1 body centre, with the crest's top raised or lowered so
 * it meets the L4–L5 disc's height in the assembled spine.
 */
export function buildIlia(): PartMesh[] {
  const s1 = levelPose('S1');
  const disc = discPose('L4', 'L5');
  const crestTop = disc.position[1] - s1.position[1];
  const lift = crestTop - Math.max(...CREST.map((p) => p[1]));
  const a = -s1.rotationXRad;
  const c = Math.cos(a);
  const sn = Math.sin(a);
  const toS1 = (p: V3): V3 => [p[0], p[1] * c - p[2] * sn, p[1] * sn + p[2] * c];
  return ([1, -1] as const).map((side) => {
    const point = (u: number, v: number): V3 => {
      const top = along(CREST, u);
      const base = along(BASE, u);
      // The iliac fossa is hollow on its inner face: the middle of the wing bows outwards.
      const bow = 9 * Math.sin(Math.PI * u) * Math.sin(Math.PI * Math.min(v * 1.2, 1));
      const y = top[1] + lift * (1 - v) + (base[1] - top[1]) * v;
      return toS1([side * (top[0] + (base[0] - top[0]) * v + bow), y, top[2] + (base[2] - top[2]) * v]);
    };
    const thickness = (u: number, v: number): number =>
      3.5 + 7 * (1 - v) ** 10 + 10 * v ** 3 + 12 * Math.max(1 - u / 0.22, 0) ** 2;
    return sheetMesh(side === 1 ? 'ilium_left' : 'ilium_right', point, thickness, 20, 9);
  });
}
