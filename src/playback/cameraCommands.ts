/** A step of the 3D view asked for from the keyboard or a button (WCAG 2.5.7: dragging has an alternative). */
export type CameraNudge = 'left' | 'right' | 'up' | 'down' | 'in' | 'out' | 'reset';

export const CAMERA_NUDGES: readonly CameraNudge[] = ['left', 'right', 'up', 'down', 'in', 'out', 'reset'];

/** Where the camera is, for diagnostics and tests: the orbit's angles (radians) and distance (mm). */
export interface CameraPose {
  azimuth: number;
  polar: number;
  distance: number;
}

/**
 * The channel from the interface to the 3D camera: the scene's camera rig registers how to turn, zoom and reset the
 * view, buttons and keys ask through here (the controller's renderer bridge holds one per viewer, so two viewers
 * on a page never drive each other). Without a 3D view (no WebGL, or not mounted yet) a request does nothing and
 * says so. The rig also keeps the current pose here, updated in place (no allocation per frame).
 */
export class CameraCommands {
  private handler: ((nudge: CameraNudge) => void) | null = null;
  /** The camera's orbit around its target, as last drawn. */
  readonly pose: CameraPose = { azimuth: 0, polar: 0, distance: 0 };

  /** The camera rig registers its handler; null when it unmounts. */
  attach(handler: ((nudge: CameraNudge) => void) | null): void {
    this.handler = handler;
  }

  /** True while a 3D view can take requests. */
  get available(): boolean {
    return this.handler !== null;
  }

  /** Turn, zoom or reset the view; false when there is no 3D view to move. */
  request(nudge: CameraNudge): boolean {
    if (!this.handler) return false;
    this.handler(nudge);
    return true;
  }
}
