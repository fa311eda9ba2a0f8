/*
 * What a part's name says about it, without three.js (the decoding worker classifies the parts too).
 */

/** A bone (T1 … L5, S1) or disc node: the owner of the part meshes under it. */
export function isOwnerName(name: string): boolean {
  // T1–T12, L1–L5 (levels.ts) and S1, spelled out here so the worker carries no level table.
  return /^(T([1-9]|1[0-2])|L[1-5]|S1)$/.test(name) || name.startsWith('disc_');
}

/** A rib mesh (`T7_rib_left` …): it stays in the static spine even when its level is treated. */
export function isRibName(name: string): boolean {
  return /_rib_(left|right)$/.test(name);
}

/** The ribs and the iliac wings: context around the spine rather than part of it. */
export function isContextBoneName(name: string): boolean {
  return isRibName(name) || /^ilium_(left|right)$/.test(name);
}

/** The vertices one part holds in a merged geometry: `count` from `start`. */
export interface MergedPartRange {
  name: string;
  start: number;
  count: number;
}
