import { startEmbedHost } from '../embed/embedHost';
import { rawOptionsFromSearch } from '../options/parseOptions';
import { parseOrigins } from '../embed/protocol';
import {
  defineSpineProcedureViewer,
  type SpineProcedureViewerElement,
} from '../embed/SpineProcedureViewerElement';

/*
 * embed.html, the iframe page: the same URL parameters as the standalone page, plus `origins`, the comma-separated
 * allow-list of parent origins that may send commands over postMessage (see src/embed/protocol.ts).
 */
const params = new URLSearchParams(window.location.search);
const viewer = document.querySelector('spine-procedure-viewer') as SpineProcedureViewerElement | null;
if (viewer) {
  for (const [name, value] of Object.entries(rawOptionsFromSearch(window.location.search)))
    viewer.setAttribute(name, value);
  // Share links open the standalone page next to this one, not the iframe page.
  defineSpineProcedureViewer({ shareUrl: new URL('index.html', window.location.href).href });
  const { origins, rejected } = parseOrigins(params.get('origins'));
  if (rejected.length > 0) {
    // Bad entries are dropped, never widened: with none left the viewer is read-only (getState and events).
    console.warn(
      `spine-procedure-viewer: ignored "origins" entries ${rejected.map((r) => `"${r}"`).join(', ')}; ` +
        'each must be an origin such as https://example.org or http://localhost:8080',
    );
  }
  startEmbedHost(viewer, { origins });
}
