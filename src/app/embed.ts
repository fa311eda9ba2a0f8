import { prefetchBeforeUpgrade } from '../embed/element/prefetchBeforeUpgrade';
import { rawOptionsFromSearch } from '../options/parseOptions';
import type { SpineProcedureViewerElement } from '../embed/SpineProcedureViewerElement';

/*
 * embed.html, the iframe page: the same URL parameters as the standalone page, plus `origins` (embedPage.ts).
 * The URL's options become the viewer's attributes before it upgrades, so they go through the same validation.
 */
const viewer = document.querySelector('spine-procedure-viewer');
if (viewer) {
  for (const [name, value] of Object.entries(rawOptionsFromSearch(window.location.search)))
    viewer.setAttribute(name, value);
  // The model's download and decoding start before the element's script, not after it has been parsed.
  prefetchBeforeUpgrade(viewer);
  void import('./embedPage').then(({ hostEmbeddedViewer }) => {
    // The page's viewer now: the one in the markup may have been replaced while the element's script loaded.
    const hosted = document.querySelector<SpineProcedureViewerElement>('spine-procedure-viewer');
    if (hosted) hostEmbeddedViewer(hosted);
  });
}
