import { Quaternion, Vector3 } from 'three';
import { deformedY } from '../anatomy/fractureField';
import type { FractureProfile } from '../procedure/fracture';

/** Semi-axes of a balloon tamp across its catheter: cranio-caudal (towards the endplates) and side to side. */
export interface BalloonSection {
  craniocaudal: number;
  across: number;
}

/** Radius of the folded balloon on its catheter. */
export const FOLDED_RADIUS_MM = 1.1;
/** Room kept under each endplate (its bony plate) that the balloon presses on but does not enter. Illustrative. */
const ENDPLATE_MM = 1;
/**
 * How much further than a round section the balloon reaches towards the endplates: it opens the collapsed
 * cancellous bone between them, which is what lifts the endplate (ex vivo and clinical restoration, medical
 * facts §2.3). A drawing choice within the volume: the section's area stays that of the round one.
 */
const CRANIOCAUDAL_REACH = 1.4;

/**
 * The section of a balloon holding `volumeMm3` over `lengthMm` (a prolate ellipsoid, V = 4/3·π·a·b·L/2) in a
 * body `bodyHeightMm` tall: reaching for the endplates, flattened against them once it touches, wider instead.
 */
export function balloonSection(
  volumeMm3: number,
  lengthMm: number,
  bodyHeightMm: number,
  out: BalloonSection,
): BalloonSection {
  const r = Math.max(FOLDED_RADIUS_MM, Math.sqrt((3 * volumeMm3) / (2 * Math.PI * lengthMm)));
  const room = Math.max(FOLDED_RADIUS_MM, bodyHeightMm / 2 - ENDPLATE_MM);
  out.craniocaudal = Math.min(room, Math.max(FOLDED_RADIUS_MM, r * CRANIOCAUDAL_REACH));
  out.across = (r * r) / out.craniocaudal;
  return out;
}

/**
 * Whether an instrument's local Z (rather than X) points towards the endplates once it is turned onto its needle
 * (local +Y along the needle): the axis that takes the balloon's cranio-caudal semi-axis.
 */
export function craniocaudalIsLocalZ(orientation: Quaternion): boolean {
  const cranial = new Vector3(0, 1, 0).applyQuaternion(orientation.clone().invert());
  return Math.abs(cranial.z) >= Math.abs(cranial.x);
}

/**
 * Scale each balloon-shaped object (a unit sphere along its needle) to `across` × `cc` in section and `halfLength`
 * along the needle, putting the craniocaudal size on whichever local axis runs head to foot for that needle.
 */
export function scaleAlongNeedles(
  objects: readonly ({ scale: Vector3 } | null | undefined)[],
  alongZ: readonly boolean[],
  across: number,
  halfLength: number,
  cc: number,
): void {
  for (let i = 0; i < alongZ.length; i++) {
    if (alongZ[i]) objects[i]?.scale.set(across, halfLength, cc);
    else objects[i]?.scale.set(cc, halfLength, across);
  }
}

/** A body's heights as a frame holds them (mm). */
export interface HeightsNow {
  anteriorHeightMm: number;
  middleHeightMm: number;
}

/** The body's height where the balloons sit, the front half: between the anterior and middle lines. */
export function balloonBodyHeightMm(heights: HeightsNow): number {
  return (heights.anteriorHeightMm + heights.middleHeightMm) / 2;
}

/**
 * Where the middle of the body's height lies at the balloons (mm above the body centre, level frame) in a body of
 * `heights`: below the centre where the superior endplate alone collapsed (FractureProfile.anchorMm). The balloon
 * opens about that line, so it fills the collapsed body evenly and rises as the endplate lifts.
 */
export function balloonCentreMm(heights: HeightsNow, profile: FractureProfile): number {
  const normal = (profile.normal.anteriorMm + profile.normal.middleMm) / 2;
  return deformedY(0, balloonBodyHeightMm(heights) / normal, profile.anchorMm);
}

/** Volume (mL) by which a filling balloon has moved off its catheter's line onto the body's middle line. */
const CENTRED_BY_ML = 0.5;

/**
 * How far (mm, along the level's head-to-foot axis) a balloon holding `volumeMl` moves from its channel, whose
 * middle is `channelMidY` high, towards the middle of the body's height (balloonCentreMm): folded, it stays on the
 * catheter; filling, it opens about the middle of the collapsed body.
 */
export function balloonRiseMm(
  heights: HeightsNow,
  profile: FractureProfile,
  channelMidY: number,
  volumeMl: number,
): number {
  return (balloonCentreMm(heights, profile) - channelMidY) * Math.min(1, volumeMl / CENTRED_BY_ML);
}

/** Move each placed balloon-shaped object `riseMm` along the level's head-to-foot axis (after its placement). */
export function raiseAlongLevel(
  objects: readonly ({ position: Vector3 } | null | undefined)[],
  riseMm: number,
): void {
  for (const object of objects) if (object) object.position.y += riseMm;
}
