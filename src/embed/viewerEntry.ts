import { defineSpineProcedureViewer } from './SpineProcedureViewerElement';
import { setDefaultShareBase } from './shareLink';

/*
 * The script-tag bundle (`spine-procedure-viewer.js`): importing it defines <spine-procedure-viewer>. Share links
 * of viewers without a `share-url` open the standalone page that sits next to this file.
 */
const here = import.meta.url;
setDefaultShareBase(new URL('index.html', here).href);
defineSpineProcedureViewer();

export { SpineProcedureViewerElement, defineSpineProcedureViewer } from './SpineProcedureViewerElement';
export type { RevealMode, ViewerStateSnapshot } from './SpineProcedureViewerElement';
