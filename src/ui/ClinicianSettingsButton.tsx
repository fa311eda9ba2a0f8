import { lazy, Suspense, useEffect, useState, type MouseEvent } from 'react';
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
  const toggle = (event: MouseEvent<HTMLButtonElement>) => {
    if (container) {
      setContainer(null);
      return;
    }
    // leva styles itself in the document, so its panel lives in the light DOM: a child of the viewer element,
    // slotted into the viewer's own layout (the `clinician-settings` slot), so it takes its own space instead of
    // floating over the readouts and the X-ray.
    const host = (event.currentTarget.getRootNode() as ShadowRoot).host ?? document.body;
    const div = document.createElement('div');
    div.className = 'spv-clinician-panel';
    div.slot = 'clinician-settings';
    host.append(div);
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
