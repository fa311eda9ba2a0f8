import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useController, useScanState } from '../../playback/react/viewerHooks';
import { useScanT } from './useScanT';
import { scanUiStore } from './scanUiStore';
import { useScanSheet } from './scanSheet';

/** ScanStatusProps: whether the chip is a row of its own (a small viewer) or sits in the view row. */
export interface ScanStatusProps {
  row?: boolean;
}

/**
 * While a scan is open: "Patient CT · L1", with Change point (back to the slices) and Close scan (back to the
 * generated spine). In the view row (or a row of its own), never over the picture.
 */
export function ScanStatus({ row = false }: ScanStatusProps) {
  const controller = useController();
  const scan = useScanState();
  const t = useScanT();
  const ref = useRef<HTMLDivElement>(null);
  useScanSheet(ref);
  // While the scan's X-ray and bone surface are built the picture waits (the generated spine is already hidden).
  const preparing = useSyncExternalStore(
    useCallback((notify) => controller.renderer.onPartsChange(notify), [controller]),
    () => controller.renderer.partLoading('scan-'),
  );
  if (!scan.loaded) return null;
  const chip = (
    <div ref={ref} className="spv-scan-status" role="group" aria-label={t('scanUi.title')}>
      <span className="spv-scan-status-label">
        {scan.level ? t('scanUi.chip', { level: scan.level }) : t('scanUi.noPoint')}
      </span>
      <span className="spv-scan-preparing" role="status">
        {preparing ? t('scanUi.preparing') : ''}
      </span>
      <button
        type="button"
        className="spv-button spv-scan-change"
        onClick={(event) => scanUiStore(controller).show('pick', event.currentTarget)}
      >
        {scan.level ? t('scanUi.change') : t('scanUi.pickPoint')}
      </button>
      <button
        type="button"
        className="spv-button spv-scan-close"
        onClick={(event) => {
          const root = event.currentTarget.getRootNode() as ParentNode;
          controller.scan.clear();
          // The chip goes with the scan: focus moves to the open button (in the view row or the More menu).
          requestAnimationFrame(() =>
            root.querySelector<HTMLElement>('.spv-scan-open, .spv-more-toggle')?.focus(),
          );
        }}
      >
        {t('scanUi.closeScan')}
      </button>
    </div>
  );
  return row ? <div className="spv-view-row spv-scan-row">{chip}</div> : chip;
}
