import { createLevelProgress, createProcedureState, writeLevelProgress } from './procedureState';
import type { ProcedureState } from './procedureState';
import { singleLevelStateAt } from './singleLevelState';
import { clampTime, singleLevelTimeline, stepIndexAt } from './timeline';
import { levelOptionsOf } from './treatedLevels';
import type { ProcedureOptions, TimedStep, Timeline } from './types';

/** Each frame's own scratch frames for the levels it is not working on (reused: no allocation per frame). */
const scratchFrames = new WeakMap<ProcedureState, ProcedureState[]>();

function scratchFor(out: ProcedureState, index: number): ProcedureState {
  let list = scratchFrames.get(out);
  if (!list) scratchFrames.set(out, (list = []));
  while (list.length <= index) list.push(createProcedureState());
  return list[index]!;
}

/** Per several-level timeline, computed once: where each step lies on the one-level timeline, and the waits. */
interface LevelTimes {
  /** For each step, the same step of the one-level timeline. */
  same: readonly TimedStep[];
  /** Where a level waits before its turn (its first own step's start) and holds after it (its last's end). */
  waitAt: number;
  doneAt: number;
}

const levelTimesCache = new WeakMap<Timeline, LevelTimes>();

function levelTimesOf(timeline: Timeline, single: Timeline): LevelTimes {
  let times = levelTimesCache.get(timeline);
  if (!times) {
    const same = timeline.steps.map((step) => single.steps.find((s) => s.id === step.id)!);
    const own = same.filter((_, i) => timeline.steps[i]!.level !== null);
    times = { same, waitAt: own[0]!.start, doneAt: own[own.length - 1]!.end };
    levelTimesCache.set(timeline, times);
  }
  return times;
}

/**
 * Where level `levelIndex` stands at time `t` of a several-level timeline, as a time on the one-level timeline:
 * a shared step or the level's own step keeps its id and progress; before the level's turn it waits where its own
 * steps begin (positioned, not yet numbed); after its turn it holds where its cement injection ended.
 */
function levelTime(
  timeline: Timeline,
  times: LevelTimes,
  index: number,
  t: number,
  levelIndex: number,
): number {
  const step = timeline.steps[index]!;
  if (step.level === null || step.levelIndex === levelIndex) {
    const same = times.same[index]!;
    const progress = Math.min(1, Math.max(0, (t - step.start) / (step.end - step.start)));
    return same.start + progress * (same.end - same.start);
  }
  return step.levelIndex < levelIndex ? times.waitAt : times.doneAt;
}

/**
 * The whole frame as a pure function of (timeline, options, t), written into `out`. With one level it is that
 * level's frame. With several, each level's own moment is computed on the one-level timeline (levelTime), the
 * frame is the moment of the level being worked on, and `levels` holds every level's height and cement; nothing
 * depends on earlier frames, so seeking stays exact in both directions.
 */
export function stateAt(
  timeline: Timeline,
  options: ProcedureOptions,
  rawTime: number,
  out: ProcedureState,
): ProcedureState {
  if (timeline.levels.length < 2) {
    singleLevelStateAt(timeline, options, rawTime, out);
    if (out.levels.length !== 1) out.levels.length = 0;
    if (out.levels.length === 0) out.levels.push(createLevelProgress());
    writeLevelProgress(out, out.levels[0]!);
    return out;
  }
  const perLevel = levelOptionsOf(options, timeline.levels);
  const single = singleLevelTimeline(timeline);
  const times = levelTimesOf(timeline, single);
  const t = clampTime(timeline, rawTime);
  const index = stepIndexAt(timeline, t);
  const step = timeline.steps[index]!;
  const count = perLevel.length;
  const active = Math.min(step.levelIndex, count - 1);
  if (out.levels.length > count) out.levels.length = count;
  while (out.levels.length < count) out.levels.push(createLevelProgress());
  let leak = 0;
  for (let i = 0; i < count; i++) {
    if (i === active) continue;
    const frame = singleLevelStateAt(
      single,
      perLevel[i]!,
      levelTime(timeline, times, index, t, i),
      scratchFor(out, i),
    );
    writeLevelProgress(frame, out.levels[i]!);
    leak += frame.leakVolumeMl;
  }
  singleLevelStateAt(single, perLevel[active]!, levelTime(timeline, times, index, t, active), out);
  writeLevelProgress(out, out.levels[active]!);
  // The frame speaks of the whole session's clock and step list; the level's own frame filled in the rest.
  out.time = t;
  out.duration = timeline.duration;
  out.step = step.id;
  out.stepKey = step.key;
  out.stepIndex = index;
  out.levelIndex = active;
  out.leakVolumeMl += leak;
  out.complication = options.complication ?? 'none';
  return out;
}
