import { MEDIA_EVENTS } from '../../playback/viewerEvents';
import type { ViewerController } from '../../playback/viewerController';

/**
 * What a media element fires once it can play, in its order. The viewer has no file to load: its duration is
 * known from the start and every moment is computed, so it fires them all when its first frame is drawn (and again
 * after being put back in a document, whose fresh view draws a fresh first frame).
 */
export const READY_EVENTS = [
  'durationchange',
  'loadedmetadata',
  'loadeddata',
  'canplay',
  'canplaythrough',
] as const;

/**
 * Dispatch the media events on the element, for player UIs and analytics that speak HTMLMediaElement: the
 * controller's media events (with a `detail`, as the viewer's other events have), `loadedmetadata` after each
 * `durationchange` (a new procedure is new metadata: player UIs read `seekable` on it), and `READY_EVENTS` at
 * first readiness.
 */
export function dispatchMediaEvents(target: EventTarget, controller: ViewerController): void {
  const fire = (type: string, detail: unknown) => target.dispatchEvent(new CustomEvent(type, { detail }));
  for (const type of MEDIA_EVENTS)
    controller.on(type, (detail) => {
      fire(type, detail);
      if (type === 'durationchange') fire('loadedmetadata', detail);
    });
  controller.on('ready', () => {
    const detail = { duration: controller.getTimeline().duration };
    for (const type of READY_EVENTS) fire(type, detail);
  });
}
