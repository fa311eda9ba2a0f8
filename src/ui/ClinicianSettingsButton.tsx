import { lazy, Suspense, useEffect, useState } from 'react';
import { Icon } from './icons';
import { loadWithConstructedStyles } from './levaStyles';
import { SceneErrorBoundary } from './SceneErrorBoundary';
import { useController, useT } from '../playback/react/viewerHooks';

const ClinicianPanel = lazy(() => loadWithConstructedStyles(() => import('./ClinicianPanel')));

/** Opens the clinician console; leva's code is fetched only on the first click. */
export function ClinicianSettingsButton() {
  const controller = useController();
  const t = useT();
  const [container, setContainer] = useState<HTMLElement | null>(null);
  useEffect(() => () => container?.remove(), [container]);
  const toggle = () => {
    if (container) {
      setContainer(null);
      return;
    }
    // leva styles itself in the document, so its panel lives in the light DOM, outside the shadow root.
    const div = document.createElement('div');
    div.className = 'spv-clinician-panel';
    document.body.append(div);
    setContainer(div);
  };
  return (
    <>
      <button type="button" className="spv-button" aria-pressed={container !== null} onClick={toggle}>
        <Icon name="settings" />
        <span>{t('controls.settings')}</span>
      </button>
      {container && (
        // If leva cannot load or run here (a network error, a page policy), say so in its place: a failure in
        // an optional panel must never unmount the viewer.
        <SceneErrorBoundary
          fallback={
            <span className="spv-settings-failed" role="status">
              {t('notice.settingsFailed')}
            </span>
          }
          onError={(error) => console.warn('spine-procedure-viewer: clinician settings failed:', error)}
        >
          <Suspense fallback={null}>
            <ClinicianPanel controller={controller} container={container} />
          </Suspense>
        </SceneErrorBoundary>
      )}
    </>
  );
}
