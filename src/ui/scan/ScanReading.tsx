import { useController, useSettings } from '../../playback/react/viewerHooks';
import { useScanT } from './useScanT';
import { scanUiStore, useScanProgress, useScanUi } from './scanUiStore';

/** Reading the CT: "Reading 212 of 400 files…", a progress bar with the percentage, and Cancel. */
export function ScanReading() {
  const controller = useController();
  const t = useScanT();
  const { lang } = useSettings();
  const progress = useScanProgress(controller);
  const { files } = useScanUi(controller);
  const fraction = progress?.fraction ?? 0;
  const percent = Math.floor(fraction * 100);
  const text =
    progress?.stage === 'building'
      ? t('scanUi.building')
      : t('scanUi.reading', { done: Math.min(files, Math.round(fraction * files)), total: files });
  return (
    <div className="spv-scan-reading">
      <p className="spv-scan-reading-text" role="status">
        {text}
      </p>
      <div className="spv-scan-progress-row">
        <progress className="spv-scan-progress" max={100} value={percent} aria-label={t('scanUi.progress')} />
        <span className="spv-scan-percent">
          {new Intl.NumberFormat(lang, { style: 'percent' }).format(percent / 100)}
        </span>
      </div>
      <div className="spv-scan-actions">
        <button
          type="button"
          className="spv-button spv-scan-cancel"
          onClick={() => scanUiStore(controller).cancel()}
        >
          {t('scanUi.cancel')}
        </button>
      </div>
    </div>
  );
}
