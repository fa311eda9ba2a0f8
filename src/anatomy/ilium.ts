import {
  AURICULAR_HALF_DEPTH,
  AURICULAR_HALF_LENGTH,
  AURICULAR_U,
  BOTTOM_X,
  ASIS_INDEX,
  CREST,
  OUTLINE_ZY,
  PSIS_INDEX,
  TUBERCLE_INDEX,
  WING_BOTTOM_Y,
} from './iliumOutline';
import { polygonizeParts, type PartMesh } from './polygonize';
import {
  boxDistance,
  ellipsoid,
  polygonDistance,
  roundedIntersection,
  smoothMax,
  smoothMin,
  taperedCapsule,
  type Box,
  type Sdf,
} from './sdf';
import { discPose, levelPose } from './spineLayout';
import { cross, type V3 } from './vec3';

/**
 * The iliac wings, as far as a lateral radiograph of the lower lumbar spine shows them (landmarks and sources in
 * iliumOutline.ts): a curved, fan-shaped wing, hollow inside (the iliac fossa) and bulging outside (the gluteal
 * surface), with a thick rounded crest carrying the iliac tubercle; the anterior superior and inferior iliac spines
 * in front; the posterior superior and inferior spines behind, the upper limb of the greater sciatic notch below
 * them; the thick posterior part whose auricular surface lies against the sacrum's at the sacroiliac joint; and the
 * body of the ilium, cut off above the acetabulum. Built as a signed-distance shape and polygonised like the other
 * bones, at a low triangle density (context, far from the treated levels in most views).
 */

/** What the ilia need from the sacrum (in the S1 frame): its shape, and its plate's mid-surface down the midline. */
export interface SacrumContact {
  sdf: Sdf;
  box: Box;
  plateAt: (u: number) => { point: V3; through: V3 };
}

/** Triangles per mm² of the ilia: about a tenth of the vertebrae's (context bone, smooth wide surfaces). */
export const ILIUM_TRIANGLES_PER_MM2 = 0.065;

/** The gap left at the sacroiliac joint (mm): the auricular surfaces face each other across it. */
export const SACROILIAC_GAP_MM = 0.6;

function table(rows: readonly (readonly number[])[], z: number, col: number): number {
  if (z <= rows[0]![0]!) return rows[0]![col]!;
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    if (z <= b[0]!) return a[col]! + ((b[col]! - a[col]!) * (z - a[0]!)) / (b[0]! - a[0]!);
  }
  return rows[rows.length - 1]![col]!;
}

function smoothstep(e0: number, e1: number, v: number): number {
  const t = Math.min(Math.max((v - e0) / (e1 - e0), 0), 1);
  return t * t * (3 - 2 * t);
}

/**
 * The wing's mid-surface as a lateral offset over the side view: from its bottom up to the crest it flares
 * outwards faster and faster, so its inner face is hollow (the iliac fossa) and its outer face convex.
 */
function midX(y: number, z: number): number {
  const top = table(CREST, z, 1);
  const h = Math.min(Math.max((y - WING_BOTTOM_Y) / (top - WING_BOTTOM_Y), 0), 1.15);
  const bottom = table(BOTTOM_X, z, 1);
  return bottom + (table(CREST, z, 2) - bottom) * h ** 1.6;
}

/** Full thickness of the wing (mm) below its rim: thin fossa, thick posterior part, body and iliac pillar. */
function thickness(y: number, z: number): number {
  return (
    3.2 +
    15 * smoothstep(-24, -50, z) +
    15 * smoothstep(-38, -66, y) +
    5 * smoothstep(50, 70, z) +
    5 * Math.exp(-(((z - 30) / 11) ** 2)) * smoothstep(32, 0, y)
  );
}

const OUTLINE = Float64Array.from(OUTLINE_ZY);

