import { KYPHOPLASTY, VERTEBROPLASTY } from './steps';
import type { ProcedureDefinition, ProcedureId, StepId, TimedStep, Timeline } from './types';

export function buildTimeline(definition: ProcedureDefinition): Timeline {
  let start = 0;
  const steps: TimedStep[] = definition.steps.map((step, index) => {
    const timed = { id: step.id, index, start, end: start + step.duration, definition: step };
    start = timed.end;
    return timed;
  });
  return { procedure: definition.id, duration: start, steps };
}

const TIMELINES: Record<ProcedureId, Timeline> = {
  kyphoplasty: buildTimeline(KYPHOPLASTY),
  vertebroplasty: buildTimeline(VERTEBROPLASTY),
};

export function timelineFor(procedure: ProcedureId): Timeline {
  return TIMELINES[procedure];
}

/** Clamp any number (NaN included) into the timeline's [0, duration]. */
export function clampTime(timeline: Timeline, t: number): number {
  if (!Number.isFinite(t)) return t === Infinity ? timeline.duration : 0;
  return Math.min(timeline.duration, Math.max(0, t));
}

/** Index of the step that owns time t: steps own [start, end); the last step also owns the end. */
export function stepIndexAt(timeline: Timeline, t: number): number {
  const time = clampTime(timeline, t);
  const steps = timeline.steps;
  for (let i = 0; i < steps.length; i++) {
    if (time < steps[i]!.end) return i;
  }
  return steps.length - 1;
}

export function findStep(timeline: Timeline, id: StepId): TimedStep | undefined {
  return timeline.steps.find((step) => step.id === id);
}

/** The step's start time; unknown ids are a caller error, so they return undefined rather than a guess. */
export function stepStart(timeline: Timeline, id: StepId): number | undefined {
  return findStep(timeline, id)?.start;
}
