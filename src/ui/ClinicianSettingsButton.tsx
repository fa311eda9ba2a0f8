import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { focusFirstWhenRendered, nextTabbable, tabbables } from './focusOrder';
import { Icon } from './icons';
import { loadWithConstructedStyles } from './levaStyles';
import { SceneErrorBoundary } from './SceneErrorBoundary';
import { useController, useSettings, useT } from '../playback/react/viewerHooks';

const ClinicianPanel = lazy(() => loadWithConstructedStyles(() => import('./ClinicianPanel')));

/**
 * Opens the clinician console; leva's code is fetched only on the first click. The console lives in the page's
 * light DOM (leva styles itself there): a child of the viewer element, slotted into the viewer's side column. It
 * cannot sit after this button in the DOM, so it joins the tab order right after it. Opening moves focus to its first control; Tab past its last control goes on to the control
 * after this button, Shift+Tab before its first comes back here, and Escape closes it with focus back here.
 */
export function ClinicianSettingsButton() {
  const controller = useController();
  const { lang } = useSettings();
  const t = useT();
  const button = useRef<HTMLButtonElement>(null);
  const [container, setContainer] = useState<HTMLElement | null>(null);
  useEffect(() => () => container?.remove(), [container]);

  useEffect(() => {
    if (!container) return;
    // Screen readers pick the voice from the nearest lang: the viewer's, as inside its shadow root.
    container.lang = lang;
    container.setAttribute('aria-label', t('a11y.settings.panel'));
  }, [container, lang, t]);

  useEffect(() => {
    if (!container) return;
    const cancel = focusFirstWhenRendered(container);
    const onKeyDown = (event: KeyboardEvent) => {
      const own = button.current;
      if (!own || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        setContainer(null);
        own.focus();
        return;
      }
      if (event.key !== 'Tab') return;
      const inside = tabbables(container);
      const edge = event.shiftKey ? inside[0] : inside[inside.length - 1];
      if (event.target !== edge) return;
      const target = event.shiftKey ? own : (nextTabbable(own) ?? own);
      event.preventDefault();
      target.focus();
    };
    container.addEventListener('keydown', onKeyDown);
    return () => {
      cancel();
      container.removeEventListener('keydown', onKeyDown);
    };
  }, [container]);

  const toggle = () => {
    if (container) {
      setContainer(null);
      return;
    }
    // leva styles itself in the document, so its panel lives in the light DOM: a child of the viewer element,
    // slotted into the viewer's own layout (the `clinician-settings` slot), so it takes its own space instead of
    // floating over the readouts and the X-ray.
    const root = button.current?.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : document.body;
    const div = document.createElement('div');
    div.className = 'spv-clinician-panel';
    div.slot = 'clinician-settings';
    div.setAttribute('role', 'region');
    host.append(div);
    setContainer(div);
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="spv-button"
        aria-expanded={container !== null}
        onClick={toggle}
        onKeyDown={(event) => {
          // Tab from the button goes into the open console first, as if it followed the button in the page.
          if (event.key !== 'Tab' || event.shiftKey || !container) return;
          const first = tabbables(container)[0];
          if (!first) return;
          event.preventDefault();
          first.focus();
        }}
      >
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
