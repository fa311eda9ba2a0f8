import type { ViewerController } from '../../playback/viewerController';

/*
 * The export running in each viewer, if any: one at a time per viewer (they would fight over its time). Kept
 * apart from the export code, which loads only when used, so the "Save video" button can cancel an export that
 * the page's script started.
 */
const running = new WeakMap<ViewerController, AbortController>();

export function activeExport(controller: ViewerController): AbortController | undefined {
  return running.get(controller);
}

export function setActiveExport(controller: ViewerController, abort: AbortController | null): void {
  if (abort) running.set(controller, abort);
  else running.delete(controller);
}

/** Whether this browser can encode video at all (WebCodecs). */
export function canExportVideo(): boolean {
  return typeof VideoEncoder !== 'undefined' && typeof VideoFrame !== 'undefined';
}
