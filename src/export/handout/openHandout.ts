import type { ViewerController } from '../../playback/viewerController';
import { optionsOfSettings } from '../../playback/viewerSettings';
import { handoutPage, momentLink } from './handoutLink';

/** Why there is no handout to open: said by openHandout's rejection and in the console. */
export const NO_HANDOUT_PAGE =
  'No handout page: this viewer was bundled without handout.html. Serve the package’s dist folder as published, ' +
  'or call defineSpineProcedureViewer({ handoutUrl }) with the address of its handout.html';

/** The handout's address for the viewer's procedure, level, grade, settings, language and moment; null without a page. */
export function handoutUrlOf(controller: ViewerController): string | null {
  const page = handoutPage();
  if (!page) return null;
  const settings = controller.getSettings();
  const base = new URL(page, window.location.href).href;
  return momentLink(base, optionsOfSettings(settings), controller.currentStepKey(), controller.getTime());
}

/**
 * Open the take-home handout of what the viewer shows now in a new tab (noopener: the handout cannot reach back
 * into this page). Resolves to the handout's address; rejects when there is no handout page.
 */
export function openHandoutOf(controller: ViewerController): Promise<string> {
  const url = handoutUrlOf(controller);
  if (!url) return Promise.reject(new Error(NO_HANDOUT_PAGE));
  window.open(url, '_blank', 'noopener');
  return Promise.resolve(url);
}
