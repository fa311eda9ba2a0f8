import type { ViewerController } from '../../playback/viewerController';
import type { ProcedureState } from '../../procedure/procedureState';

/**
 * What the handout needs of <spine-procedure-viewer>, as a type: export code does not import the element (the
 * page that builds the handout defines it). The controller is the element's internal one: the handout asks its
 * renderer for a frame without the X-ray inset.
 */
export interface HandoutViewer extends HTMLElement {
  currentTime: number;
  readonly ready: Promise<void>;
  readonly controller: ViewerController;
  getState(): ProcedureState;
}
