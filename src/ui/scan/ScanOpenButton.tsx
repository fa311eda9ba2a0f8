import { useRef } from 'react';
import { useController } from '../../playback/react/viewerHooks';
import { useScanT } from './useScanT';
import { scanUiStore, useScanUi } from './scanUiStore';
import { useScanSheet } from './scanSheet';

/** The CT icon: a slice with a vertebral body. Decorative. */
export function ScanIcon() {
  return (
    <svg className="spv-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 2a7 7 0 1 1 0 14 7 7 0 0 1 0-14zm-3 4h6v4H9zm1 5h1.5v3H10zm2.5 0H14v3h-1.5z" />
    </svg>
  );
}

/** "Open patient CT": opens the scan dialog (choose a folder or files, or drop them on the viewer). */
export function ScanOpenButton() {
  const controller = useController();
  const t = useScanT();
  const { stage } = useScanUi(controller);
  const ref = useRef<HTMLButtonElement>(null);
  useScanSheet(ref);
  return (
    <button
      ref={ref}
      type="button"
      className="spv-button spv-scan-open"
      aria-haspopup="dialog"
      aria-expanded={stage !== 'closed'}
      title={t('scanUi.open')}
      onClick={() => scanUiStore(controller).show('choose', ref.current)}
    >
      <ScanIcon />
      <span>{t('scanUi.open')}</span>
    </button>
  );
}
