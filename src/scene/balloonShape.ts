import { Quaternion, Vector3 } from 'three';
import { bodyHeightScale, deformedY, type FractureHeights } from '../anatomy/fractureField';
import { tipAt, type AccessPlan } from '../procedure/accessPath';
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
 * facts §2.3). A drawing choice within the volume: the section's area stays that of the round one. 1.6 makes the
 * balloon press on both endplates at every level by the step's picture (balloonShape.test.ts); at 1.4 a lifting
 * endplate was drawn above a balloon that did not touch it.
 */
const CRANIOCAUDAL_REACH = 1.6;

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
  posteriorHeightMm: number;
}

/** The body's span where a balloon opens (mm, level frame): the middle of its height there, and the height. */
export interface BalloonSpan {
  middleMm: number;
  heightMm: number;
}

const scales: FractureHeights = { anterior: 1, middle: 1, posterior: 1 };

/**
 * The body's height and its middle at a balloon's centre (`x`, `z` in the level frame; `halfExtent` the body's
 * half width and depth), as the fracture field has deformed it now (fractureField.ts, as the bone is drawn): where
 * the superior endplate alone collapsed, the middle lies below the body centre and rises as the endplate lifts. The
 * balloon opens about that middle and, once it reaches them, presses on the endplates there: on the endplate it
 * lifts, not on an average of the front half (which left the drawn balloon 2 mm short of a lifting endplate).
 */
export function balloonSpan(
  heights: HeightsNow,
  profile: FractureProfile,
  halfExtent: readonly [number, number],
  x: number,
  z: number,
  out: BalloonSpan,
): BalloonSpan {
  const n = profile.normal;
  scales.anterior = heights.anteriorHeightMm / n.anteriorMm;
  scales.middle = heights.middleHeightMm / n.middleMm;
  scales.posterior = heights.posteriorHeightMm / n.posteriorMm;
  const zNorm = Math.max(-1, Math.min(1, z / halfExtent[1]));
  // The normal body's height runs straight from the posterior wall to the anterior one (normalBodyHeights).
  const normalHalf = (n.anteriorMm + n.posteriorMm + (n.anteriorMm - n.posteriorMm) * zNorm) / 4;
  const scale = bodyHeightScale(zNorm, x / halfExtent[0], scales);
  const top = deformedY(normalHalf, scale, profile.anchorMm);
  const bottom = deformedY(-normalHalf, scale, profile.anchorMm);
  out.middleMm = (top + bottom) / 2;
  out.heightMm = top - bottom;
  return out;
}

/** Volume (mL) by which a filling balloon has moved off its catheter's line onto the body's middle line. */
const CENTRED_BY_ML = 0.5;

/**
 * How far (mm, along the level's head-to-foot axis) a balloon holding `volumeMl` moves from its channel, whose
 * middle is `channelMidY` high, towards the middle of the body's height where it opens (balloonSpan): folded, it
 * stays on the catheter; filling, it opens about the middle of the collapsed body.
 */
export function balloonRiseMm(span: BalloonSpan, channelMidY: number, volumeMl: number): number {
  return (span.middleMm - channelMidY) * Math.min(1, volumeMl / CENTRED_BY_ML);
}

/** Move each placed balloon-shaped object `riseMm` along the level's head-to-foot axis (after its placement). */
export function raiseAlongLevel(
  objects: readonly ({ position: Vector3 } | null | undefined)[],
  riseMm: number,
): void {
  for (const object of objects) if (object) object.position.y += riseMm;
}

/** The middle of the first channel's drilled part (level frame, mm): the needles mirror one another across x. */
export function channelMiddle(plan: AccessPlan): [number, number, number] {
  return tipAt(plan.needles[0]!, (plan.cannulaDepthMm + plan.targetDepthMm) / 2, [0, 0, 0]);
}
