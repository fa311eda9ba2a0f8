import type { LevelId } from '../anatomy/levels';
import { levelDimensions } from '../anatomy/morphometry';
import { SPINE_BONE_IDS, levelPose, type SpineBoneId } from '../anatomy/spineLayout';
import { sacralBaseDimensions } from '../anatomy/sacrumDimensions';

/**
 * One bone's body in the X-ray's world frame (prone, treated level at the origin: +X patient's left, +Y posterior,
 * +Z cranial). The spine lies in the mid-sagittal plane, so a body is placed by its centre (y, z) and the angle of
 * its cranial axis in the y–z plane.
 */
export interface WorldBodyFrame {
  bone: SpineBoneId;
  /** Centre of the vertebral body, world mm (x is 0). */
  y: number;
  z: number;
  /** Angle of the body's cranial axis from world +Z towards world +Y (posterior), radians. */
  tiltRad: number;
  halfWidthMm: number;
  halfDepthMm: number;
  halfHeightMm: number;
}

/**
 * Every bone of the modelled spine (T1–S1) in the world frame of a treated level, with the same transform the
 * scene applies (spine frame turned prone, then so the treated body sits level): world = Rx(90°)·Rx(−r)·(p − c).
 */
export function worldBodyFrames(treated: LevelId): WorldBodyFrame[] {
  const t = levelPose(treated);
  const a = -t.rotationXRad;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return SPINE_BONE_IDS.map((bone) => {
    const pose = levelPose(bone);
    const dy = pose.position[1] - t.position[1];
    const dz = pose.position[2] - t.position[2];
    // Rx(a): spine (y cranial, z anterior) turned; then Rx(90°): world y = −z', world z = y'.
    const yTurned = dy * c - dz * s;
    const zTurned = dy * s + dz * c;
    const d = bone === 'S1' ? sacralBaseDimensions() : levelDimensions(bone);
    return {
      bone,
      y: -zTurned,
      z: yTurned,
      // The body's cranial axis turns with (rotationX − r); positive rotation tips cranial towards anterior (−Y).
      tiltRad: -(pose.rotationXRad - t.rotationXRad),
      halfWidthMm: d.endplateWidthMm / 2,
      halfDepthMm: d.endplateDepthMm / 2,
      halfHeightMm: (d.bodyHeightAnteriorMm + d.bodyHeightPosteriorMm) / 4,
    };
  });
}

/** The frame of a named bone (throws for an unknown one). */
export function frameOf(frames: readonly WorldBodyFrame[], bone: SpineBoneId): WorldBodyFrame {
  const f = frames.find((x) => x.bone === bone);
  if (!f) throw new Error(`frameOf: no frame for ${bone}`);
  return f;
}
