import { useEffect, useRef } from 'react';
import { CEMENT_SETTING_TEXT } from '../procedure/cure';
import { useController, useCurrentStep, useT } from '../playback/react/viewerHooks';

/**
 * While the cement hardens: simulated minutes elapsed against the real setting time (CEMENT_SETTING_MINUTES),
 * as text and a bar, written through refs from the frame loop.
 */
export function CureIndicator() {
  const controller = useController();
  const step = useCurrentStep();
  const t = useT();
  const text = useRef<HTMLSpanElement>(null);
  const bar = useRef<HTMLSpanElement>(null);
  const visible = step === 'cement-hardening';
  useEffect(() => {
    if (!visible) return;
    let last = -1;
    const apply = () => {
      const s = controller.state;
      const minutes = Math.round(s.cementMinutes);
      if (bar.current) bar.current.style.width = `${Math.round(s.cementCure * 100)}%`;
      if (minutes !== last && text.current) {
        last = minutes;
        text.current.textContent = t('readout.cureMinutesOf', { minutes, setting: CEMENT_SETTING_TEXT });
      }
    };
    apply();
    return controller.on('frame', apply);
  }, [controller, t, visible]);
  if (!visible) return null;
  return (
    <div className="spv-cure">
      <strong>{t('readout.cementCure')}</strong>
      <span ref={text} />
      <span className="spv-cure-track" aria-hidden="true">
        <span ref={bar} className="spv-cure-bar" />
      </span>
    </div>
  );
}
