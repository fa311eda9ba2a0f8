import type { ComponentType, KeyboardEvent, ReactNode } from 'react';
import { cameraNudgeForKey } from './cameraKeys';
import { sceneDescription } from './sceneDescription';
import { SceneErrorBoundary } from './SceneErrorBoundary';
import { Transcript } from './Transcript';
import { useGraphicsRecovery } from './useGraphicsRecovery';
import { useLoaded } from '../playback/react/useLoaded';
import {
  useController,
  useCurrentStep,
  useGraphics,
  useReady,
  useSettings,
  useShownBone,
  useT,
} from '../playback/react/viewerHooks';
import { loadViewerCanvas } from './viewerCanvasChunk';

/** The compare view's chunk, loaded only when that view is chosen (a stable loader for useLoaded). */
const loadCompareSides = (): Promise<ComponentType> =>
  import('./compare/CompareSides').then((m) => m.default);

/** The canvas chunk's component (a stable loader for useLoaded). */
const loadCanvasComponent = (): Promise<ComponentType> => loadViewerCanvas().then((module) => module.default);

/** SceneStageProps: whether this browser has WebGL2 at all. */
export interface SceneStageProps {
  /** Without WebGL2 the stage shows the transcript from the start. */
  webgl: boolean;
}

/**
 * The 3D view with its loading, failure and recovery states: a calm notice while loading or restoring a lost
 * context, a remount if no restore comes, and the full transcript when 3D is not possible.
 */
export function SceneStage({ webgl }: SceneStageProps) {
  const controller = useController();
  const t = useT();
  const ready = useReady();
  const graphics = useGraphics();
  const { canvasKey } = useGraphicsRecovery(controller);
  const compare = useSettings().view === 'compare';
  if (!webgl || graphics === 'failed') {
    return (
      // The transcript scrolls in this box: focusable and named, so a keyboard can scroll it (WCAG 2.1.1).
      <div className="spv-fallback" tabIndex={0} role="region" aria-label={t('controls.transcript')}>
        <p className="spv-fallback-notice" role="status">
          {t(webgl ? 'notice.graphicsFailed' : 'notice.webglUnavailable')}
        </p>
        <Transcript />
      </div>
    );
  }
  return (
    <SceneErrorBoundary
      fallback={
        <div className="spv-fallback" tabIndex={0} role="region" aria-label={t('controls.transcript')}>
          <p className="spv-fallback-notice" role="status">
            {t('notice.loadFailed')}
          </p>
          <Transcript />
        </div>
      }
      onError={(error) => {
        controller.reportError('modelload', error.message);
        controller.graphics.markReady();
      }}
    >
      <SceneRegion>
        <LoadedCanvas canvasKey={canvasKey} />
        {compare && <LoadedCompare />}
      </SceneRegion>
      {(!ready || graphics === 'lost') && (
        <p className="spv-loading" role="status">
          {t(graphics === 'lost' ? 'notice.contextLost' : 'app.loading')}
        </p>
      )}
    </SceneErrorBoundary>
  );
}

/**
 * The 3D view as a named, focusable region with a text description of what the current frame shows (for screen
 * readers), and its own keys while focused: arrows turn the view, + / − zoom, 0 or Home reset it.
 */
function SceneRegion({ children }: { children: ReactNode }) {
  const controller = useController();
  const step = useCurrentStep();
  // The description follows the language, the view mode, the camera mode and the bone shown.
  const settings = useSettings();
  useShownBone();
  const t = useT();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const nudge = cameraNudgeForKey(event.key);
    if (nudge && controller.renderer.camera.request(nudge)) event.preventDefault();
  };
  return (
    <div
      className="spv-scene"
      role="region"
      tabIndex={0}
      aria-label={t('a11y.scene.name')}
      aria-describedby="spv-scene-description"
      onKeyDown={onKeyDown}
      // The compare view lays the two procedures out in a grid; the main canvas takes its procedure's place.
      data-compare={settings.view === 'compare' ? settings.procedure : undefined}
    >
      {children}
      <p id="spv-scene-description" className="spv-sr-only">
        {sceneDescription(controller, step)}
      </p>
    </div>
  );
}

/** LoadedCanvasProps: the key that remounts the canvas after an unrecovered context loss. */
interface LoadedCanvasProps {
  /** Changes to force a fresh canvas (and WebGL context). */
  canvasKey: number;
}

/** The canvas, mounted as soon as its chunk is here; inside the error boundary, so a failed chunk shows the notice. */
function LoadedCanvas({ canvasKey }: LoadedCanvasProps) {
  // Not React.lazy: a lazy component under Suspense is revealed up to 300 ms after its chunk arrives.
  const ViewerCanvas = useLoaded(loadCanvasComponent);
  return ViewerCanvas && <ViewerCanvas key={canvasKey} />;
}

/** The other procedure's side of the compare view, once its chunk is here. */
function LoadedCompare() {
  const CompareSides = useLoaded(loadCompareSides);
  return CompareSides && <CompareSides />;
}
