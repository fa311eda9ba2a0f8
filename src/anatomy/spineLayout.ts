import { LEVEL_IDS, type LevelId } from './levels';
import { levelDimensions } from './morphometry';
import { sacralBaseDimensions } from './sacrumDimensions';

/** A bone of the modelled spine: the vertebrae T1–L5 and the sacral base. */
export type SpineBoneId = LevelId | 'S1';
export const SPINE_BONE_IDS: readonly SpineBoneId[] = [...LEVEL_IDS, 'S1'];

/** Where a bone (or disc) sits in the spine frame: mm, +X left, +Y cranial, +Z anterior; origin at L1's centre. */
export interface Pose {
  position: [number, number, number];
  /** Rotation about +X (right-handed: +Y turns towards +Z), as three's `rotation.x`. */
  rotationXRad: number;
}

export interface DiscPose extends Pose {
  name: string;
  upper: LevelId;
  lower: SpineBoneId;
  /** Mid-sagittal height between the two endplate rims (the data's disc height). */
  heightMm: number;
  /** Sagittal wedge of the disc itself: + kyphotic (thinner in front), − lordotic. */
  wedgeRad: number;
  anteriorHeightMm: number;
  posteriorHeightMm: number;
  /** Mean antero-posterior depth of the two endplates the disc joins. */
  depthMm: number;
}

interface BodyFrame {
  meanHeight: number;
  /** Tilt of each endplate rim against the body's mid-plane: + when the body is taller behind (kyphotic wedge). */
  halfWedge: number;
  depth: number;
}

function bodyFrame(bone: SpineBoneId): BodyFrame {
  const d = bone === 'S1' ? sacralBaseDimensions() : levelDimensions(bone);
  return {
    meanHeight: (d.bodyHeightAnteriorMm + d.bodyHeightPosteriorMm) / 2,
    halfWedge: Math.atan((d.bodyHeightPosteriorMm - d.bodyHeightAnteriorMm) / (2 * d.endplateDepthMm)),
    depth: d.endplateDepthMm,
  };
}

function rotate(v: readonly [number, number, number], a: number): [number, number, number] {
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [v[0], v[1] * c - v[2] * s, v[1] * s + v[2] * c];
}

function plus(a: readonly number[], b: readonly number[], k = 1): [number, number, number] {
  return [a[0]! + k * b[0]!, a[1]! + k * b[1]!, a[2]! + k * b[2]!];
}

interface Layout {
  bones: Map<SpineBoneId, Pose>;
  discs: DiscPose[];
}

/**
 * Stack the bodies with the measured disc heights between them. Successive vertebrae turn by the table's
 * segmental angle (body wedge + disc wedge, + kyphosis); each disc takes that angle less the half-wedges of the
 * two bodies it joins, so rims, disc and bodies meet exactly. L1 is the fixed, unrotated origin.
 */
function computeLayout(): Layout {
  const order = SPINE_BONE_IDS;
  const l1 = order.indexOf('L1');
  const bones = new Map<SpineBoneId, Pose>([['L1', { position: [0, 0, 0], rotationXRad: 0 }]]);
  const discs: DiscPose[] = [];
  const segment = (
    upper: LevelId,
    lower: SpineBoneId,
  ): { disc: Omit<DiscPose, 'position'>; turn: number } => {
    const du = levelDimensions(upper);
    const fu = bodyFrame(upper);
    const fl = bodyFrame(lower);
    const turn = (du.segmentalAngleToNextDeg * Math.PI) / 180;
    const wedge = turn - fu.halfWedge - fl.halfWedge;
    const depth = (fu.depth + fl.depth) / 2;
    const h = du.discHeightBelowMm;
    return {
      turn,
      disc: {
        name: `disc_${upper}_${lower}`,
        upper,
        lower,
        heightMm: h,
        wedgeRad: wedge,
        anteriorHeightMm: h - depth * Math.tan(wedge / 2),
        posteriorHeightMm: h + depth * Math.tan(wedge / 2),
        depthMm: depth,
        rotationXRad: 0,
      },
    };
  };
  // Downwards from L1: the lower bone hangs below the upper one's caudal rim.
  for (let i = l1; i < order.length - 1; i++) {
    const upper = order[i] as LevelId;
    const lower = order[i + 1] as SpineBoneId;
    const u = bones.get(upper)!;
    const { disc, turn } = segment(upper, lower);
    const fu = bodyFrame(upper);
    const fl = bodyFrame(lower);
    const discRot = u.rotationXRad - fu.halfWedge - disc.wedgeRad / 2;
    const rim = plus(u.position, rotate([0, -fu.meanHeight / 2, 0], u.rotationXRad));
    const top = plus(rim, rotate([0, -disc.heightMm, 0], discRot));
    const rot = u.rotationXRad - turn;
    bones.set(lower, { position: plus(top, rotate([0, -fl.meanHeight / 2, 0], rot)), rotationXRad: rot });
    discs.push({
      ...disc,
      rotationXRad: discRot,
      position: plus(rim, top).map((v) => v / 2) as [number, number, number],
    });
  }
  // Upwards from L1: the upper bone sits on the lower one's cranial rim.
  for (let i = l1; i > 0; i--) {
    const upper = order[i - 1] as LevelId;
    const lower = order[i] as SpineBoneId;
    const l = bones.get(lower)!;
    const { disc, turn } = segment(upper, lower);
    const fu = bodyFrame(upper);
    const fl = bodyFrame(lower);
    const rot = l.rotationXRad + turn;
    const discRot = rot - fu.halfWedge - disc.wedgeRad / 2;
    const top = plus(l.position, rotate([0, fl.meanHeight / 2, 0], l.rotationXRad));
    const rim = plus(top, rotate([0, disc.heightMm, 0], discRot));
    bones.set(upper, { position: plus(rim, rotate([0, fu.meanHeight / 2, 0], rot)), rotationXRad: rot });
    discs.push({
      ...disc,
      rotationXRad: discRot,
      position: plus(rim, top).map((v) => v / 2) as [number, number, number],
    });
  }
  discs.sort((a, b) => order.indexOf(a.upper) - order.indexOf(b.upper));
  return { bones, discs };
}

let cached: Layout | null = null;
function layout(): Layout {
  cached ??= computeLayout();
  return cached;
}

/** Pose of a bone in the spine frame; its local origin is the centre of its vertebral body. */
export function levelPose(bone: SpineBoneId): Pose {
  const pose = layout().bones.get(bone);
  if (!pose) throw new Error(`levelPose: unknown bone ${String(bone)}`);
  return { position: [...pose.position], rotationXRad: pose.rotationXRad };
}

/** Pose and shape figures of the disc between two adjacent bones (its origin is the disc's mid-sagittal centre). */
export function discPose(upper: LevelId, lower: SpineBoneId): DiscPose {
  const disc = layout().discs.find((d) => d.upper === upper && d.lower === lower);
  if (!disc) throw new Error(`discPose: ${upper} and ${String(lower)} are not adjacent`);
  return { ...disc, position: [...disc.position] };
}

/** Every disc, cranial to caudal (T1–T2 … L5–S1). */
export function allDiscs(): DiscPose[] {
  return layout().discs.map((d) => ({ ...d, position: [...d.position] }));
}
