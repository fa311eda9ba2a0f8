import { LEVEL_IDS } from '../anatomy/levels';
import { levelDimensions } from '../anatomy/morphometry';
import { vertebraLandmarks, type Vec3 } from '../anatomy/vertebraLandmarks';
import { accessPlan, tipAt } from './accessPath';
import { LEAK_FINAL_ML, hasLeak } from './complications';
import { RESTORATION, fractureProfile } from './fracture';
import type { ProcedureId, ProcedureOptions } from './types';

/*
 * Where each leak goes, in the treated vertebra's frame (mm; +X patient's left, +Y cranial, +Z anterior; origin at
 * the body's centre). Routes follow Yeom's classes (Yeom 2003, JBJS Br 85:83):
 * - venous (B, then S): out of the basivertebral foramen at the centre of the posterior wall, into the anterior
 *   internal venous plexus behind the body, out through the intervertebral veins of each foramen and along the
 *   segmental veins that hug the sides of the body, towards the azygos / caval system in front.
 * - disc (D): through the broken (superior) endplate into the disc above, spreading flat in the disc space.
 * - epidural (C): through a defect in the posterior wall into the front of the spinal canal, spreading up and down.
 * - foraminal: back along the needle's track in the pedicle and out of its lower wall into the foramen below.
 * - soft-tissue: back along the needle's track out of the bone into the muscles beside the spine.
 */

/** One branch of a leak: a polyline, blobs of one radius along it, flattened where the space is flat. */
export interface LeakBranch {
  points: readonly Vec3[];
  /** Scale of each blob per axis (1 = round; the disc and the canal flatten the cement). */
  shape: Vec3;
}

/** A leak's route and the blobs that draw it: all of it at the final volume, a prefix of each branch before. */
export interface LeakPath {
  branches: readonly LeakBranch[];
  /** Blob radius (mm) that makes the whole chain hold the final volume (as a tube of this radius). */
  radiusMm: number;
}

/** The body's heights once cement goes in: after the postural gain, and the balloon's kept lift in kyphoplasty. */
function cementTimeHeights(options: ProcedureOptions, procedure: ProcedureId) {
  const { normal: n, fractured: f } = fractureProfile(options);
  const gain =
    RESTORATION.posturalShare +
    (procedure === 'kyphoplasty' ? RESTORATION.balloonPeakShare * RESTORATION.keptAfterDeflation : 0);
  const at = (a: number, b: number) => a + (b - a) * gain;
  return {
    anteriorMm: at(f.anteriorMm, n.anteriorMm),
    middleMm: at(f.middleMm, n.middleMm),
    posteriorMm: at(f.posteriorMm, n.posteriorMm),
  };
}

/** Height of the disc above the treated level (the level above's disc below; the level's own at the top). */
export function discAboveMm(options: Pick<ProcedureOptions, 'level'>): number {
  const i = LEVEL_IDS.indexOf(options.level);
  return levelDimensions(i > 0 ? LEVEL_IDS[i - 1]! : options.level).discHeightBelowMm;
}

const mirror = (points: readonly Vec3[]): Vec3[] => points.map(([x, y, z]) => [-x, y, z] as Vec3);

