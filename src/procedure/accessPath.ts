import type { LevelId } from '../anatomy/levels';
import { vertebraLandmarks, type Vec3 } from '../anatomy/vertebraLandmarks';
import { NEEDLE_GAUGES, gaugeForPedicle, kyphoplastyCannulaMm, type NeedleGauge } from './instruments';
import type { Approach, ProcedureId } from './types';

/** 11-gauge trocars are ~120 mm long (Moon 2022); the handle stays outside the skin. */
export const TROCAR_LENGTH_MM = 120;

/** Soft tissue between skin and the pedicle entry point, along the needle. Illustrative adult value, not sourced. */
const SKIN_TO_BONE_MM = { thoracic: 42, lumbar: 50 } as const;
/** Thickness of the posterior cortex / facet junction in front of the pedicle proper. */
const ENTRY_CORTEX_MM = 3;
/** Gap kept between each bipedicular needle's wall and the midline. */
const MIDLINE_CLEARANCE_MM = 1;
/** Margin kept between the needle wall and the pedicle's medial cortex. */
const MEDIAL_WALL_MARGIN_MM = 0.5;
/**
 * Caudal tilt of the track in the sagittal plane: the needle starts at the cranial-lateral aspect of the pedicle
 * outline and is aimed down towards the body's centre (medical reference §2.2, "AP entry"), turned about the
 * pedicle's centre so it stays inside the pedicle's height. Illustrative 10°, less where the pedicle is too low.
 */
const CAUDAL_TILT_RAD = (10 * Math.PI) / 180;

/** One needle's path in the treated vertebra's local frame. */
export interface NeedlePath {
  side: 'left' | 'right';
  /** Where the needle meets bone (posterior surface, lateral-cranial aspect of the pedicle outline on AP). */
  entry: Vec3;
  /** Unit direction of advance. */
  direction: Vec3;
  skinDepthMm: number;
  /** Depth (from entry) where the tip sits in the anterior third of the body. */
  targetDepthMm: number;
  /** Depth where the tip passes the posterior body wall. */
  posteriorWallDepthMm: number;
  /** Kyphoplasty working cannula rests just inside the posterior wall; the drill goes on to the target. */
  cannulaDepthMm: number;
  /** Bone-access needle (the vertebroplasty needle; in kyphoplasty it only opens the way for the guide pin). */
  gauge: NeedleGauge;
  outerDiameterMm: number;
  /** Kyphoplasty working cannula for this pedicle: the widest instrument the path has to fit. */
  workingCannulaMm: number;
}

/**
 * How the body is reached. 'single-medial': two needles were asked for, but at this level steep, narrow pedicles
 * (upper thoracic) would bring them together before the anterior third, so one transpedicular needle is aimed
 * medially instead — the tip reaches the anterior third near the midline (openradiology.org survey; Authorea
 * case series: unipedicular medial targeting, or extrapedicular costotransverse access, at upper-thoracic levels).
 */
export type AccessRoute = 'bipedicular' | 'unipedicular' | 'single-medial';

export interface AccessPlan {
  route: AccessRoute;
  needles: readonly NeedlePath[];
  /** The deepest target of the plan's needles (they are symmetric when bipedicular). */
  targetDepthMm: number;
  skinDepthMm: number;
  posteriorWallDepthMm: number;
  cannulaDepthMm: number;
}

