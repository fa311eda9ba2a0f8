import {
  Plane,
  type Camera,
  Vector3,
  Vector4,
  type BufferGeometry,
  type IUniform,
  type Matrix4,
  type Object3D,
} from 'three';
import type { NeedlePath } from '../procedure/accessPath';
import type { ProcedureState } from '../procedure/procedureState';

/** A plane constant far enough out that nothing is clipped (keeps the shader programs unchanged). */
export const OPEN_CUT = 1000;

/**
 * How far outside its final place the cut starts (mm, across the plane): beyond every part of the treated
 * vertebra, transverse processes included (at most ~25 mm from the track at L1–L5), so opening is smooth.
 */
export const CUT_TRAVEL_MM = 50;

/**
 * The cut that opens the treated vertebra, in the vertebra's own frame: the vertical plane that holds the first
 * needle's track (the patient's left, facing the guided cameras), with everything lateral of it removed. The
 * section runs down the pedicle along the needle and on into the body, so the pedicle, the needle in it, the
 * balloon and the cement lie in one continuous cut face (a mid-sagittal cut left the pedicle whole and apart from
 * the opened body, with the instruments crossing air between them). The plane holds the needle because the track
 * only tilts in the sagittal direction it contains. It slides in from outside as the action moves inside, so
 * opening is smooth and exact when scrubbed.
 *
 * Written as (normal, constant) with the normal pointing into the kept half, as three's clipping planes are:
 * a point p is kept where dot(normal, p) + constant ≥ 0.
 */
export function cutawayPlane(
  state: Pick<ProcedureState, 'insideView' | 'axialCut'>,
  enabled: boolean,
  needle: NeedlePath,
  out: Vector4,
): Vector4 {
  if (!enabled) return needleCutPlane(needle, OPEN_CUT, out);
  // Between access (cut across) and the steps inside (cut along), one cut slides out as the other slides in:
  // the one further in holds the plane. Where they cross, both stand CUT_TRAVEL_MM / 2 out, clear of the body.
  if (cutsAcross(state)) return axialCutPlane(needle, (1 - state.axialCut) * CUT_TRAVEL_MM, out);
  return needleCutPlane(needle, (1 - state.insideView) * CUT_TRAVEL_MM, out);
}

/** Whether the cut across the spine holds the plane now (it is further in than the cut along the needle). */
export function cutsAcross(state: Pick<ProcedureState, 'insideView' | 'axialCut'>): boolean {
  return state.axialCut > state.insideView;
}

/**
 * The plane across the spine that holds both needles' tracks (access): the needles of a bipedicular plan are
 * mirror images with one sagittal tilt, so the plane through the left-right axis and that tilt holds both (a
 * unipedicular needle alone lies in it too). The caudal half is removed, so the section faces the feet, where the
 * access camera stands; `offsetMm` moves the plane towards the feet (less removed).
 */
export function axialCutPlane(needle: NeedlePath, offsetMm: number, out: Vector4): Vector4 {
  const [, dy, dz] = needle.direction;
  const length = Math.hypot(dy, dz);
  // Across the track's sagittal direction, pointing to the head (vertebra frame: y cranial, z anterior).
  const sign = dz >= 0 ? 1 : -1;
  const ny = (sign * dz) / length;
  const nz = (-sign * dy) / length;
  return out.set(0, ny, nz, -(ny * needle.entry[1] + nz * needle.entry[2]) + offsetMm);
}

/** The upright plane through a needle's track, moved `offsetMm` out towards the side the needle came from. */
export function needleCutPlane(needle: NeedlePath, offsetMm: number, out: Vector4): Vector4 {
  const [dx, , dz] = needle.direction;
  const length = Math.hypot(dx, dz);
  // Out of the kept half: across the track, towards the side the needle came from (lateral, a little anterior).
  const sign = needle.side === 'left' ? 1 : -1;
  const mx = (sign * dz) / length;
  const mz = (-sign * dx) / length;
  return out.set(-mx, 0, -mz, mx * needle.entry[0] + mz * needle.entry[2] + offsetMm);
}

/**
 * One viewer's cutaway, in two forms that always hold the same cut: a clipping plane in world space for the
 * bone and balloon materials, and the same plane in the treated vertebra's frame for shaders that clip
 * themselves (the cement's ray march).
 */