function branchesOf(options: ProcedureOptions, procedure: ProcedureId): LeakBranch[] {
  const marks = vertebraLandmarks(options.level);
  const h = cementTimeHeights(options, procedure);
  const a = marks.bodyWidthMm / 2;
  const c = marks.bodyDepthMm / 2;
  const pw = marks.posteriorWallZ;
  const canalHalf = marks.canalWidthMm / 2;
  const pedicle = marks.pedicleLeft;
  const round: Vec3 = [1, 1, 1];
  switch (options.complication) {
    case 'venous': {
      // Basivertebral vein: from the cement's posterior front to the foramen at the centre of the posterior wall.
      const trunk: Vec3[] = [
        [0, 0, pw + 7],
        [0, 0, pw - 1.5],
      ];
      // Anterior internal plexus behind the body, the intervertebral vein out of the foramen under the pedicle,
      // then the segmental (lumbar / intercostal) vein round the waist of the body, on its surface.
      const onSide = (z: number, gap: number): number => a * Math.sqrt(Math.max(0, 1 - (z / c) ** 2)) + gap;
      const side: Vec3[] = [
        [0, 0, pw - 1.5],
        [canalHalf * 0.55, -h.posteriorMm * 0.08, pw - 2],
        [canalHalf * 0.95, -h.posteriorMm * 0.22, pw - 2.5],
        [pedicle.center[0], -h.posteriorMm * 0.32, pedicle.center[2]],
        [onSide(-0.7 * c, 2.5), -h.posteriorMm * 0.15, -0.7 * c],
        [onSide(-0.3 * c, 1.5), -h.middleMm * 0.03, -0.3 * c],
        [onSide(0.2 * c, 1.5), 0, 0.2 * c],
        [onSide(0.6 * c, 2), h.anteriorMm * 0.03, 0.6 * c],
      ];
      return [
        { points: trunk, shape: round },
        { points: side, shape: round },
        { points: mirror(side), shape: round },
      ];
    }
    case 'disc': {
      // The crack lies in the superior endplate's anterior half (wedge fractures break it there).
      const top = h.middleMm / 2;
      const y = top + Math.min(1.6, discAboveMm(options) * 0.35);
      const crack: Vec3 = [2, top - 2, c * 0.25];
      return [
        {
          points: [crack, [2, y, c * 0.3], [a * 0.45, y, c * 0.55], [a * 0.7, y, c * 0.2]],
          shape: [1, 0.45, 1],
        },
        {
          points: [
            [2, y, c * 0.3],
            [-a * 0.35, y, c * 0.5],
            [-a * 0.6, y, 0],
          ],
          shape: [1, 0.45, 1],
        },
      ];
    }
    case 'epidural': {
      // A defect in the posterior wall just left of the midline; cement spreads up and down in the anterior canal.
      const out: Vec3 = [-1.5, 0, pw - 2];
      return [
        { points: [[-1.5, 0, pw + 6], out], shape: round },
        {
          points: [out, [-2.5, h.posteriorMm * 0.3, pw - 2.5], [-3, h.posteriorMm * 0.6, pw - 2.5]],
          shape: [1, 1, 0.7],
        },
        {
          points: [out, [-1, -h.posteriorMm * 0.3, pw - 2.5], [0, -h.posteriorMm * 0.55, pw - 2.5]],
          shape: [1, 1, 0.7],
        },
      ];
    }
    case 'foraminal':
    case 'soft-tissue': {
      const plan = accessPlan(options.level, options.approach);
      const needle = plan.needles[0]!;
      const at = (depth: number): Vec3 => [...tipAt(needle, depth, [0, 0, 0])] as Vec3;
      if (options.complication === 'foraminal') {
        // Back along the track from the posterior wall to mid-pedicle, then out of its lower wall into the foramen.
        const mid = (plan.posteriorWallDepthMm + 3) / 2;
        const [px, py, pz] = at(mid);
        const below = py - pedicle.heightMm / 2;
        return [
          {
            points: [
              at(plan.posteriorWallDepthMm),
              at(mid),
              [px + 0.5, below - 1.5, pz],
              [px + 1.5, below - 5, pz - 1],
              [px + 3, below - 8, pz - 1.5],
            ],
            shape: round,
          },
        ];
      }
      // Back out of the entry hole into the muscle beside the spine, pooling along the track and to the side.
      const [ex, ey, ez] = at(-4);
      const back = at(-14);
      return [
        { points: [at(2), [ex, ey, ez], back, [back[0] + 5, back[1] - 2, back[2] - 3]], shape: round },
        {
          points: [
            [ex, ey, ez],
            [ex + 7, ey + 3, ez + 1],
            [ex + 11, ey + 1, ez - 1],
          ],
          shape: round,
        },
      ];
    }
    default:
      return [];
  }
}

/** Length of a polyline, mm. */
export function polylineLength(points: readonly Vec3[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]!;
    const q = points[i]!;
    length += Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2]);
  }
  return length;
}

/** The leak's route for these options (none: no branches), sized to hold the complication's final volume. */
export function leakPath(options: ProcedureOptions, procedure: ProcedureId): LeakPath {
  const branches = branchesOf(options, procedure);
  if (!hasLeak(options.complication) || branches.length === 0) return { branches: [], radiusMm: 0 };
  // A tube of radius r along every branch, flattened by its shape: Σ π r² · sx·sy·sz^(…) L ≈ V.
  const area = branches.reduce(
    (sum, b) => sum + polylineLength(b.points) * Math.cbrt(b.shape[0] * b.shape[1] * b.shape[2]) ** 2,
    0,
  );
  const radiusMm = Math.sqrt((LEAK_FINAL_ML[options.complication] * 1000) / (Math.PI * area));
  return { branches, radiusMm };
}

/** A point at arc length `s` along a polyline (clamped to its ends), written into `out`. */
export function pointAlong(points: readonly Vec3[], s: number, out: [number, number, number]) {
  let rest = Math.max(0, s);
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]!;
    const q = points[i]!;
    const d = Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2]);
    if (rest <= d || i === points.length - 1) {
      const k = d > 0 ? Math.min(1, rest / d) : 0;
      out[0] = p[0] + (q[0] - p[0]) * k;
      out[1] = p[1] + (q[1] - p[1]) * k;
      out[2] = p[2] + (q[2] - p[2]) * k;
      return out;
    }
    rest -= d;
  }
  const only = points[0] ?? [0, 0, 0];
  out[0] = only[0];
  out[1] = only[1];
  out[2] = only[2];
  return out;
}
