import type { LevelId } from '../anatomy/levels';
import type { PerLevel } from '../procedure/treatedLevels';
import type { GenantGrade, Morphology } from '../procedure/types';
import { displayValue } from './displayValue';
import { OPTION_SCHEMA } from './optionSchema';
import type { Notice } from './notice';

/** The options that say which levels are treated and how each is broken. */
export interface LevelLists {
  level: LevelId;
  levels: readonly LevelId[];
  grade: PerLevel<GenantGrade>;
  morphology: PerLevel<Morphology>;
}

/**
 * Make the level options agree, whichever of them changed:
 * - `level` set on its own while several levels are treated replaces the first of them (the level menu), and leaves
 *   the list if it was one of the others;
 * - a `levels` list of one is that level; a longer list's first entry is also `level`;
 * - a `grade` or `morphology` list must have one entry per level: otherwise a notice, and its first value is used
 *   for every level (nothing else the viewer shows changes).
 */
export function reconcileLevelLists<T extends LevelLists>(
  values: T,
  lang: string,
  levelPicked = false,
): { values: T; notices: Notice[] } {
  const next: T = { ...values };
  const notices: Notice[] = [];
  if (levelPicked && next.levels.length > 0) {
    const others = next.levels.slice(1).filter((l) => l !== next.level);
    const kept = others.length === next.levels.length - 1;
    next.levels = others.length > 0 ? [next.level, ...others] : [];
    // A level left the list: each fracture list keeps its first value, silently (nothing the user gave was wrong).
    if (!kept) {
      if (Array.isArray(next.grade)) next.grade = (next.grade as readonly GenantGrade[])[0]!;
      if (Array.isArray(next.morphology)) next.morphology = (next.morphology as readonly Morphology[])[0]!;
    }
  }
  if (next.levels.length === 1) {
    next.level = next.levels[0]!;
    next.levels = [];
  } else if (next.levels.length > 1) next.level = next.levels[0]!;
  const count = Math.max(1, next.levels.length);
  for (const key of ['grade', 'morphology'] as const) {
    const value = next[key] as PerLevel<string | number>;
    if (!Array.isArray(value)) continue;
    const list = value as readonly (string | number)[];
    const first = list[0]!;
    if (list.length !== count) {
      notices.push({
        option: key,
        key: 'notice.perLevelLength',
        params: {
          name: OPTION_SCHEMA[key].attribute,
          value: displayValue(list.join(',')),
          count,
          fallback: String(first),
        },
      });
      (next as LevelLists)[key] = first as never;
    }
  }
  return { values: next, notices };
}