export interface Cutaway {
  /** Clipping plane shared by every material the cut opens (world space). */
  plane: Plane;
  /** The same plane in the treated vertebra's frame: (normal, constant), kept where dot(n, p) + c ≥ 0. */
  local: IUniform<Vector4>;
  /** The balloon's hollow on the cut, which the cap leaves open. */
  hole: CutHole;
}

/**
 * The hollow the first balloon leaves, which the cut runs through (its needle lies in the plane): its mesh, a
 * unit sphere placed and scaled into the hollow (BalloonCavity), or null. The cut bone reads its matrix before
 * each draw and leaves its cap open inside it.
 */
export interface CutHole {
  object: Object3D | null;
}

/**
 * Whether the hollow shows now; if so, `out` takes view space into its unit sphere (a point is inside when its
 * length there is under 1). Read before each draw by everything that leaves the hollow open.
 */
export function holeFromView(hole: CutHole, camera: Camera, out: Matrix4): boolean {
  const cavity = hole.object;
  if (cavity === null || !cavity.visible) return false;
  out.multiplyMatrices(camera.matrixWorldInverse, cavity.matrixWorld).invert();
  return true;
}

export function createCutaway(): Cutaway {
  return {
    plane: new Plane(new Vector3(-1, 0, 0), OPEN_CUT),
    local: { value: new Vector4(-1, 0, 0, OPEN_CUT) },
    hole: { object: null },
  };
}

/** Move the cut to where the state puts it (called once per frame); `toWorld` is the vertebra's world matrix. */
export function updateCutaway(
  cutaway: Cutaway,
  state: ProcedureState,
  enabled: boolean,
  needle: NeedlePath,
  toWorld: Matrix4,
): void {
  const local = cutawayPlane(state, enabled, needle, cutaway.local.value);
  cutaway.plane.normal.set(local.x, local.y, local.z);
  cutaway.plane.constant = local.w;
  cutaway.plane.applyMatrix4(toWorld);
}

/**
 * Whether the 3D view leaves out a needle's instrument: while the cut is open (any of `insideView`, with the cutaway
 * on), every needle but the first, whose track the cut holds. The others lie behind the section, where the cap
 * hides what is inside the bone; their shafts came out of the far arch as stray rods beside the opened body. The
 * X-ray still shows them (`userData.fluoroAlways`).
 */
export function behindTheCut(
  needleIndex: number,
  state: Pick<ProcedureState, 'insideView' | 'axialCut'>,
  enabled: boolean,
): boolean {
  // The cut across the spine holds every needle: none is behind it.
  return needleIndex > 0 && enabled && state.insideView > 0 && !cutsAcross(state);
}

/** Whether the cutaway stands open now (along a needle or across the spine): the cut faces are drawn. */
export function cutOpen(state: Pick<ProcedureState, 'insideView' | 'axialCut'>, enabled: boolean): boolean {
  return enabled && (state.insideView > 0 || state.axialCut > 0);
}

/**
 * Show or leave out each needle's instrument meshes (by needle, then by slot; null where React has none) as
 * behindTheCut says for this moment. Plain loops: it runs every frame.
 */
export function showInFrontOfTheCut(
  meshes: readonly (readonly ({ visible: boolean } | null)[] | undefined)[],
  state: Pick<ProcedureState, 'insideView' | 'axialCut'>,
  enabled: boolean,
): void {
  for (let i = 0; i < meshes.length; i++) {
    const own = meshes[i];
    if (!own) continue;
    const shown = !behindTheCut(i, state, enabled);
    for (let k = 0; k < own.length; k++) {
      const mesh = own[k];
      if (mesh) mesh.visible = shown;
    }
  }
}

/** Whether a plane ((normal, constant), cutaway.ts) passes through a geometry: vertices lie on both sides. */
export function crossesPlane(geometry: BufferGeometry, plane: Vector4): boolean {
  const position = geometry.getAttribute('position');
  let kept = false;
  let removed = false;
  for (let i = 0; i < position.count && !(kept && removed); i++) {
    const d = plane.x * position.getX(i) + plane.y * position.getY(i) + plane.z * position.getZ(i) + plane.w;
    if (d >= 0) kept = true;
    else removed = true;
  }
  return kept && removed;
}
