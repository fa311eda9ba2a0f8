/** Vertebral levels the viewer models, cranial to caudal. */
export const LEVEL_IDS = [
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'T10',
  'T11',
  'T12',
  'L1',
  'L2',
  'L3',
  'L4',
  'L5',
] as const;

export type LevelId = (typeof LEVEL_IDS)[number];

export function isLevelId(value: string): value is LevelId {
  return (LEVEL_IDS as readonly string[]).includes(value);
}

export function isThoracic(level: LevelId): boolean {
  return level.startsWith('T');
}

/** Neighbouring level, or undefined at the ends of the modelled range. */
export function adjacentLevel(level: LevelId, offset: number): LevelId | undefined {
  return LEVEL_IDS[LEVEL_IDS.indexOf(level) + offset];
}
