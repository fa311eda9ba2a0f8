import type { ViewerController } from '../../playback/viewerController';
import type { ScanInfo, ScanTarget } from '../../scan/types';

/** What the scan interface asks of the viewer's scan session. */
export interface ScanCommands {
  /** Read the files (in a worker), reporting progress; rejects, with a notice shown, on a scan it cannot use. */
  open(files: readonly File[]): Promise<ScanInfo>;
  /** Check the point and level, then show the procedure there. */
  pick(target: ScanTarget): void;
  /** Stop reading. */
  cancel(): void;
  /** Close the scan: back to the generated spine. */
  clear(): void;
}

/** The viewer's scan commands. */
export function scanCommands(controller: ViewerController): ScanCommands {
  return controller.scan as unknown as ScanCommands;
}
