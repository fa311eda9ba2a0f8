import { clamp01, smoothstep } from './easing';
import type { Complication } from './types';

/*
 * Cement leaks as a pure function of the injection's progress. A leak is cement that left the vertebral body
 * while it was being pushed in: it starts once part of the dose is in (the body's marrow spaces fill and the
 * pressure rises), grows while the injection goes on, and stops soon after the surgeon sees it on the lateral
 * image and stops injecting. Nothing here depends on earlier frames, so seeking stays exact.
 *
 * Sources (shared medical reference, §2.5 Leakage):
 * - Leaks on imaging: 33 % of 660 vertebroplasty levels (veins, soft tissue, disc), none with a clinical
 *   complication (Al-Ali, AJNR); up to 65 % of treated fractures on CT (VERTOS II leakage study, Neuroradiology
 *   2010); 11–73 % across vertebroplasty series (Eur Spine J 2004); 40.1 % of 297 kyphoplasty patients had an
 *   intra-operative leak (PMC3395994); 9 % asymptomatic leaks in 157 kyphoplasty levels with a broken posterior
 *   wall (Perez, IJSS 15:353).
 * - Classification: B basivertebral vein, S segmental vein, C cortical defect, D intradiscal (Yeom 2003, JBJS Br
 *   85:83). 93 % of type B and 86 % of type S leaks are missed or underestimated on the lateral radiograph; cement
 *   in the foramen on the lateral view had an 86 % positive predictive value for a canal leak (Yeom 2003).
 * - Harm: a paravertebral venous leak is a direct route to the right heart and lungs (pulmonary cement embolism);
 *   a foraminal or epidural leak can compress a nerve root or the cord (Radiopaedia case).
 * - Volume: in a bench model the cement that leaked was 0.92–4.0 g (Habib, IJSS 4:26), i.e. about 0.8–3.3 mL at
 *   PMMA's density of about 1.2 g/mL, with injection going on regardless. A leak seen and stopped at once stays
 *   well below that: the volumes here are illustrative, a few tenths of a millilitre.
 */

/** Share of the planned dose already in when cement first escapes (illustrative: once the pressure builds). */
export const LEAK_ONSET_FILL = 0.55;
/**
 * Share of the planned dose at which the surgeon, having seen the leak on the lateral image, stops injecting: the
 * body's cement holds there for the rest of the procedure (the readout stops rising) and the leak stops growing
 * shortly after (cement already in the cannula and the path still creeps a little).
 */
export const LEAK_STOP_FILL = 0.7;
/** The planned-dose share (the injection's clock) at which the leak has reached its final volume. */
export const LEAK_SETTLED_FILL = 0.78;

/** Final leaked volume per route, mL (illustrative, below the bench model's 0.8–3.3 mL: the leak is stopped). */
export const LEAK_FINAL_ML: Record<Exclude<Complication, 'none'>, number> = {
  venous: 0.35,
  disc: 0.5,
  epidural: 0.3,
  foraminal: 0.25,
  'soft-tissue': 0.45,
};

/** Whether a complication shows a leak at all. */
export function hasLeak(
  complication: Complication | undefined,
): complication is Exclude<Complication, 'none'> {
  return complication !== undefined && complication !== 'none';
}

/** The final leaked volume of a complication, mL (0 for none). */
export function leakFinalMl(complication: Complication | undefined): number {
  return hasLeak(complication) ? LEAK_FINAL_ML[complication] : 0;
}

/**
 * Leaked volume (mL) once the injection's clock has reached `plannedFill` (the share of the planned dose the
 * plunger would have pushed by now): 0 before the onset, easing up to the final volume after the stop.
 * Non-decreasing in `plannedFill`, so it never shrinks as time runs on.
 */
export function leakVolumeMl(complication: Complication | undefined, plannedFill: number): number {
  if (!hasLeak(complication)) return 0;
  const grow = smoothstep(clamp01((plannedFill - LEAK_ONSET_FILL) / (LEAK_SETTLED_FILL - LEAK_ONSET_FILL)));
  return LEAK_FINAL_ML[complication] * grow;
}

/** The body's cement fill given the injection's clock: it holds where the surgeon stopped once a leak is seen. */
export function cementFillWithLeak(complication: Complication | undefined, plannedFill: number): number {
  return hasLeak(complication) ? Math.min(plannedFill, LEAK_STOP_FILL) : plannedFill;
}

/** Share of the cement-injection step at which the leak has reached its final size (jumps to "show a leak"). */
export const LEAK_SHOWN_STEP_PROGRESS = 0.85;
