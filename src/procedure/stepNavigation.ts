import { createProcedureState, type ProcedureState } from './procedureState';
import { stateAt } from './stateAt';
import { STEP_BLEND_SECONDS } from './steppedChannels';
import { findStep, stepIndexAt } from './timeline';
import type { Channel, ProcedureOptions, Timeline } from './types';

type NumericField = {
  [K in keyof ProcedureState]: ProcedureState[K] extends number ? K : never;
}[keyof ProcedureState];

/**
 * The frame values each channel moves while its step is under way: what the picture shows happening. The calm
 * channels (`torso`, `highlight`) blend in with the camera over the first moments of a step and `fluoro` is the
 * X-ray exposure, so none of them marks the step's action; the camera's arrival covers them.
 */
const ACTION_FIELDS: Record<Channel, readonly NumericField[]> = {
  highlight: [],
  torso: [],
  fluoro: [],
  skin: ['skinMarker'],
  needle: ['cannulaDepthMm', 'needleDepthMm'],
  drill: ['drillDepthMm'],
  balloon: ['balloonInsertion', 'balloonVolumeMl'],
  height: ['anteriorHeightMm'],
  cement: ['cementVolumeMl'],
  cure: ['cementCure'],
  bandage: ['bandage'],
};

/**
 * How far into its action a jump lands: far enough that the picture shows what the caption says (a balloon
 * partly inflated, cement already flowing), early enough that most of the action is still to come.
 */
export const ACTION_SHARE = 0.4;

/** Samples per step when finding the landing frame (a step of 14 s is read every 0.14 s). */
const SAMPLES = 100;

/**
 * The options the landing frames are found with. Options change how far things move (a higher grade, a larger
 * balloon), not when they move, and the landing is measured as a share of each movement, so any options give the
 * same landing; one fixed set keeps navigation a function of the timeline alone.
 */
const REFERENCE_OPTIONS: ProcedureOptions = {
  level: 'L1',
  grade: 2,
  morphology: 'wedge',
  approach: 'bipedicular',
};

const landingCache = new WeakMap<Timeline, readonly number[]>();

/**
 * The time in one step where its action is visible: the camera has arrived at the step's shot (the step's first
 * STEP_BLEND_SECONDS blend from the previous shot), and the first moment at which one of the things the step's
 * channels move has gone ACTION_SHARE of its way through the step. A step that moves nothing (the overview, the
 * result) lands as soon as its camera has arrived. Derived from stateAt, so it follows the channels' timing.
 */
function findLanding(timeline: Timeline, index: number, scratch: ProcedureState): number {
  const step = timeline.steps[index]!;
  const length = step.end - step.start;
  const arrived = index === 0 ? step.start : Math.min(step.start + STEP_BLEND_SECONDS, step.end);
  const fields = [...new Set(step.definition.channels.flatMap((channel) => ACTION_FIELDS[channel]))];
  if (fields.length === 0) return arrived;
  const at = (i: number) =>
    stateAt(timeline, REFERENCE_OPTIONS, step.start + (length * i) / SAMPLES, scratch);
  const first = fields.map((field) => at(0)[field]);
  // The largest distance each value moves away from where the step found it.
  const reach = fields.map(() => 0);
  const moved = Array.from({ length: SAMPLES + 1 }, (_, i) => {
    const state = at(i);
    return fields.map((field, f) => {
      const distance = Math.abs(state[field] - first[f]!);
      reach[f] = Math.max(reach[f]!, distance);
      return distance;
    });
  });
  for (let i = 0; i <= SAMPLES; i++) {
    const t = step.start + (length * i) / SAMPLES;
    const shown = moved[i]!.some((d, f) => reach[f]! > 0 && d >= ACTION_SHARE * reach[f]!);
    if (shown) return Math.max(arrived, t);
  }
  return arrived;
}

/** Every step's landing time, in timeline order (computed once per timeline). */
export function stepLandings(timeline: Timeline): readonly number[] {
  let landings = landingCache.get(timeline);
  if (!landings) {
    const scratch = createProcedureState();
    landings = timeline.steps.map((_, index) => findLanding(timeline, index, scratch));
    landingCache.set(timeline, landings);
  }
  return landings;
}

/**
 * Where a jump to this step lands (see findLanding): by key (`access@T12`) or id (the first such step); undefined
 * if the step is not in this procedure.
 */
export function stepLanding(timeline: Timeline, key: string): number | undefined {
  const step = findStep(timeline, key);
  return step && stepLandings(timeline)[step.index];
}

/**
 * Where "previous step" goes: back to this step's landing when more than a moment past it, like a media player
 * returning to the start of a track; else the previous step's landing.
 */
export function previousStepLanding(timeline: Timeline, t: number): number {
  const index = stepIndexAt(timeline, t);
  const landings = stepLandings(timeline);
  return t - landings[index]! > 1 || index === 0 ? landings[index]! : landings[index - 1]!;
}

/** Where "next step" goes: the next step's landing, or the end after the last step. */
export function nextStepLanding(timeline: Timeline, t: number): number {
  return stepLandings(timeline)[stepIndexAt(timeline, t) + 1] ?? timeline.duration;
}
