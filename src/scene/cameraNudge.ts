import { Quaternion, Spherical, Vector3 } from 'three';
import type { CameraNudge } from '../playback/cameraCommands';

/** How close and how far the camera may go (mm from its target), for a drag and a key alike. */
export const MIN_DISTANCE = 40;
export const MAX_DISTANCE = 2400;
/** One key press or button press turns the view by 15° or zooms by a quarter. */
const TURN = Math.PI / 12;
const ZOOM = 1.25;
/** Keeps a turn up or down short of the poles, where the view would flip. */
const POLE_MARGIN = 0.05;
const UP_Y = new Vector3(0, 1, 0);

/** The scratch objects a nudge and the pose read use (made once per rig). */
export interface OrbitScratch {
  offset: Vector3;
  toYUp: Quaternion;
  fromYUp: Quaternion;
  spherical: Spherical;
}

/** The camera's orbit around `target`, about the camera's own up (as OrbitControls measures it). */
export function orbitOf(
  camera: { position: Vector3; up: Vector3 },
  target: Vector3,
  s: OrbitScratch,
): Spherical {
  s.toYUp.setFromUnitVectors(camera.up, UP_Y);
  s.offset.copy(camera.position).sub(target).applyQuaternion(s.toYUp);
  return s.spherical.setFromVector3(s.offset);
}

/**
 * One step of the view: left/right turn around the subject, up/down tilt over it, in/out zoom towards it; the
 * camera keeps looking at the target. Nothing is allocated.
 */
export function nudgeCamera(
  camera: { position: Vector3; up: Vector3; lookAt(v: Vector3): void; updateMatrixWorld(): void },
  target: Vector3,
  nudge: Exclude<CameraNudge, 'reset'>,
  s: OrbitScratch,
): void {
  const orbit = orbitOf(camera, target, s);
  if (nudge === 'left') orbit.theta -= TURN;
  else if (nudge === 'right') orbit.theta += TURN;
  else if (nudge === 'up') orbit.phi -= TURN;
  else if (nudge === 'down') orbit.phi += TURN;
  else if (nudge === 'in') orbit.radius /= ZOOM;
  else orbit.radius *= ZOOM;
  orbit.phi = Math.min(Math.PI - POLE_MARGIN, Math.max(POLE_MARGIN, orbit.phi));
  orbit.radius = Math.min(MAX_DISTANCE, Math.max(MIN_DISTANCE, orbit.radius));
  s.fromYUp.copy(s.toYUp).invert();
  s.offset.setFromSpherical(orbit).applyQuaternion(s.fromYUp);
  camera.position.copy(target).add(s.offset);
  camera.lookAt(target);
  camera.updateMatrixWorld();
}

/** Fresh scratch objects for orbitOf and nudgeCamera (one set per camera rig). */
export function orbitScratch(): OrbitScratch {
  return {
    offset: new Vector3(),
    toYUp: new Quaternion(),
    fromYUp: new Quaternion(),
    spherical: new Spherical(),
  };
}
