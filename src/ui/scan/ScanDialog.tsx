import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useController, useScanState } from '../../playback/react/viewerHooks';
import { useScanT } from './useScanT';
import type { ScanVolume } from '../../scan/types';
import { ScanChoose } from './ScanChoose';
import { ScanPicker } from './ScanPicker';
import { ScanReading } from './ScanReading';
import { scanUiStore, useScanUi } from './scanUiStore';

const volumeKeys = new WeakMap<ScanVolume, number>();
let lastKey = 0;
function volumeKey(volume: ScanVolume | null): number {
  if (!volume) return 0;
  let key = volumeKeys.get(volume);
  if (key === undefined) volumeKeys.set(volume, (key = ++lastKey));
  return key;
}

const FOCUSABLE = 'button:not([disabled]), select, input:not([hidden]), [tabindex="0"]';

/**
 * The scan dialog over the whole viewer: choose the CT, watch it read (with Cancel), then pick the treated body's
 * centre and level on its slices. Modal: Tab stays inside, Escape closes, focus returns to what opened it. Its
 * keys never reach the viewer's shortcuts.
 */
export function ScanDialog() {
  const controller = useController();
  const t = useScanT();
  const { stage } = useScanUi(controller);
  useScanState();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const store = scanUiStore(controller);

  // Each stage starts with focus on its first control (the axial view when picking).
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, [stage]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      store.close();
    } else if (event.key === 'Tab') {
      const all = Array.from(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
      const first = all[0];
      const last = all[all.length - 1];
      const active = (ref.current?.getRootNode() as DocumentOrShadowRoot | undefined)?.activeElement;
      if (event.shiftKey && active === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };

  const title = (
    <h2 id={titleId} className="spv-scan-title">
      {t('scanUi.title')}
    </h2>
  );
  return (
    <div
      ref={ref}
      className="spv-scan-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      data-stage={stage}
      onKeyDown={onKeyDown}
    >
      {stage === 'pick' ? (
        <>
          {title}
          {/* A new scan starts afresh (its own point, slices and window). */}
          <ScanPicker key={volumeKey(controller.scan.getVolume())} />
        </>
      ) : (
        <div className="spv-scan-card" data-stage={stage}>
          {title}
          {stage === 'choose' && <ScanChoose />}
          {stage === 'reading' && <ScanReading />}
        </div>
      )}
    </div>
  );
}
