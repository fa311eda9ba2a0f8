import type { BufferGeometry } from 'three';

/**
 * Where a tag names one of the outline's lines: its front end on the upper endplate (the line's most anterior
 * point above the body's middle, +z anterior and +y cranial in the level's frame). Beside the front wall the tag
 * lies clear of the bone in every view of the opened or see-through body, which all show the front on the left.
 * Null for an empty line.
 */
export function outlineTagAnchor(line: BufferGeometry, middleY: number): [number, number, number] | null {
  const position = line.getAttribute('position');
  if (!position) return null;
  let best = -1;
  for (let i = 0; i < position.count; i++) {
    if (position.getY(i) < middleY) continue;
    if (best < 0 || position.getZ(i) > position.getZ(best)) best = i;
  }
  return best < 0 ? null : [position.getX(best), position.getY(best), position.getZ(best)];
}
