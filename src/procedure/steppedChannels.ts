import type { StepId } from './types';

/** Per-step target values for the scene's calm, slowly changing channels. */
interface SteppedValues {
  torso: number;
  highlight: number;
  insideView: number;
  /** The treated body closed again but see-through: the cement inside a whole vertebra (the result). */
  seeThrough: number;
}

const VALUES: Record<StepId, SteppedValues> = {
  overview: { torso: 0, highlight: 1, insideView: 0, seeThrough: 0 },
  positioning: { torso: 0.55, highlight: 0, insideView: 0, seeThrough: 0 },
  anaesthesia: { torso: 0.55, highlight: 0, insideView: 0, seeThrough: 0 },
  targeting: { torso: 0.3, highlight: 0.5, insideView: 0, seeThrough: 0 },
  access: { torso: 0.12, highlight: 0.6, insideView: 0, seeThrough: 1 },
  drilling: { torso: 0.12, highlight: 0, insideView: 1, seeThrough: 0 },
  'balloon-insertion': { torso: 0.12, highlight: 0, insideView: 1, seeThrough: 0 },
  'balloon-inflation': { torso: 0.12, highlight: 0, insideView: 1, seeThrough: 0 },
  'balloon-removal': { torso: 0.12, highlight: 0, insideView: 1, seeThrough: 0 },
  'cement-injection': { torso: 0.12, highlight: 0, insideView: 1, seeThrough: 0 },
  'cement-hardening': { torso: 0.12, highlight: 0, insideView: 1, seeThrough: 0 },
  closure: { torso: 0.55, highlight: 0, insideView: 0.3, seeThrough: 0 },
  result: { torso: 0, highlight: 0.3, insideView: 0, seeThrough: 1 },
};

/** Seconds over which a step's values blend in from the previous step's (shorter than any step). */
export const STEP_BLEND_SECONDS = 1.5;

export function steppedValue(
  step: StepId,
  previous: StepId,
  blend: number,
  key: keyof SteppedValues,
): number {
  const from = VALUES[previous][key];
  return from + (VALUES[step][key] - from) * blend;
}
