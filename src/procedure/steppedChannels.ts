import type { StepId } from './types';

/** Per-step target values for the scene's calm, slowly changing channels. */
interface SteppedValues {
  torso: number;
  highlight: number;
  insideView: number;
  /** The treated body closed again but see-through: the cement inside a whole vertebra (the result). */
  seeThrough: number;
  /**
   * The treated vertebra's arch see-through too: only while the needles run inside the pedicles (access). At the
   * result the cement is in the body alone, and a see-through arch made the whole bone read as fading away.
   */
  archSeeThrough: number;
  /**
   * The skin over the treated level closed rather than a window onto the spine: while the story is on the skin
   * (the patient on the table, the numbing injection), a window read as a hole in the back; once X-rays guide the
   * needles it opens onto the spine they are aimed at. (The dressings close it again at the closure: `bandage`.)
   */
  skinCover: number;
}

const VALUES: Record<StepId, SteppedValues> = {
  overview: { torso: 0, highlight: 1, insideView: 0, seeThrough: 0, archSeeThrough: 0, skinCover: 0 },
  positioning: { torso: 0.55, highlight: 0, insideView: 0, seeThrough: 0, archSeeThrough: 0, skinCover: 1 },
  anaesthesia: {
    torso: 0.55,
    highlight: 0,
    insideView: 0,
    seeThrough: 0,
    archSeeThrough: 0,
    skinCover: 0.75,
  },
  targeting: { torso: 0.3, highlight: 0.5, insideView: 0, seeThrough: 0, archSeeThrough: 0, skinCover: 0 },
  access: { torso: 0.12, highlight: 0.6, insideView: 0, seeThrough: 1, archSeeThrough: 1, skinCover: 0 },
  drilling: { torso: 0.12, highlight: 0, insideView: 1, seeThrough: 0, archSeeThrough: 0, skinCover: 0 },
  'balloon-insertion': {
    torso: 0.12,
    highlight: 0,
    insideView: 1,
    seeThrough: 0,
    archSeeThrough: 0,
    skinCover: 0,
  },
  'balloon-inflation': {
    torso: 0.12,
    highlight: 0,
    insideView: 1,
    seeThrough: 0,
    archSeeThrough: 0,
    skinCover: 0,
  },
  'balloon-removal': {
    torso: 0.12,
    highlight: 0,
    insideView: 1,
    seeThrough: 0,
    archSeeThrough: 0,
    skinCover: 0,
  },
  'cement-injection': {
    torso: 0.12,
    highlight: 0,
    insideView: 1,
    seeThrough: 0,
    archSeeThrough: 0,
    skinCover: 0,
  },
  'cement-hardening': {
    torso: 0.12,
    highlight: 0,
    insideView: 1,
    seeThrough: 0,
    archSeeThrough: 0,
    skinCover: 0,
  },
  closure: { torso: 0.55, highlight: 0, insideView: 0.3, seeThrough: 0, archSeeThrough: 0, skinCover: 0 },
  result: { torso: 0, highlight: 0.3, insideView: 0, seeThrough: 1, archSeeThrough: 0, skinCover: 0 },
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
