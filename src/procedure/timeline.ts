import type { LevelId } from '../anatomy/levels';
import { KYPHOPLASTY, VERTEBROPLASTY } from './steps';
import {
  STEP_IDS,
  type ProcedureDefinition,
  type ProcedureId,
  type StepId,
  type TimedStep,
  type Timeline,
} from './types';

/**
 * The steps done once per level when several levels are treated in one session: numbing, access, the balloon
 * steps and cement, one level after the other; the overview, positioning, hardening, closure and result are shared
 * (the patient is positioned once, and the needles come out after the last level).
 */
export const PER_LEVEL_STEPS: readonly StepId[] = STEP_IDS.slice(
  STEP_IDS.indexOf('anaesthesia'),
  STEP_IDS.indexOf('cement-injection') + 1,
);

export function isPerLevelStep(id: StepId): boolean {
  return PER_LEVEL_STEPS.includes(id);
}

/**
 * Place a procedure's steps on the time axis. With several levels, the per-level steps repeat for each level in
 * order, their keys carrying the level (`access@T12`); with one level (or none given) each key is the step's id.
 */
export function buildTimeline(definition: ProcedureDefinition, levels: readonly LevelId[] = []): Timeline {
  const several = levels.length > 1;
  const pre = definition.steps.filter((s) => !several || PER_LEVEL_STEPS.indexOf(s.id) < 0);
  const firstPerLevel = definition.steps.findIndex((s) => PER_LEVEL_STEPS.includes(s.id));
  const placed: {
    definition: ProcedureDefinition['steps'][number];
    level: LevelId | null;
    levelIndex: number;
  }[] = [];
  if (!several) {
    for (const step of definition.steps) placed.push({ definition: step, level: null, levelIndex: 0 });
  } else {
    const before = pre.filter((s) => definition.steps.indexOf(s) < firstPerLevel);
    const after = pre.filter((s) => definition.steps.indexOf(s) > firstPerLevel);
    const perLevel = definition.steps.filter((s) => PER_LEVEL_STEPS.includes(s.id));
    for (const step of before) placed.push({ definition: step, level: null, levelIndex: 0 });
    levels.forEach((level, levelIndex) => {
      for (const step of perLevel) placed.push({ definition: step, level, levelIndex });
    });
    for (const step of after) placed.push({ definition: step, level: null, levelIndex: levels.length - 1 });
  }
  let start = 0;
  const steps: TimedStep[] = placed.map(({ definition: step, level, levelIndex }, index) => {
    const key = level ? `${step.id}@${level}` : step.id;
    const timed = {
      id: step.id,
      key,
      level,
      levelIndex,
      index,
      start,
      end: start + step.duration,
      definition: step,
    };
    start = timed.end;
    return timed;
  });
  return { procedure: definition.id, duration: start, steps, levels: several ? [...levels] : [] };
}

const DEFINITIONS: Record<ProcedureId, ProcedureDefinition> = {
  kyphoplasty: KYPHOPLASTY,
  vertebroplasty: VERTEBROPLASTY,
};

const TIMELINES = new Map<string, Timeline>();

/**
 * The procedure's timeline, for one level or several (built once per procedure and list of levels, so the same
 * arguments always give the same object: the frame cache and the step landings key on it).
 */
export function timelineFor(procedure: ProcedureId, levels: readonly LevelId[] = []): Timeline {
  const cacheKey = levels.length > 1 ? `${procedure}:${levels.join(',')}` : procedure;
  let timeline = TIMELINES.get(cacheKey);
  if (!timeline) {
    timeline = buildTimeline(DEFINITIONS[procedure], levels);
    TIMELINES.set(cacheKey, timeline);
  }
  return timeline;
}

/** The same procedure's timeline for one level: what each level's own moment is computed on. */
export function singleLevelTimeline(timeline: Timeline): Timeline {
  return timeline.levels.length > 1 ? timelineFor(timeline.procedure) : timeline;
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

/**
 * The step with this key (`access@T12`), or else the first step with this id (`access`: the first level's).
 * Unknown keys are a caller error, so they give undefined rather than a guess.
 */
export function findStep(timeline: Timeline, key: string): TimedStep | undefined {
  return timeline.steps.find((step) => step.key === key) ?? timeline.steps.find((step) => step.id === key);
}

/** The step's start time; unknown ids are a caller error, so they return undefined rather than a guess. */
export function stepStart(timeline: Timeline, key: string): number | undefined {
  return findStep(timeline, key)?.start;
}

/** Where each level's own steps run on a several-level timeline (its chapter); empty for one level. */
export function levelSpans(timeline: Timeline): { level: LevelId; start: number; end: number }[] {
  return timeline.levels.map((level) => {
    const own = timeline.steps.filter((s) => s.level === level);
    return { level, start: own[0]!.start, end: own[own.length - 1]!.end };
  });
}
