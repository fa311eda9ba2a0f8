import type { LevelId } from '../../anatomy/levels';
import { levelPose, type SpineBoneId } from '../../anatomy/spineLayout';
import { accessPlan } from '../../procedure/accessPath';
import { smoothProfile } from './smoothProfile';

/*
 * The prone patient as a calm, stylised outline built around the modelled spine. The body is laid out in the
 * table's frame (x patient left, y' up from the table, z' cranial along the table) and turned into the world by
 * `tiltRad` about X: the world frame keeps the treated vertebra level (see SpineScene), so the table appears
 * tilted by the cranio-caudal angle a C-arm would take to see that vertebra's endplates as lines.
 *
 * Soft-tissue depths are illustrative adult values, not measurements: the back passes through the point where
 * the planned needles cross the skin (accessPath's skin-to-bone depth, 42 mm thoracic / 50 mm lumbar), the
 * trunk's widths and depths are round figures of an average older adult (shoulders ≈ 390 mm across, waist ≈
 * 290 mm, hips ≈ 350 mm; chest ≈ 230 mm deep).
 */

/** One cross-section of the trunk at z' (table frame, mm). */
export interface TrunkSection {
  /** Half the trunk's width. */
  halfWidth: number;
  /** Height (y') of the widest line of the section. */
  centreY: number;
  /** Distance from the widest line up to the back at the midline. */
  backHalf: number;
  /** Distance from the widest line down to the front. */
  frontHalf: number;
}

export interface PatientBody {
  level: LevelId;
  /** Rotation about world X that takes the table frame into the world (three's rotation.x of the body group). */
  tiltRad: number;
  /** Table-frame z' of the T1 and S1 body centres. */
  zT1: number;
  zS1: number;
  /** The trunk's cranial (shoulders) and caudal (buttocks) ends. */
  zTop: number;
  zBottom: number;
  /** Height of the table's padded top. */
  tableTopY: number;
  /** Spine (vertebral-body centre line) height at z'. */
  spineY: (z: number) => number;
  /** The trunk's cross-section at z' (rounded off towards both ends). */
  section: (z: number) => TrunkSection;
}

/** Superellipse exponents: a flattish back, a rounder front. */
export const BACK_EXPONENT = 2.6;
export const FRONT_EXPONENT = 2.2;
/** Share of the section's depth above its widest line. */
const BACK_SHARE = 0.45;
/** Height of the chest and pelvic bolsters that let the abdomen hang free (prone kyphoplasty positioning). */
export const BOLSTER_HEIGHT_MM = 85;
/** The table tilts at most this much in the treated level's frame; the body's own curve takes up the rest. */
const MAX_TILT_RAD = (18 * Math.PI) / 180;
const TOP_ROUNDING_MM = 70;
const BOTTOM_ROUNDING_MM = 90;

/** World (y, z) of a bone's body centre with `treated` at the origin, level (see SpineScene's transforms). */
export function boneWorldYZ(bone: SpineBoneId, treated: LevelId): [number, number] {
  const t = levelPose(treated);
  const b = levelPose(bone);
  const dy = b.position[1] - t.position[1];
  const dz = b.position[2] - t.position[2];
  const c = Math.cos(-t.rotationXRad);
  const s = Math.sin(-t.rotationXRad);
  // Undo the treated level's tilt, then prone: the spine's +Y (cranial) is world +Z, its +Z (anterior) world −Y.
  return [-(dy * s + dz * c), dy * c - dz * s];
}

/** World point → table frame (rotation by −tiltRad about X), written into `out`. */
export function worldToTable(body: PatientBody, p: readonly number[], out: number[]): number[] {
  const c = Math.cos(body.tiltRad);
  const s = Math.sin(body.tiltRad);
  const y = p[1]!;
  const z = p[2]!;
  out[0] = p[0]!;
  out[1] = y * c + z * s;
  out[2] = -y * s + z * c;
  return out;
}

/** Table frame → world (rotation by tiltRad about X), written into `out`. */
export function tableToWorld(body: PatientBody, p: readonly number[], out: number[]): number[] {
  const c = Math.cos(body.tiltRad);
  const s = Math.sin(body.tiltRad);
  const y = p[1]!;
  const z = p[2]!;
  out[0] = p[0]!;
  out[1] = y * c - z * s;
  out[2] = y * s + z * c;
  return out;
}

/** (1 − |u|^n)^(1/n): the superellipse's height at a fraction u of its half-width. */
export function superellipse(u: number, n: number): number {
  const a = Math.min(1, Math.abs(u));
  return Math.pow(1 - Math.pow(a, n), 1 / n);
}

/** Height (y', table frame) of the back's skin at (x, z'), or −Infinity beside the trunk. */
export function skinTopY(body: PatientBody, x: number, z: number): number {
  const s = body.section(z);
  if (Math.abs(x) >= s.halfWidth) return -Infinity;
  return s.centreY + s.backHalf * superellipse(x / s.halfWidth, BACK_EXPONENT);
}

