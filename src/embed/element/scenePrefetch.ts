import { decodeSpineModelInWorker } from '../../anatomy/spineModelDecode';
import { fetchStudioLight } from '../../scene/studioLight/studioLightFile';
import { loadViewerCanvas } from '../../ui/viewerCanvasChunk';
import type { RevealMode } from '../../options/optionValues';

/** Whether any of the element is inside the window now (one layout read). */
export function inViewport(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom >= 0 && box.right >= 0 && box.top <= innerHeight && box.left <= innerWidth;
}

/**
 * Whether a viewer starts its downloads as it connects: one already on screen that shows itself when seen, where
 * WebGL2 runs. One further down the page downloads nothing until it is scrolled to (its mount starts them then).
 */
export function prefetchesAtConnect(element: Element, reveal: RevealMode, webgl: boolean): boolean {
  return webgl && reveal === 'auto' && inViewport(element);
}

/**
 * Start the model's download and decoding, the studio light's download and the canvas chunk's download (each once per page, shared by every viewer), in parallel with
 * everything else. The worker also merges the static spine around the `treatedLevels` the viewer opens on. A failure is not reported here: it shows when the canvas mounts and asks for them.
 */
export function prefetchScene(treatedLevels: readonly string[]): void {
  void decodeSpineModelInWorker(treatedLevels).catch(() => undefined);
  void fetchStudioLight().catch(() => undefined);
  void loadViewerCanvas().catch(() => undefined);
}
