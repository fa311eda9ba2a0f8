import type { leakPath } from '../procedure/complicationPaths';
import { hasLeak } from '../procedure/complications';
import type { Complication, ProcedureId, ProcedureOptions, StepDefinition } from '../procedure/types';
import type { SubjectSphere } from './cameraPoses';
import { encloseSphere } from './levelsFraming';

/** Bounding sphere of a leak's route in the scene (the treated level's frame turned prone: x, −z, y), per route. */
const cache = new Map<string, SubjectSphere | null>();

/**
 * The leak routes come with the features chunk, which draws the leak (CementLeak): until it is here there is no
 * leak in the scene to frame. It is loaded before the first frame of a moment that shows a leak.
 */
let leakPathOf: typeof leakPath | null = null;

/** Called by the features chunk as it loads. */
export function provideLeakPaths(paths: typeof leakPath): void {
  leakPathOf = paths;
}

function leakSphere(options: ProcedureOptions, procedure: ProcedureId): SubjectSphere | null {
  if (!leakPathOf) return null;
  const key = `${procedure}/${options.level}/${options.approach}/${options.grade}/${options.morphology}/${options.complication}`;
  if (cache.has(key)) return cache.get(key)!;
  const path = leakPathOf(options, procedure);
  const points = path.branches.flatMap((b) => b.points.map(([x, y, z]) => [x, -z, y] as const));
  let sphere: SubjectSphere | null = null;
  if (points.length > 0) {
    const min = [0, 1, 2].map((a) => Math.min(...points.map((p) => p[a]!)));
    const max = [0, 1, 2].map((a) => Math.max(...points.map((p) => p[a]!)));
    const centre = [0, 1, 2].map((a) => (min[a]! + max[a]!) / 2) as [number, number, number];
    const radius = Math.max(
      ...points.map((p) => Math.hypot(p[0] - centre[0], p[1] - centre[1], p[2] - centre[2])),
    );
    sphere = { centre, radius: radius + path.radiusMm };
  }
  cache.set(key, sphere);
  return sphere;
}

/**
 * At the cement steps, grow the subject's sphere to hold the leak too (the smallest sphere around both), so the
 * guided camera keeps the leak in view. The same for the whole step, whatever the leak's size, so the shot is steady.
 */
export function includeLeak(
  sphere: SubjectSphere,
  step: StepDefinition,
  options: Omit<ProcedureOptions, 'complication'>,
  procedure: ProcedureId,
  complication: Complication,
): void {
  if (!hasLeak(complication) || !(step.channels.includes('cement') || step.channels.includes('cure'))) return;
  const leak = leakSphere({ ...options, complication }, procedure);
  if (!leak) return;
  encloseSphere(sphere, leak.centre, leak.radius);
}
