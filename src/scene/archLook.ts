import type { Plane } from 'three';
import type { ProcedureState } from '../procedure/procedureState';
import { createTreatedBoneMaterial } from './boneMaterial';
import { SEE_THROUGH_OPACITY, showThrough } from './seeThrough';

/** A part of the arch that is a pedicle (vertebraParts.ts names them `pedicle_left` and `pedicle_right`). */
export const PEDICLE_PART = /_pedicle_(left|right)$/;

/**
 * How far past the cut a face of the arch still stands for its section (mm): a little more than a pedicle or
 * transverse process is thick, seen at the close-ups' slant. The arch is one bone with two sides: without a limit,
 * the far side's facets behind the cut painted a flat slab of section over the picture.
 */
const ARCH_CAP_REACH_MM = 14;

/** Opacity of the rest of the arch while the pedicles (as see-through as the whole vertebra) show the needles' way. */
const ARCH_OPACITY = 0.35;

/** How the treated vertebra's arch and its pedicles look at one moment: highlight and fade (0 opaque … 1 gone). */
export interface ArchLook {
  archHighlight: number;
  pedicleHighlight: number;
  archFade: number;
  pedicleFade: number;
}

export function createArchLook(): ArchLook {
  return { archHighlight: 0, pedicleHighlight: 0, archFade: 0, pedicleFade: 0 };
}

/**
 * While the needles run inside the arch (access, `archSeeThrough`), the pedicles are its solid, highlighted part
 * and the rest of it fades further and gives its highlight up: the two bony bridges the needles go through stand
 * out around them (a blind review could not find the pedicles in an evenly see-through arch). Otherwise the whole
 * arch looks alike. Written into `out` (once per frame, no allocation).
 */
export function archLook(
  state: Pick<ProcedureState, 'highlight' | 'archSeeThrough'>,
  out: ArchLook,
): ArchLook {
  const through = state.archSeeThrough;
  out.archHighlight = state.highlight * (1 - through);
  out.pedicleHighlight = Math.max(state.highlight, through);
  out.archFade = (1 - ARCH_OPACITY) * through;
  out.pedicleFade = (1 - SEE_THROUGH_OPACITY) * through;
  return out;
}

/**
 * One look's pair of arch materials: `plain` (closed: the untreated bones' program, one face per triangle) and
 * `cut` (open along `plane`, sharing the body's program with a fracture field that never moves: its heights stay 1).
 */
export function createArchMaterials(plane: Plane) {
  const plain = createTreatedBoneMaterial({ fracture: false, clip: null });
  const cut = createTreatedBoneMaterial({ fracture: true, clip: plane });
  cut.uniforms.uCapReach.value = ARCH_CAP_REACH_MM;
  return { plain, cut };
}

/** One pair of arch materials set to a look's highlight and fade (once per frame). */
export function applyArchLook(
  pair: ReturnType<typeof createArchMaterials>,
  highlight: number,
  fade: number,
): void {
  pair.plain.uniforms.uHighlight.value = highlight;
  pair.cut.uniforms.uHighlight.value = highlight;
  showThrough(pair.plain.material, fade);
  showThrough(pair.cut.material, fade);
}
