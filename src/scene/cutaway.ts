import { Plane, Vector3, type IUniform } from 'three';
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

/**
 * One viewer's mid-sagittal cut, in two forms that always hold the same x: a clipping plane for the bone and
 * balloon materials (removes x > cut) and a uniform for the cement's ray march.
 */
export interface Cutaway {
  /** Clipping plane shared by every material the cut opens. */
  plane: Plane;
  /** The cut's x, read by shaders that clip themselves. */
  x: IUniform<number>;
}

export function createCutaway(): Cutaway {
  return { plane: new Plane(new Vector3(-1, 0, 0), OPEN_CUT), x: { value: OPEN_CUT } };
}

/** Move the cut to where the state puts it (called once per frame). */
export function updateCutaway(
  cutaway: Cutaway,
  state: ProcedureState,
  enabled: boolean,
  marks: VertebraLandmarks,
): void {
  const x = cutawayX(state, enabled, marks);
  cutaway.plane.constant = x;
  cutaway.x.value = x;
}
