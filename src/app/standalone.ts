import { prefetchBeforeUpgrade } from '../embed/element/prefetchBeforeUpgrade';
import { rawOptionsFromSearch } from '../options/parseOptions';
import type { SpineProcedureViewerElement } from '../embed/SpineProcedureViewerElement';

/*
 * The standalone page is the element itself: the page URL's options (?procedure=…&level=…&t=…) become its
 * attributes before it upgrades, so links and embed attributes go through the same validation. Share links point
 * back at this page.
 */
const viewer = document.querySelector('spine-procedure-viewer');
if (viewer) {
  for (const [name, value] of Object.entries(rawOptionsFromSearch(window.location.search)))
    viewer.setAttribute(name, value);
  // The model's download and decoding start before the element's script, not after it has been parsed.
  prefetchBeforeUpgrade(viewer);
}
void import('../embed/SpineProcedureViewerElement').then(({ defineSpineProcedureViewer }) => {
  defineSpineProcedureViewer({
    shareUrl: window.location.href,
    handoutUrl: new URL('handout.html', window.location.href).href,
  });
  // Second visits and offline use, once the first frame is drawn (the element's own script never registers it).
  // The page's viewer now: the one in the markup may have been replaced while the element's script loaded.
  document
    .querySelector<SpineProcedureViewerElement>('spine-procedure-viewer')
    ?.ready.then(() => import('./offline/registerServiceWorker'))
    .then(({ registerOfflineUse }) => registerOfflineUse())
    // No first frame, or the module could not be loaded: only offline use is lost.
    .catch(() => undefined);
});