/** The left ilium (x > 0) in the spine frame's directions relative to the S1 body centre, before the lift. */
function wingSdf(): Sdf {
  const rim = CREST.slice(1).map((b, i) => {
    const a = CREST[i]!;
    return taperedCapsule([a[2], a[1], a[0]], [b[2], b[1], b[0]], a[3], b[3]);
  });
  const t = CREST[TUBERCLE_INDEX]!;
  // The tubercle bulges from the crest's outer lip.
  const tubercle = ellipsoid(
    [t[2] + 4, t[1] - 3, t[0]],
    [5.5, 7, 13],
    [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
  );
  const aiisY = -27;
  const aiisZ = 70;
  const aiis = ellipsoid(
    [midX(aiisY, aiisZ), aiisY, aiisZ],
    [6, 6, 6],
    [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
  );
  return (x, y, z) => {
    const e = 0.5;
    const gy = (midX(y + e, z) - midX(y - e, z)) / (2 * e);
    const gz = (midX(y, z + e) - midX(y, z - e)) / (2 * e);
    const half = thickness(y, z) / 2;
    const plate = (Math.abs(x - midX(y, z)) - half) / Math.sqrt(1 + gy * gy + gz * gz);
    const outline = polygonDistance(z, y, OUTLINE);
    let d = roundedIntersection(plate, outline, Math.min(half - 0.2, 4));
    let r = Infinity;
    for (const capsule of rim) r = Math.min(r, capsule(x, y, z));
    d = smoothMin(d, r, 5);
    d = smoothMin(d, tubercle(x, y, z), 4);
    return smoothMin(d, aiis(x, y, z), 4);
  };
}

/** Rotation about X (the layout's convention: +a turns +Z towards +Y's negative side). */
function rotX(p: V3, a: number): V3 {
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [p[0], p[1] * c - p[2] * s, p[1] * s + p[2] * c];
}

/**
 * The wing's forward tilt about the sacroiliac joint (rad): the line from the posterior to the anterior superior
 * iliac spine falls 13 ± 5° forwards from the horizontal (30 cadaver pelves: Preece SJ et al., J Man Manip Ther
 * 2008;16(2):113). The outline is drawn level; 10° of that tilt is applied here (an estimate: this spine frame is
 * upright at L1, not a measured standing pelvis).
 */
const TILT_RAD = (10 * Math.PI) / 180;
/** Where the tilt turns about: near the sacroiliac joint (spine-frame directions from the S1 body centre, mm). */
const TILT_PIVOT: V3 = [0, -5, -20];

function tilt(p: V3, a: number): V3 {
  const r = rotX([p[0], p[1] - TILT_PIVOT[1], p[2] - TILT_PIVOT[2]], a);
  return [r[0], r[1] + TILT_PIVOT[1], r[2] + TILT_PIVOT[2]];
}

/** How far the wings are raised so the crest's top meets the L4–L5 disc's height (spine frame, mm). */
function crestLift(): number {
  const s1 = levelPose('S1');
  const disc = discPose('L4', 'L5');
  const target = disc.position[1] - s1.position[1];
  const top = Math.max(...CREST.map(([z, y, x, rim]) => tilt([x, y, z], TILT_RAD)[1] + rim));
  return target - top;
}

/**
 * A point given in the outline's coordinates (iliumOutline.ts: the left wing, level, before the lift) as it ends up
 * in the S1 frame for `side` (+1 left, −1 right): tilted, lifted, mirrored and turned into the S1 frame.
 */
export function iliumPoint(side: 1 | -1, p: V3): V3 {
  const t = tilt(p, TILT_RAD);
  return rotX([side * t[0], t[1] + crestLift(), t[2]], -levelPose('S1').rotationXRad);
}

/** Landmarks of one ilium in the S1 frame, with the crest's rim radius there (mm). */
export function iliumLandmarks(
  side: 1 | -1,
): Record<'psis' | 'tubercle' | 'asis', { point: V3; rim: number }> {
  const at = (i: number): { point: V3; rim: number } => {
    const [z, y, x, rim] = CREST[i]!;
    return { point: iliumPoint(side, [x, y, z]), rim };
  };
  return { psis: at(PSIS_INDEX), tubercle: at(TUBERCLE_INDEX), asis: at(ASIS_INDEX) };
}

/**
 * One ilium in the S1 frame (`side` +1 left, −1 right): the wing, joined to a thick block that fills the space
 * from the wing to the sacrum's auricular surface (the posterior ilium behind and above the joint), everything
 * kept `SACROILIAC_GAP_MM` clear of the sacrum so the two auricular surfaces face each other across the joint.
 */
export function iliumShape(side: 1 | -1, sacrum: SacrumContact): { sdf: Sdf; box: Box } {
  const s1 = levelPose('S1');
  const lift = crestLift();
  const wing = wingSdf();
  const plate = sacrum.plateAt(AURICULAR_U);
  const normal = plate.through;
  const axial = cross(normal, [1, 0, 0]);
  // Centred a little dorsal of the plate's mid-surface: the joint's ligaments and the iliac tuberosity lie behind.
  const centre: V3 = [side * 57, plate.point[1] - 6 * normal[1], plate.point[2] - 6 * normal[2]];
  const auricularRegion = ellipsoid(
    centre,
    [16, AURICULAR_HALF_LENGTH, AURICULAR_HALF_DEPTH],
    [[1, 0, 0], axial, normal],
  );
  const sdf: Sdf = (x, y, z) => {
    const placed = rotX([x * side, y, z], s1.rotationXRad);
    const p = tilt([placed[0], placed[1] - lift, placed[2]], -TILT_RAD);
    let d = wing(p[0], p[1], p[2]);
    const nearSacrum = boxDistance(sacrum.box, x, y, z) < 26;
    if (!nearSacrum) return d;
    const ds = sacrum.sdf(x, y, z);
    const slab = Math.max(SACROILIAC_GAP_MM - ds, ds - 18, 50 - x * side);
    d = smoothMin(d, Math.max(slab, auricularRegion(x, y, z)), 10);
    return smoothMax(d, SACROILIAC_GAP_MM - ds, 1);
  };
  // The box: the wing's landmarks' extent (padded by the thickest rim) in the S1 frame.
  const corners: V3[] = [];
  for (const cx of [26, 134])
    for (const cy of [WING_BOTTOM_Y - 4, 48])
      for (const cz of [-70, 90]) corners.push(iliumPoint(side, [cx, cy, cz]));
  const min = [0, 1, 2].map((i) => Math.min(...corners.map((c) => c[i]!))) as unknown as V3;
  const max = [0, 1, 2].map((i) => Math.max(...corners.map((c) => c[i]!))) as unknown as V3;
  return { sdf, box: { min, max } };
}

/** Both iliac wings (`ilium_left`, `ilium_right`) in the S1 frame, each a closed surface of its own. */
export function buildIlia(sacrum: SacrumContact): PartMesh[] {
  return ([1, -1] as const).flatMap((side) =>
    polygonizeParts([{ name: side === 1 ? 'ilium_left' : 'ilium_right', ...iliumShape(side, sacrum) }], {
      stepFor: () => 1.3,
      blend: 1,
      overlap: 0,
      trianglesPerMm2: ILIUM_TRIANGLES_PER_MM2,
      minTriangles: 400,
    }),
  );
}
