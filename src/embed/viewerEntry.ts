import { defineSpineProcedureViewer } from './SpineProcedureViewerElement';

/*
 * The script-tag bundle (`spine-procedure-viewer.js`): importing it defines <spine-procedure-viewer>. Share links
 * of viewers without a `share-url` open the standalone page that sits next to this file.
 */
defineSpineProcedureViewer({ shareUrl: new URL('index.html', import.meta.url).href });

export { SpineProcedureViewerElement, defineSpineProcedureViewer } from './SpineProcedureViewerElement';
export type { RenderStats, RevealMode, ViewerStateSnapshot } from './SpineProcedureViewerElement';
