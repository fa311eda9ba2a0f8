import type { LevelId } from './levels';
import { levelDimensions, type LevelDimensions } from './morphometry';

/** A point or direction in a vertebra's local frame: mm, +X patient's left, +Y cranial, +Z anterior. */
export type Vec3 = readonly [number, number, number];

/** The geometry of one pedicle that instruments and tests reason about. */
export interface PedicleLandmarks {
  /** Centre of the pedicle, half-way between the posterior body wall and the posterior elements. */
  center: Vec3;
  /** Unit vector along the pedicle axis, pointing anteriorly (and medially by the pedicle angle). */
  axis: Vec3;
  /** Pedicle length measured along its axis, from the posterior elements to the posterior body wall. */
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

/** Landmarks of a level in its local frame (origin at the centre of the vertebral body). */
export interface VertebraLandmarks {
  level: LevelId;
  bodyWidthMm: number;
  bodyDepthMm: number;
  /** z of the posterior wall of the body (negative). */
  posteriorWallZ: number;
  /** z of the anterior cortex of the body (positive). */
  anteriorWallZ: number;
  canalWidthMm: number;
  canalDepthMm: number;
  pedicleLeft: PedicleLandmarks;
  pedicleRight: PedicleLandmarks;
}

const DEG = Math.PI / 180;
/**
 * Pedicles join the body in its upper half (standard anatomy: the pedicle springs from the cranial part of the
 * posterior body), expressed as a fraction of posterior height above the body centre.
 */
const PEDICLE_CRANIAL_OFFSET = 0.12;

const cache = new Map<LevelId, VertebraLandmarks>();

export function vertebraLandmarks(level: LevelId): VertebraLandmarks {
  const hit = cache.get(level);
  if (hit) return hit;
  const marks = landmarksFromDimensions(levelDimensions(level));
  cache.set(level, marks);
  return marks;
}

/** Landmarks for an explicit set of dimensions (the model generator builds from these, so both always agree). */
export function landmarksFromDimensions(d: LevelDimensions): VertebraLandmarks {
  const posteriorWallZ = -d.endplateDepthMm / 2;
  const angle = d.pedicleAngleDeg * DEG;
  // The pedicle bridges the canal's depth; along its oblique axis it is correspondingly longer.
  const lengthMm = d.canalDepthMm / Math.cos(angle);
  const centerZ = posteriorWallZ - d.canalDepthMm / 2;
  const centerX = d.canalWidthMm / 2 + d.pedicleWidthMm / 2;
  const centerY = d.bodyHeightPosteriorMm * PEDICLE_CRANIAL_OFFSET;
  const make = (side: 1 | -1): PedicleLandmarks => ({
    center: [side * centerX, centerY, centerZ],
    axis: [-side * Math.sin(angle), 0, Math.cos(angle)],
    lengthMm,
    widthMm: d.pedicleWidthMm,
    heightMm: d.pedicleHeightMm,
  });
  return {
    level: d.level,
    bodyWidthMm: d.endplateWidthMm,
    bodyDepthMm: d.endplateDepthMm,
    posteriorWallZ,
    anteriorWallZ: d.endplateDepthMm / 2,
    canalWidthMm: d.canalWidthMm,
    canalDepthMm: d.canalDepthMm,
    pedicleLeft: make(1),
    pedicleRight: make(-1),
  };
}
