import { createProcedureState, type ProcedureState } from './procedureState';
import { stateAt } from './stateAt';
import { clampTime, stepIndexAt, timelineFor } from './timeline';
import type { ProcedureId, ProcedureOptions, StepId, Timeline } from './types';

/**
 * Side-by-side comparison: the viewer's own timeline drives both sides. The other procedure's time comes from the
 * main time by step alignment, in either direction (kyphoplasty → vertebroplasty or back):
 * - a step both procedures have keeps its key (id, and level when several are treated) and the same fraction of
 *   the step on each side;
 * - a step only the main procedure has (drilling and the balloon steps when the main one is kyphoplasty) holds the
 *   other side at the end of the last step before it that the other side has, and `held` is true.
 * Vertebroplasty as the main procedure never reaches a kyphoplasty-only step, so the kyphoplasty side simply jumps
 * across its balloon steps. The mapping is monotonic and both timelines end together.
 */
export interface CompareMoment {
  /** Time on the other side's timeline. */
  time: number;
  /** True while the main procedure is in a step the other does not have (the other side holds still). */
  held: boolean;
  /** The main step the other side is holding through (only meaningful when `held`). */
  mainStep: StepId;
}

/** How far before its end a held step stands (a millisecond: invisible, but still that step). */
const HOLD_INSIDE_S = 1e-3;

/** The other procedure of the pair. */
export function otherProcedure(procedure: ProcedureId): ProcedureId {
  return procedure === 'kyphoplasty' ? 'vertebroplasty' : 'kyphoplasty';
}

/** Where the other side stands at main time `t`, written into `out` (reused; no allocation per frame). */
export function compareMoment(
  main: Timeline,
  t: number,
  other: Timeline,
  out: CompareMoment = { time: 0, held: false, mainStep: 'overview' },
): CompareMoment {
  const time = clampTime(main, t);
  const index = stepIndexAt(main, time);
  const step = main.steps[index]!;
  out.mainStep = step.id;
  const same = other.steps.find((s) => s.key === step.key);
  if (same) {
    const progress = Math.min(1, Math.max(0, (time - step.start) / (step.end - step.start)));
    out.time = same.start + progress * (same.end - same.start);
    out.held = false;
    return out;
  }
  out.held = true;
  for (let i = index - 1; i >= 0; i--) {
    const previous = other.steps.find((s) => s.key === main.steps[i]!.key);
    if (previous) {
      // Just inside the step's end: a step owns [start, end), and the held side should still show that step.
      out.time = previous.end - HOLD_INSIDE_S;
      return out;
    }
  }
  out.time = 0;
  return out;
}

/** The other side's key readouts, as `getState().compare` reports them (plain, safe to keep). */
export interface CompareReadouts {
  procedure: ProcedureId;
  time: number;
  step: StepId;
  /** True while the other side holds through a step only the main procedure has. */
  held: boolean;
  anteriorHeightMm: number;
  anteriorHeightPct: number;
  wedgeAngleDeg: number;
  cementVolumeMl: number;
}

const scratch: ProcedureState = createProcedureState();

/** The other procedure's readouts at main time `t`, same patient (options). */
export function compareReadouts(main: Timeline, t: number, options: ProcedureOptions): CompareReadouts {
  const other = timelineFor(otherProcedure(main.procedure), main.levels);
  const moment = compareMoment(main, t, other);
  const s = stateAt(other, options, moment.time, scratch);
  return {
    procedure: other.procedure,
    time: moment.time,
    step: s.step,
    held: moment.held,
    anteriorHeightMm: s.anteriorHeightMm,
    anteriorHeightPct: s.anteriorHeightPct,
    wedgeAngleDeg: s.wedgeAngleDeg,
    cementVolumeMl: s.cementVolumeMl,
  };
}
