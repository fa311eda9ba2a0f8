import type { LevelId } from '../anatomy/levels';
import type { GenantGrade, Morphology, ProcedureOptions, TreatedLevel } from './types';

/** At most this many levels in one session (the issue of cement load and time under anaesthesia; see README). */
export const MAX_TREATED_LEVELS = 3;

/** A fracture value given once for every level, or as a list in the order of the levels. */
export type PerLevel<T> = T | readonly T[];

/** The value for the level at `index`: the list's entry there (its first when the list is short), or the one value. */
export function valueForLevel<T>(value: PerLevel<T>, index: number): T {
  if (!Array.isArray(value)) return value as T;
  const list = value as readonly T[];
  return list[index] ?? list[0]!;
}

/** What picks the treated levels: one `level`, or a `levels` list (which wins when it names any). */
export interface TreatedLevelsInput {
  level: LevelId;
  levels: readonly LevelId[];
  grade: PerLevel<GenantGrade>;
  morphology: PerLevel<Morphology>;
}

/** The levels treated, in order, each with its fracture. */
export function treatedLevels(input: TreatedLevelsInput): TreatedLevel[] {
  const levels = input.levels.length > 0 ? input.levels : [input.level];
  return levels.map((level, index) => ({
    level,
    grade: valueForLevel(input.grade, index),
    morphology: valueForLevel(input.morphology, index),
  }));
}

const perLevelCache = new WeakMap<ProcedureOptions, Map<string, readonly ProcedureOptions[]>>();

/**
 * Each level of a timeline's `levels` as one-level options (cached per options object and levels, so stateAt's
 * caches hold): each level's fracture from `options.treated` where it names that level, else the options' own
 * grade and shape. A leak (`complication`) is shown at the first level only: one leak explains the risk; one at
 * every level would not.
 */
export function levelOptionsOf(
  options: ProcedureOptions,
  levels: readonly LevelId[],
): readonly ProcedureOptions[] {
  let byLevels = perLevelCache.get(options);
  if (!byLevels) perLevelCache.set(options, (byLevels = new Map()));
  const key = levels.length < 2 ? '' : levels.join(',');
  let list = byLevels.get(key);
  if (!list) {
    // The same list object every time for the same arguments: React reads it as an external store's snapshot.
    list =
      key === ''
        ? [options]
        : levels.map((level, index) => {
            const fracture = options.treated?.find((t) => t.level === level) ?? options;
            return {
              level,
              grade: fracture.grade,
              morphology: fracture.morphology,
              approach: options.approach,
              complication: index === 0 ? options.complication : 'none',
            };
          });
    byLevels.set(key, list);
  }
  return list;
}