/** Height of the back's skin above a world point's (x, z) column, as a world point on the skin (into `out`). */
export function skinPointAbove(body: PatientBody, world: readonly number[], out: number[]): number[] {
  worldToTable(body, world, out);
  out[1] = skinTopY(body, out[0]!, out[2]!);
  return tableToWorld(body, out, out);
}

const bodies = new Map<LevelId, PatientBody>();

/** The patient's outline for a treated level (cached: pure function of the level). */
export function patientBody(level: LevelId): PatientBody {
  const hit = bodies.get(level);
  if (hit) return hit;
  const body = buildBody(level);
  bodies.set(level, body);
  return body;
}

const SPINE_SAMPLES: readonly SpineBoneId[] = ['T1', 'T4', 'T6', 'T8', 'T10', 'T12', 'L2', 'L3', 'L4', 'S1'];

function buildBody(level: LevelId): PatientBody {
  const worldT1 = boneWorldYZ('T1', level);
  const worldS1 = boneWorldYZ('S1', level);
  const chord = Math.atan2(worldT1[0] - worldS1[0], worldT1[1] - worldS1[1]);
  const tiltRad = -Math.max(-MAX_TILT_RAD, Math.min(MAX_TILT_RAD, chord));
  const frame = { tiltRad } as PatientBody;
  const scratch: number[] = [0, 0, 0];
  const samples = SPINE_SAMPLES.map((bone) => {
    const [y, z] = boneWorldYZ(bone, level);
    worldToTable(frame, [0, y, z], scratch);
    return { bone, y: scratch[1]!, z: scratch[2]! };
  }).reverse();
  const spineY = smoothProfile(
    samples.map((s) => s.z),
    samples.map((s) => s.y),
  );
  const zOf = (bone: SpineBoneId) => samples.find((s) => s.bone === bone)!.z;
  const zT1 = zOf('T1');
  const zS1 = zOf('S1');
  const zTop = zT1 + 45;
  const zBottom = zS1 - 200;
  // Keys cranial to caudal reversed into increasing z': bottom (thigh roots), hips, S1, L3, T12, T8, T4, T1, top.
  const keyZ = [zBottom, zS1 - 100, zS1, zOf('L3'), zOf('T12'), zOf('T8'), zOf('T4'), zT1, zTop];
  const halfWidth = smoothProfile(keyZ, [160, 178, 165, 142, 148, 160, 180, 195, 150]);
  const anterior = smoothProfile(keyZ, [110, 135, 150, 135, 140, 150, 130, 95, 70]);
  const gauss = (z: number, mid: number, sd: number) => Math.exp(-0.5 * ((z - mid) / sd) ** 2);
  // Buttocks and shoulder blades stand proud of the line the spine sets.
  const bump = (z: number) => 20 * gauss(z, zS1 - 115, 60) + 12 * gauss(z, zOf('T4'), 50);

  // The back passes through where the first planned needle crosses the skin at the treated level.
  const needle = accessPlan(level, 'bipedicular').needles[0]!;
  const skinLocal = needle.entry.map((v, i) => v - needle.direction[i]! * needle.skinDepthMm);
  worldToTable(frame, [skinLocal[0]!, -skinLocal[2]!, skinLocal[1]!], scratch);
  const [xs, ys, zs] = scratch as [number, number, number];
  const rounding = (z: number) => {
    const top = (z - (zTop - TOP_ROUNDING_MM)) / TOP_ROUNDING_MM;
    const bottom = (zBottom + BOTTOM_ROUNDING_MM - z) / BOTTOM_ROUNDING_MM;
    const u = Math.max(0, top, bottom);
    return Math.sqrt(Math.max(0, 1 - Math.min(1, u) ** 2));
  };
  // Solve the back's height above the spine (B) so the skin passes the needle's crossing: with F the front's
  // depth and f the end rounding, skin − spine = −F + (B + F)·((1 − share) + share·f·g).
  const f0 = rounding(zs);
  const g = superellipse(xs / (halfWidth(zs) * f0), BACK_EXPONENT);
  const front0 = anterior(zs);
  const backAtSkin = (ys - spineY(zs) + front0) / (1 - BACK_SHARE + BACK_SHARE * f0 * g) - front0;
  const posterior = backAtSkin - bump(zs);

  const section = (z: number): TrunkSection => {
    const back = posterior + bump(z);
    const front = anterior(z);
    const depth = back + front;
    const f = rounding(z);
    return {
      halfWidth: halfWidth(z) * f,
      centreY: spineY(z) - front + (1 - BACK_SHARE) * depth,
      backHalf: BACK_SHARE * depth * f,
      frontHalf: (1 - BACK_SHARE) * depth * f,
    };
  };
  const frontAt = (z: number) => {
    const s = section(z);
    return s.centreY - s.frontHalf;
  };
  const tableTopY = Math.min(frontAt(zOf('T6')), frontAt(zS1 - 40)) - BOLSTER_HEIGHT_MM;
  return { level, tiltRad, zT1, zS1, zTop, zBottom, tableTopY, spineY, section };
}
