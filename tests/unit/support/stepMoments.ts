import { createProcedureState, stateAt, timelineFor } from '../../../src/procedure';
import type { ProcedureState } from '../../../src/procedure/procedureState';
import type { ProcedureId, ProcedureOptions, TimedStep } from '../../../src/procedure/types';

/** The default patient: L1, a moderate wedge, two needles. */
export const L1_WEDGE: ProcedureOptions = {
  level: 'L1',
  grade: 2,
  morphology: 'wedge',
  approach: 'bipedicular',
};

/** One step of one procedure, and its state a given share of the way through. */
export interface StepMoment {
  procedure: ProcedureId;
  step: TimedStep;
  state: ProcedureState;
}

/**
 * Every step of both procedures at `fraction` of the way through (0.7: the step's picture, as the browser tests
 * take it; 0.9: near its end, after its channels have blended in).
 */
export function stepMoments(fraction: number, options: ProcedureOptions = L1_WEDGE): StepMoment[] {
  const moments: StepMoment[] = [];
  for (const procedure of ['kyphoplasty', 'vertebroplasty'] as const) {
    const timeline = timelineFor(procedure);
    for (const step of timeline.steps) {
      const t = step.start + fraction * (step.end - step.start);
      moments.push({ procedure, step, state: stateAt(timeline, options, t, createProcedureState()) });
    }
  }
  return moments;
}