function needlePath(level: LevelId, side: 'left' | 'right', approach: Approach): NeedlePath {
  const marks = vertebraLandmarks(level);
  const pedicle = side === 'left' ? marks.pedicleLeft : marks.pedicleRight;
  const sign = side === 'left' ? 1 : -1;
  const gauge = gaugeForPedicle(pedicle.widthMm);
  const workingCannulaMm = kyphoplastyCannulaMm(pedicle.widthMm);
  // One path serves both procedures, so it keeps clear of the walls for the widest instrument (the KP cannula).
  const radius = Math.max(NEEDLE_GAUGES[gauge], workingCannulaMm) / 2;
  const pedicleAngle = Math.atan2(-sign * pedicle.axis[0], pedicle.axis[2]);
  // Tip in the anterior third: a quarter of the body depth behind the anterior cortex.
  const targetZ = marks.anteriorWallZ - marks.bodyDepthMm * 0.25;
  // A single needle converges more so the cement can cross the midline, but only as far as the pedicle's width
  // allows (turned about the pedicle centre, its offset at the pedicle's ends is L/2·tan δ: the needle stays
  // inside the pedicle, never through its medial wall) and no further than aiming the tip at the midline.
  // Two needles converge too, less (three quarters of the pedicle's room, aiming each tip at most half-way to the
  // midline), so both tips end nearer the body's centre than the pedicle's own axis would take them and the shafts
  // read as converging lines on AP.
  let angle = pedicleAngle;
  const room = Math.max(0, pedicle.widthMm / 2 - radius - MEDIAL_WALL_MARGIN_MM);
  const withinPedicle = Math.atan(room / (pedicle.lengthMm / 2));
  const toMidline = Math.atan2(Math.abs(pedicle.center[0]), targetZ - pedicle.center[2]) - pedicleAngle;
  const single = approach === 'unipedicular';
  angle += Math.max(0, Math.min(withinPedicle * (single ? 1 : 0.75), toMidline * (single ? 1 : 0.5)));
  const back = pedicle.lengthMm / 2 + ENTRY_CORTEX_MM;
  const heightRoom = Math.max(0, pedicle.heightMm / 2 - radius - MEDIAL_WALL_MARGIN_MM);
  const tilt = Math.min(CAUDAL_TILT_RAD, Math.atan(heightRoom / back));
  const direction: Vec3 = [
    -sign * Math.sin(angle) * Math.cos(tilt),
    -Math.sin(tilt),
    Math.cos(angle) * Math.cos(tilt),
  ];
  const entry: Vec3 = [
    pedicle.center[0] - direction[0] * back,
    pedicle.center[1] - direction[1] * back,
    pedicle.center[2] - direction[2] * back,
  ];
  const depthAtZ = (z: number) => (z - entry[2]) / direction[2];
  // Two converging needles (steep upper-thoracic pedicles) stop before they meet: each tip stays on its own side.
  const beforeMidline =
    approach === 'bipedicular' && direction[0] !== 0
      ? (Math.abs(entry[0]) - radius - MIDLINE_CLEARANCE_MM) / Math.abs(direction[0])
      : Infinity;
  return {
    side,
    entry,
    direction,
    skinDepthMm: level.startsWith('T') ? SKIN_TO_BONE_MM.thoracic : SKIN_TO_BONE_MM.lumbar,
    targetDepthMm: Math.min(depthAtZ(targetZ), beforeMidline),
    posteriorWallDepthMm: depthAtZ(marks.posteriorWallZ),
    cannulaDepthMm: depthAtZ(marks.posteriorWallZ + 4),
    gauge,
    outerDiameterMm: NEEDLE_GAUGES[gauge],
    workingCannulaMm,
  };
}

/** Whether a needle's target lies in the anterior third of the body (the working-tip goal of both procedures). */
function reachesAnteriorThird(level: LevelId, needle: NeedlePath): boolean {
  const marks = vertebraLandmarks(level);
  const z = needle.entry[2] + needle.direction[2] * needle.targetDepthMm;
  return z >= marks.anteriorWallZ - marks.bodyDepthMm / 3;
}

const cache = new Map<string, AccessPlan>();

export function accessPlan(level: LevelId, approach: Approach): AccessPlan {
  const key = `${level}/${approach}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let route: AccessRoute = approach;
  let needles =
    approach === 'bipedicular'
      ? [needlePath(level, 'left', approach), needlePath(level, 'right', approach)]
      : [needlePath(level, 'left', approach)];
  if (approach === 'bipedicular' && !needles.every((n) => reachesAnteriorThird(level, n))) {
    route = 'single-medial';
    needles = [needlePath(level, 'left', 'unipedicular')];
  }
  const first = needles[0]!;
  const plan: AccessPlan = {
    route,
    needles,
    targetDepthMm: Math.max(...needles.map((n) => n.targetDepthMm)),
    skinDepthMm: first.skinDepthMm,
    posteriorWallDepthMm: first.posteriorWallDepthMm,
    cannulaDepthMm: first.cannulaDepthMm,
  };
  cache.set(key, plan);
  return plan;
}

/** Outer diameter of what a procedure leaves in the pedicle: the KP working cannula or the VP needle. */
export function instrumentDiameterMm(path: NeedlePath, procedure: ProcedureId): number {
  return procedure === 'kyphoplasty' ? path.workingCannulaMm : path.outerDiameterMm;
}

/** Tip position of a needle at a depth, written into `out` (no allocation on the frame path). */
export function tipAt(
  path: NeedlePath,
  depthMm: number,
  out: [number, number, number],
): [number, number, number] {
  out[0] = path.entry[0] + path.direction[0] * depthMm;
  out[1] = path.entry[1] + path.direction[1] * depthMm;
  out[2] = path.entry[2] + path.direction[2] * depthMm;
  return out;
}
