import { createProcedureState, type ProcedureState } from '../procedure/procedureState';
import { stateAt } from '../procedure/stateAt';
import type { ProcedureOptions, Timeline } from '../procedure/types';

/**
 * The frame: the procedure state at one time, written into one reused object. Computed at most once per distinct
 * (timeline, options, time), so a render and a `getState()` at the same moment share one computation.
 */
export class FrameState {
  /** Hot per-frame values, mutated in place. Read it; never keep references to its fields across frames. */
  readonly state: ProcedureState = createProcedureState();
  private timeline: Timeline | null = null;
  private options: ProcedureOptions | null = null;
  private time = NaN;

  /** Bring the state to `time`; returns true when it was computed (false: it was already there). */
  update(timeline: Timeline, options: ProcedureOptions, time: number): boolean {
    if (timeline === this.timeline && options === this.options && time === this.time) return false;
    stateAt(timeline, options, time, this.state);
    this.timeline = timeline;
    this.options = options;
    this.time = time;
    return true;
  }

  /** True when the state is at exactly this moment of this procedure. */
  isAt(timeline: Timeline, options: ProcedureOptions, time: number): boolean {
    return timeline === this.timeline && options === this.options && time === this.time;
  }
}
