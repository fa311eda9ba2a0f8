import { stepLanding } from '../../procedure/stepNavigation';
import { timelineFor } from '../../procedure/timeline';
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
  time: number;
}

/** The handout's key frames for a procedure: each step at the landing time the viewer's step buttons use. */
export function keyFramesOf(procedure: ProcedureId): KeyFrame[] {
  const timeline = timelineFor(procedure);
  return HANDOUT_STEPS.flatMap((step) => {
    const time = stepLanding(timeline, step);
    return time === undefined ? [] : [{ step, time }];
  });
}
