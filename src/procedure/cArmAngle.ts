import type { Timeline } from './types';

/** C-arm orbital angle of each view: 0° AP, 90° lateral. */
export const VIEW_ANGLE_DEG = { ap: 0, lateral: 90 } as const;

const keyframeCache = new WeakMap<Timeline, Float64Array>();

/** (time, angle) pairs at every shot's start and end, in time order. */
function keyframes(timeline: Timeline): Float64Array {
  let frames = keyframeCache.get(timeline);
  if (frames) return frames;
  const list: number[] = [];
  for (const step of timeline.steps) {
    const d = step.end - step.start;
    for (const shot of step.definition.shots) {
      const angle = VIEW_ANGLE_DEG[shot.view];
      list.push(step.start + shot.from * d, angle, step.start + shot.to * d, angle);
    }
  }
  frames = Float64Array.from(list);
  keyframeCache.set(timeline, frames);
  return frames;
}

/**
 * The C-arm holds still during each exposure and swings between views in the gaps, so its angle is a continuous
 * function of time (exact when scrubbed either way).
 */
export function cArmAngleAt(timeline: Timeline, t: number): number {
  const k = keyframes(timeline);
  if (k.length === 0) return 0;
  if (t <= k[0]!) return k[1]!;
  for (let i = 2; i < k.length; i += 2) {
    if (t <= k[i]!) {
      const t0 = k[i - 2]!;
      const t1 = k[i]!;
      const u = t1 > t0 ? (t - t0) / (t1 - t0) : 1;
      const eased = u * u * (3 - 2 * u);
      return k[i - 1]! + (k[i + 1]! - k[i - 1]!) * eased;
    }
  }
  return k[k.length - 1]!;
}
