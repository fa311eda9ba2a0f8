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
 * Peak volume per balloon tamp. Cadaveric inflation reached 2.95 ± 0.18 mL (PubMed 16762891); Kyphon tamps
 * are 2–3 mL devices (IFU sizes 10/2 … 20/3). A single unipedicular balloon is inflated further.
 */
export function balloonPeakMl(options: Pick<ProcedureOptions, 'level' | 'approach'>): number {
  const perBalloon = clamp(2.6 * sizeFactor(options), 1.5, 3.0);
  return balloonCount(options) === 1 ? clamp(perBalloon * 1.3, 1.5, 4.0) : perBalloon;
}

/** One balloon per needle: upper-thoracic levels may get a single needle even when two were asked for. */
export function balloonCount(options: Pick<ProcedureOptions, 'level' | 'approach'>): number {
  return accessPlan(options.level, options.approach).needles.length;
}

/**
 * Final cement volume. Kyphoplasty: the cavity plus ~20 % that interdigitates around it. Vertebroplasty:
 * 4.4 mL at L1 in cadavers (JOSR 2020), scaled by body size. Both held to the typical 2–6 mL; unipedicular
 * kyphoplasty uses about 1–2 mL less than bipedicular (Sun 2024 meta).
 */
export function cementFinalMl(
  options: ProcedureOptions,
  procedure: 'kyphoplasty' | 'vertebroplasty',
): number {
  if (procedure === 'vertebroplasty') return clamp(4.4 * sizeFactor(options), 2, 6);
  const cavity = balloonPeakMl(options) * balloonCount(options);
  return clamp(cavity * 1.2, 2, 6);
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
