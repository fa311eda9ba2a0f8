import { useSyncExternalStore } from 'react';
import type { ViewerController } from '../../playback/viewerController';
import type { ScanProgress } from '../../scan/types';

/** What the scan dialog shows: the choice of files, the reading progress, or the slices to pick the point on. */
export type ScanDialogStage = 'closed' | 'choose' | 'reading' | 'pick';

/** The scan interface's own state in one viewer (what the controller does not hold). */
export interface ScanUiState {
  stage: ScanDialogStage;
  /** Files and folders are being dragged over the viewer. */
  dragging: boolean;
  /** How many files are being read (for "Reading 212 of 400 files…"). */
  files: number;
}

const INITIAL: ScanUiState = { stage: 'closed', dragging: false, files: 0 };

/** One viewer's scan interface state, shared by its button, its chip, its drop zone and its dialog. */
export class ScanUiStore {
  private state = INITIAL;
  private readonly listeners = new Set<() => void>();
  /** Where focus goes back to when the dialog closes (the button or chip that opened it). */
  private returnFocus: HTMLElement | null = null;
  /** Counts reads: only the latest one's outcome moves the dialog (a newer drop cancels an older read). */
  private reads = 0;

  constructor(private readonly controller: ViewerController) {}

  get = (): ScanUiState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<ScanUiState>): void {
    const next = { ...this.state, ...patch };
    if (
      next.stage === this.state.stage &&
      next.dragging === this.state.dragging &&
      next.files === this.state.files
    )
      return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  setDragging(dragging: boolean): void {
    this.set({ dragging });
  }

  /** Open the dialog at `stage`; focus returns to `from` when it closes. */
  show(stage: Exclude<ScanDialogStage, 'closed' | 'reading'>, from: HTMLElement | null): void {
    if (this.state.stage === 'closed') this.returnFocus = from;
    this.set({ stage });
  }

  /** Close the dialog (stopping a read in progress) and give focus back. */
  close(): void {
    if (this.state.stage === 'closed') return;
    if (this.state.stage === 'reading') this.cancel();
    this.hide();
  }

  private hide(): void {
    this.set({ stage: 'closed' });
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back?.isConnected) back.focus();
  }

  /** Stop reading: the dialog goes back to the choice of files. */
  cancel(): void {
    if (this.state.stage !== 'reading') return;
    this.reads++;
    this.controller.scan.cancel();
    this.set({ stage: 'choose' });
  }

  /**
   * Read dropped or chosen files. The dialog shows the progress, then the slices; a scan that cannot be used closes
   * it, so the viewer's notice (what was wrong) is in view.
   */
  async read(files: readonly File[], from: HTMLElement | null): Promise<void> {
    if (this.state.stage === 'closed') this.returnFocus = from;
    const read = ++this.reads;
    this.set({ stage: 'reading', files: files.length, dragging: false });
    try {
      await this.controller.scan.open(files);
      if (read === this.reads && this.state.stage === 'reading') this.set({ stage: 'pick' });
    } catch {
      // A cancelled or superseded read says nothing; a scan that cannot be used has shown its notice.
      if (read === this.reads && this.state.stage === 'reading') this.hide();
    }
  }
}

const stores = new WeakMap<ViewerController, ScanUiStore>();

export function scanUiStore(controller: ViewerController): ScanUiStore {
  let store = stores.get(controller);
  if (!store) stores.set(controller, (store = new ScanUiStore(controller)));
  return store;
}

export function useScanUi(controller: ViewerController): ScanUiState {
  const store = scanUiStore(controller);
  return useSyncExternalStore(store.subscribe, store.get);
}

/** The reading progress (re-renders on `scanchange` only). */
export function useScanProgress(controller: ViewerController): ScanProgress | null {
  return useSyncExternalStore(
    (notify) => controller.on('scanchange', notify),
    () => controller.scan.getProgress(),
  );
}
