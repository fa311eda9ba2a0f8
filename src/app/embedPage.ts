import { startEmbedHost } from '../embed/embedHost';
import { originNoticeTexts } from '../embed/originNotices';
import { parseOrigins } from '../embed/origins';
import { displayValue } from '../options/displayValue';
import {
  defineSpineProcedureViewer,
  type SpineProcedureViewerElement,
} from '../embed/SpineProcedureViewerElement';

/**
 * embed.html's viewer, once its element's script is here: defined, its `origins` checked (the comma-separated
 * allow-list of parent origins that may send commands over postMessage, src/embed/protocol.ts), hosted, and
 * offline use registered once it has drawn.
 */
export function hostEmbeddedViewer(viewer: SpineProcedureViewerElement): void {
  const params = new URLSearchParams(window.location.search);
  // Share links open the standalone page next to this one, not the iframe page.
  defineSpineProcedureViewer({
    shareUrl: new URL('index.html', window.location.href).href,
    handoutUrl: new URL('handout.html', window.location.href).href,
  });
  const { origins, rejected } = parseOrigins(params.get('origins'));
  if (rejected.length > 0) {
    // Bad entries are dropped, never widened: with none left the viewer is read-only (getState and events).
    // The notice is in the viewer, where whoever wrote the iframe URL sees it; the console names every entry.
    // In the viewer's own language (the `lang` parameter, else the one the browser prefers).
    for (const text of originNoticeTexts(rejected, viewer.lang)) viewer.showNotice(text);
    console.warn(
      `spine-procedure-viewer: ignored "origins" entries ${rejected.map((r) => `"${displayValue(r)}"`).join(', ')}; ` +
        'each must be an origin such as https://example.org or http://localhost:8080',
    );
  }
  startEmbedHost(viewer, { origins });
  // Second visits and offline use, once the first frame is drawn.
  viewer.ready
    .then(() => import('./offline/registerServiceWorker'))
    .then(({ registerOfflineUse }) => registerOfflineUse())
    // No first frame, or the module could not be loaded: only offline use is lost.
    .catch(() => undefined);
}
