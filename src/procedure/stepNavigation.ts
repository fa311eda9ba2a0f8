import { stepIndexAt } from './timeline';
import type { Timeline } from './types';

/** Where "previous step" goes: this step's start when more than a moment into it, like a media player. */
export function previousStepStart(timeline: Timeline, t: number): number {
  const index = stepIndexAt(timeline, t);
  const step = timeline.steps[index]!;
  return (t - step.start > 1 || index === 0 ? step : timeline.steps[index - 1]!).start;
}

/** Where "next step" goes: the next step's start, or the end after the last step. */
export function nextStepStart(timeline: Timeline, t: number): number {
  return timeline.steps[stepIndexAt(timeline, t) + 1]?.start ?? timeline.duration;
}
