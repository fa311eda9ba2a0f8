import { ScanDropLayer } from './ScanDropLayer';
import { ScanOpenButton } from './ScanOpenButton';
import { ScanStatus } from './ScanStatus';

/** ScanUiProps: which part of the clinician's scan interface to show here. */
export interface ScanUiProps {
  /**
   * `layer`: the drop zone over the whole viewer and the scan dialog; `tools`: the open button and the scan's chip
   * (the view row); `open`: the button alone (the More menu of a small viewer); `status-row`: the chip in a row of
   * its own while a scan is open (a small viewer, where the view row is folded away).
   */
  part: 'layer' | 'tools' | 'open' | 'status-row';
}

/** The surgeon's tools for the patient's own CT (clinician audience): one lazy chunk, placed by ViewerApp. */
export function ScanUi({ part }: ScanUiProps) {
  if (part === 'layer') return <ScanDropLayer />;
  if (part === 'open') return <ScanOpenButton />;
  if (part === 'status-row') return <ScanStatus row />;
  return (
    <span className="spv-scan-tools">
      <ScanOpenButton />
      <ScanStatus />
    </span>
  );
}
