import { defineSpineProcedureViewer } from './SpineProcedureViewerElement';

/*
 * The script-tag bundle and the package's main entry (`spine-procedure-viewer.js`): importing it defines
 * <spine-procedure-viewer>. Served as built (a static host, a plain <script type="module">), share links of viewers
 * without a `share-url` open the standalone page next to this file. Bundled into another app, this code no longer
 * lives in that file and there is no such page: share links then open the embedding page itself, and openHandout()
 * rejects (there is no handout.html either). The URLs are built from variables so a consumer's bundler does not try to bundle index.html as an asset.
 */
const here = new URL(import.meta.url);
const STANDALONE_PAGE = 'index.html';
const HANDOUT_PAGE = 'handout.html';
defineSpineProcedureViewer(
  here.pathname.endsWith('/spine-procedure-viewer.js')
    ? { shareUrl: new URL(STANDALONE_PAGE, here).href, handoutUrl: new URL(HANDOUT_PAGE, here).href }
    : {},
);

export { SpineProcedureViewerElement, defineSpineProcedureViewer } from './SpineProcedureViewerElement';
export type {
  RenderStats,
  RevealMode,
  VideoExportOptions,
  ViewerStateSnapshot,
} from './SpineProcedureViewerElement';
export type { ViewerErrorType, ViewerEventName, ViewerEvents } from '../playback/viewerEvents';
export type { ViewerOptions } from '../options/optionSchema';
export type { LevelProgress, ProcedureState } from '../procedure/procedureState';
export type { PerLevel } from '../procedure/treatedLevels';
export type { SpineProcedureViewerEventDetail, SpineProcedureViewerEventMap } from './package/viewerEventMap';
// Types that the element's members and events refer to, exported so a consumer can name them.
export type { GraphicsState, ViewerNotice } from '../playback/viewerEvents';
export type { OptionKey, StepKey } from '../options/optionSchema';
export type { PlaybackRate } from '../options/optionValues';
export type {
  ProcedureId,
  ProcedureOptions,
  StepId,
  Timeline,
  TreatedLevel,
  XrayView,
} from '../procedure/types';
export type { ViewerSettings } from '../playback/viewerSettings';
export type {
  Lps,
  ScanErrorCode,
  ScanInfo,
  ScanProgress,
  ScanStateSnapshot,
  ScanTarget,
  ScanVolume,
} from '../scan/types';
