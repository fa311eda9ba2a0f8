import type { Plane } from 'three';
import type { ProcedureState } from '../procedure/procedureState';
import { createTreatedBoneMaterial } from './boneMaterial';

/** A part of the arch that is a pedicle (vertebraParts.ts names them `pedicle_left` and `pedicle_right`). */
export const PEDICLE_PART = /_pedicle_(left|right)$/;

/**
 * How far past the cut a face of the arch still stands for its section (mm): a little more than a pedicle or
 * transverse process is thick, seen at the close-ups' slant. The arch is one bone with two sides: without a limit,
 * the far side's facets behind the cut painted a flat slab of section over the picture.
 */
const ARCH_CAP_REACH_MM = 14;

/** How the treated vertebra's arch and its pedicles are highlighted at one moment. */
export interface ArchLook {
  archHighlight: number;
  pedicleHighlight: number;
}

export function createArchLook(): ArchLook {
  return { archHighlight: 0, pedicleHighlight: 0 };
}

/**
 * While the vertebra is cut across through the needles (access, `axialCut`), the pedicles carry the highlight and
 * the rest of the arch gives it up: the two bony bridges the needles run through stand out in the section (a blind
 * review could not find the pedicles in an evenly tinted arch). Otherwise the whole arch looks alike. Written into
 * `out` (once per frame, no allocation).
 */
export function archLook(state: Pick<ProcedureState, 'highlight' | 'axialCut'>, out: ArchLook): ArchLook {
  const across = state.axialCut;
  out.archHighlight = state.highlight * (1 - across);
  out.pedicleHighlight = Math.max(state.highlight, across);
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

/** One pair of arch materials set to a look's highlight (once per frame). */
export function applyArchLook(pair: ReturnType<typeof createArchMaterials>, highlight: number): void {
  pair.plain.uniforms.uHighlight.value = highlight;
  pair.cut.uniforms.uHighlight.value = highlight;
}
