import { clampTime, stepIndexAt, timelineFor } from './timeline';
import type { ProcedureId, Timeline } from './types';

/**
 * Where the same moment lies on another timeline (the other procedure, or other treated levels). A step the other
 * has with the same key (`access@T12`), or else the same id, keeps its progress through the step; a step it lacks
 * (kyphoplasty's drill and balloon in vertebroplasty) maps to the start of the next step both have.
 */
export function mapTimeToTimeline(from: Timeline, t: number, target: Timeline): number {
  t = clampTime(from, t);
  if (from === target) return t;
  const index = stepIndexAt(from, t);
  const step = from.steps[index]!;
  const match = (key: string, id: string) =>
    target.steps.find((s) => s.key === key) ?? target.steps.find((s) => s.id === id);
  const same = match(step.key, step.id);
  if (same) {
    const progress = (t - step.start) / (step.end - step.start);
    return same.start + Math.min(1, Math.max(0, progress)) * (same.end - same.start);
  }
  for (let i = index + 1; i < from.steps.length; i++) {
    const next = match(from.steps[i]!.key, from.steps[i]!.id);
    if (next) return next.start;
  }
  return target.duration;
}

/** Where the same moment lies in the other procedure, for the same treated levels. */
export function mapTimeToProcedure(from: Timeline, t: number, to: ProcedureId): number {
  return mapTimeToTimeline(from, t, timelineFor(to, from.levels));
}
