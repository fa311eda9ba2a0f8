import { lazy, Suspense } from 'react';
import { SceneErrorBoundary } from './SceneErrorBoundary';
import { Transcript } from './Transcript';
import { useGraphicsRecovery } from './useGraphicsRecovery';
import { useController, useGraphics, useReady, useT } from '../playback/react/viewerHooks';

const ViewerCanvas = lazy(() => import('../scene/ViewerCanvas'));

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
  if (!webgl || graphics === 'failed') {
    return (
      <div className="spv-fallback">
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
        <div className="spv-fallback">
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
      <Suspense fallback={null}>
        <ViewerCanvas key={canvasKey} />
      </Suspense>
      {(!ready || graphics === 'lost') && (
        <p className="spv-loading" role="status">
          {t(graphics === 'lost' ? 'notice.contextLost' : 'app.loading')}
        </p>
      )}
    </SceneErrorBoundary>
  );
}
