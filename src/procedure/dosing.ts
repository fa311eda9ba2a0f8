import { levelDimensions } from '../anatomy/morphometry';
import { accessPlan } from './accessPath';
import type { ProcedureOptions } from './types';

/** Elliptic-cylinder volume of a vertebral body in mL, from its measured width, depth and mean height. */
export function bodyVolumeMl(options: Pick<ProcedureOptions, 'level'>): number {
  const d = levelDimensions(options.level);
  const height = (d.bodyHeightAnteriorMm + d.bodyHeightPosteriorMm) / 2;
  return (Math.PI / 4) * d.endplateWidthMm * d.endplateDepthMm * height * 1e-3;
}

const L1_BODY_ML = bodyVolumeMl({ level: 'L1' });

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Body size relative to L1; doses scale sub-linearly because small bodies still need a working cavity. */
function sizeFactor(options: Pick<ProcedureOptions, 'level'>): number {
  return Math.pow(bodyVolumeMl(options) / L1_BODY_ML, 0.8);
}

/**
 * Largest share of the vertebral body the cement may take. Biomechanical dosing studies tested 10, 16 and 30 %
 * of body volume (Rotter 2015, Clin Biomech); about 14 % already restored pre-fracture stiffness (Liebschner 2001,
 * Spine 26:1547). A quarter of the body is a generous clinical ceiling that still leaves the posterior quarter and
 * the cortical rim free; at small upper-thoracic bodies (≈ 5–8 mL) it is what limits the dose.
 */
export const MAX_FILL_FRACTION = 0.25;

/** Kyphoplasty cement fills the cavity plus ~10 % that interdigitates around it. */
const INTERDIGITATION = 1.1;

/** Cement is simulated in cubic cells of this edge (mm); volumes are whole cells so the 3D mass and readout agree. */
export const CEMENT_CELL_MM = 2;
const CELL_ML = CEMENT_CELL_MM ** 3 / 1000;

function wholeCells(ml: number): number {
  return Math.floor(ml / CELL_ML + 1e-9) * CELL_ML;
}

/** The most cement a level takes: MAX_FILL_FRACTION of its body volume. */
export function maxCementMl(options: Pick<ProcedureOptions, 'level'>): number {
  return MAX_FILL_FRACTION * bodyVolumeMl(options);
}

/**
 * Peak volume per balloon tamp. Cadaveric inflation reached 2.95 ± 0.18 mL (PubMed 16762891); Kyphon tamps
 * are 2–3 mL devices (IFU sizes 10/2 … 20/3). A single balloon is inflated further. Small thoracic bodies take
 * less: the cavity plus its interdigitating rim stays within the fill ceiling.
 */
export function balloonPeakMl(options: Pick<ProcedureOptions, 'level' | 'approach'>): number {
  const count = balloonCount(options);
  const wanted = clamp(2.0 * sizeFactor(options), 1.0, 2.5) * (count === 1 ? 1.3 : 1);
  return Math.min(wanted, maxCementMl(options) / (INTERDIGITATION * count));
}

/** One balloon per needle: upper-thoracic levels may get a single needle even when two were asked for. */
export function balloonCount(options: Pick<ProcedureOptions, 'level' | 'approach'>): number {
  return accessPlan(options.level, options.approach).needles.length;
}

/**
 * Final cement volume, in whole simulation cells. Vertebroplasty: 4.4 mL at L1 in cadavers (JOSR 2020,
 * s13018-020-01906-0), scaled by body size and held to 2–6 mL. Kyphoplasty: the cavity plus its rim; two lumbar
 * balloons give ≈ 4.4–5.5 mL, in line with the reported bipedicular mean of 4.9 mL (unipedicular 4.1 mL;
 * PMC4068843). Both never exceed MAX_FILL_FRACTION of the body.
 */
export function cementFinalMl(
  options: ProcedureOptions,
  procedure: 'kyphoplasty' | 'vertebroplasty',
): number {
  const dose =
    procedure === 'vertebroplasty'
      ? clamp(4.4 * sizeFactor(options), 2, 6)
      : balloonPeakMl(options) * balloonCount(options) * INTERDIGITATION;
  return wholeCells(Math.min(dose, maxCementMl(options)));
}

/**
 * Balloon pressure for a fill fraction: resistance of compacted cancellous bone makes pressure climb with
 * volume, to ~175 psi at full inflation (ex vivo under load 175 ± 37 psi; cadaveric 122.7 ± 27.9 psi).
 */
export function balloonPressurePsi(fillFraction: number): number {
  const f = Math.min(1, Math.max(0, fillFraction));
  // The first few percent of volume open the folded balloon against the bone (~35 psi), smoothly from zero.
  const opening = f >= 0.08 ? 1 : (f / 0.08) * (f / 0.08) * (3 - 2 * (f / 0.08));
  return 35 * opening + 140 * Math.pow(f, 1.6);
}
