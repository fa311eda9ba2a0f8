import { BufferAttribute, type BufferGeometry } from 'three';
import { isRibName, type MergedPartRange } from '../anatomy/partNames';
import { XRAY_FADE_ATTRIBUTE } from '../fluoro/attenuationMaterial';

/** Share of a modelled rib's reach (from its head) over which its X-ray cortex fades out towards its cut end. */
const FADE_FROM = 0.55;

/**
 * How much of its cortical outline each vertex of the merged context bones keeps on the X-ray (1 = all): a rib is
 * modelled only over its proximal part, and its cut end drew a bright rounded outline like the end of a bar in the
 * middle of the chest. Along each rib the outline fades from FADE_FROM of its reach (its distance from its head,
 * the vertex nearest the midline) to nothing at its end, as a real rib's outline fades into the lung field beyond
 * the part the model holds. The iliac wings keep theirs whole.
 */
export function ribEndFade(geometry: BufferGeometry, ranges: readonly MergedPartRange[]): Float32Array {
  const position = geometry.getAttribute('position');
  const fade = new Float32Array(position.count).fill(1);
  for (const range of ranges) {
    if (!isRibName(range.name) || range.count === 0) continue;
    const end = range.start + range.count;
    let head = range.start;
    for (let v = range.start; v < end; v++)
      if (Math.abs(position.getX(v)) < Math.abs(position.getX(head))) head = v;
    const hx = position.getX(head);
    const hy = position.getY(head);
    const hz = position.getZ(head);
    const reach = (v: number) =>
      Math.hypot(position.getX(v) - hx, position.getY(v) - hy, position.getZ(v) - hz);
    let longest = 1e-6;
    for (let v = range.start; v < end; v++) longest = Math.max(longest, reach(v));
    for (let v = range.start; v < end; v++) {
      const t = Math.min(1, Math.max(0, (reach(v) / longest - FADE_FROM) / (1 - FADE_FROM)));
      fade[v] = 1 - t * t * (3 - 2 * t);
    }
  }
  return fade;
}

/** Give the context bones' geometry its X-ray fade, once (the X-ray pass asks before it first draws them). */
export function ensureRibEndFade(geometry: BufferGeometry, ranges: readonly MergedPartRange[]): void {
  if (geometry.getAttribute(XRAY_FADE_ATTRIBUTE)) return;
  geometry.setAttribute(XRAY_FADE_ATTRIBUTE, new BufferAttribute(ribEndFade(geometry, ranges), 1));
}
