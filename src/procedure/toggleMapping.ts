import { timelineFor } from './timeline';
import type { ProcedureId, Timeline } from './types';
import { clampTime, stepIndexAt } from './timeline';

/**
 * Where the same moment lies in the other procedure. Shared steps keep their id and their progress through the
 * step; a kyphoplasty-only step (drill, balloon) maps to the start of the next step both procedures share.
 */
export function mapTimeToProcedure(from: Timeline, t: number, to: ProcedureId): number {
  const target = timelineFor(to);
  t = clampTime(from, t);
  if (from.procedure === to) return t;
  const index = stepIndexAt(from, t);
  const step = from.steps[index]!;
  const same = target.steps.find((s) => s.id === step.id);
  if (same) {
    const progress = (t - step.start) / (step.end - step.start);
    return same.start + Math.min(1, Math.max(0, progress)) * (same.end - same.start);
  }
  for (let i = index + 1; i < from.steps.length; i++) {
    const next = target.steps.find((s) => s.id === from.steps[i]!.id);
    if (next) return next.start;
  }
  return target.duration;
}
