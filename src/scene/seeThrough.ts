import type { Material } from 'three';

/** Translucency of the closed body while the action is inside it and the cutaway is off. */
export const GHOST_OPACITY = 0.35;
/** Translucency of the treated body, closed again at the result, so the cement inside it shows (the arch stays solid). */
export const SEE_THROUGH_OPACITY = 0.45;

/** Fade a material by `fade` (0 opaque … 1 gone); transparent only while it fades, so it sorts as opaque otherwise. */
export function showThrough(material: Material, fade: number): void {
  const faded = fade > 0;
  if (material.transparent !== faded) {
    material.transparent = faded;
    material.needsUpdate = true;
  }
  material.opacity = 1 - fade;
  material.depthWrite = !faded;
}
