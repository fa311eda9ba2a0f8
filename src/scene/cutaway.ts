import type { VertebraLandmarks } from '../anatomy/vertebraLandmarks';
import type { ProcedureState } from '../procedure/procedureState';

/** A plane constant far enough out that nothing is clipped (keeps the shader programs unchanged). */
export const OPEN_CUT = 1000;

/**
 * x of the mid-sagittal cut that opens the treated body (the patient's left half is removed, facing the guided
 * cameras). It slides in from outside the body as the action moves inside, so opening is smooth and exact when
 * scrubbed. Everything inside the body (bone, balloon, cement) is cut by the same plane.
 */
export function cutawayX(state: ProcedureState, enabled: boolean, marks: VertebraLandmarks): number {
  return enabled ? (1 - state.insideView) * (marks.bodyWidthMm / 2 + 4) : OPEN_CUT;
}
