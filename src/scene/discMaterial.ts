import { Color, type MeshStandardMaterial } from 'three';
import { createAnnulusMaterial } from './boneMaterial';
import type { FocusUniform } from './focusGlsl';

/**
 * Colour of the disc's outer wall, the annulus fibrosus: fibrocartilage is a pearly off-white, greyer and a touch
 * rosier than bone's ivory, so each disc separates from the bodies beside it without a colour of its own. Not
 * blue: blue means the balloon's contrast fluid. The nucleus pulposus (gel, inside the annulus) is never exposed
 * by any view, so the disc only needs the annulus.
 */
export const ANNULUS_COLOR = new Color('#cfc3c1');

/** Satin: a little glossier than dry bone (fibrocartilage is wet). */
const ANNULUS_ROUGHNESS = 0.55;

/**
 * The intervertebral discs: matte-satin annulus with a faint cross-hatch of oblique fibre bundles
 * (SURFACE_COLOR_FRAGMENT in boneSurfaceGlsl.ts), drawn by bone's uncut program so they cost the first frame
 * no program of their own.
 */
export function createDiscMaterial(focus?: FocusUniform): MeshStandardMaterial {
  return createAnnulusMaterial(ANNULUS_COLOR, ANNULUS_ROUGHNESS, focus);
}
