import { stepLanding } from '../../procedure/stepNavigation';
import type { LevelId } from '../../anatomy/levels';
import { findStep, timelineFor } from '../../procedure/timeline';
import type { ProcedureId, StepId } from '../../procedure/types';

/**
 * The steps a take-home handout shows, in timeline order: the broken bone, the way in, what makes room or fills
 * the bone, and the end result. Enough for a patient to retell the procedure (6–10 pictures), few enough to fit
 * on four printed pages. Steps a procedure lacks (the balloon in vertebroplasty) are left out.
 */
export const HANDOUT_STEPS: readonly StepId[] = [
  'overview',
  'positioning',
  'access',
  'balloon-inflation',
  'cement-injection',
  'cement-hardening',
  'closure',
  'result',
];

/** One picture of the handout: the step and the moment where its action shows (as a jump to the step lands). */
export interface KeyFrame {
  step: StepId;
  /** The step's key (`cement-injection@L1` for a later level's cement when several are treated). */
  key: string;
  /** With several levels, the level a per-level step works on; null otherwise. */
  level: LevelId | null;
  time: number;
}

/**
 * The handout's key frames for a procedure: each step at the landing time the viewer's step buttons use. With
 * several levels the first level's steps are shown, and the cement going into each later level after its own
 * (at most 10 pictures with three levels).
 */
export function keyFramesOf(procedure: ProcedureId, levels: readonly LevelId[] = []): KeyFrame[] {
  const timeline = timelineFor(procedure, levels);
  const keys = HANDOUT_STEPS.flatMap((step) =>
    step === 'cement-injection' && timeline.levels.length > 1
      ? timeline.levels.map((level) => `${step}@${level}`)
      : [step],
  );
  return keys.flatMap((key) => {
    const step = findStep(timeline, key);
    const time = stepLanding(timeline, key);
    return step === undefined || time === undefined
      ? []
      : [{ step: step.id, key: step.key, level: step.level, time }];
  });
}
