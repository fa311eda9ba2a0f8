import type { ScanInfo, ScanProgress, ScanStateSnapshot, ScanTarget, ScanVolume } from '../scan/types';
import type { Emitter } from './emitter';
import type { NoticeBoard } from './noticeBoard';
import type { ViewerEvents } from './viewerEvents';
import type { ViewerSettings } from './viewerSettings';

/** What a scan session needs of its viewer. */
export interface ScanHost extends Pick<Emitter<ViewerEvents>, 'emit'> {
  readonly notices: NoticeBoard;
  getSettings(): ViewerSettings;
  updateSettings(patch: Partial<ViewerSettings>): void;
  requestFrame(): void;
}

const NO_SCAN: ScanStateSnapshot = { loaded: false, target: null, level: null };

/**
 * One viewer's patient scan: the CT volume read in this page (never stored or sent anywhere), the picked centre of
 * the treated vertebral body and its level, and the reading progress. Framework-free and small: reading and
 * checking (`scanOpening.ts`, the scan code itself) load only when a scan is opened.
 */
export class ScanSession {
  private volume: ScanVolume | null = null;
  private target: ScanTarget | null = null;
  private progress: ScanProgress | null = null;
  private snapshotCache: ScanStateSnapshot = NO_SCAN;
  /** The read in progress; a newer read, `cancel` or `clear` aborts it. */
  reading: AbortController | null = null;

  constructor(readonly host: ScanHost) {}

  /** The loaded volume, or null. */
  getVolume(): ScanVolume | null {
    return this.volume;
  }

  /** The picked target, or null while none is picked (or no scan is loaded). */
  getTarget(): ScanTarget | null {
    return this.target;
  }

  /** Reading progress while a scan is being read; null otherwise. */
  getProgress(): ScanProgress | null {
    return this.progress;
  }

  /** True when the procedure is shown on the scan: a scan is loaded and its target picked. */
  get active(): boolean {
    return !!this.volume && !!this.target;
  }

  /** `getState().scan`: the same object until the scan or its target changes. */
  snapshot(): ScanStateSnapshot {
    return this.snapshotCache;
  }

  /**
   * Read a CT series (DICOM files or one NIfTI file) in this page, never uploaded or stored, and show it for
   * picking. A bad scan shows a notice and rejects; the viewer keeps what it showed. A newer call cancels an older.
   */
  open(files: readonly File[]): Promise<ScanInfo> {
    this.reading?.abort();
    const reading = new AbortController();
    this.reading = reading;
    return import('./scanOpening').then((m) => m.openScan(this, files, reading));
  }

  /**
   * Pick the treated body's centre and level from outside input (`setScanTarget`): resolves null when done, or an
   * English sentence saying why the target was refused (nothing changes then).
   */
  pick(value: unknown): Promise<string | null> {
    return import('./scanOpening').then((m) => m.pickScanTarget(this, value));
  }

  /** Stop reading a scan (the viewer keeps what it showed). */
  cancel(): void {
    this.reading?.abort();
    this.reading = null;
    if (this.progress) this.setProgress(null);
  }

  setProgress(progress: ScanProgress | null): void {
    this.progress = progress;
    this.changed();
  }

  /** A newly read scan replaces the old one; its target is picked afresh. */
  setVolume(volume: ScanVolume): void {
    this.volume = volume;
    this.target = null;
    this.progress = null;
    this.changed();
  }

  /** Pick the treated body's centre (LPS mm, checked by the caller) and its level; the viewer treats that level. */
  setTarget(target: ScanTarget): void {
    if (!this.volume) return;
    this.target = { ...target };
    this.host.updateSettings({ level: target.level, levels: [target.level] });
    this.changed();
  }

  /** Close the scan: the viewer goes back to its generated spine. */
  clear(): void {
    this.cancel();
    if (!this.volume) return;
    this.volume = null;
    this.target = null;
    this.changed();
  }

  private changed(): void {
    const t = this.target;
    this.snapshotCache = this.volume
      ? { loaded: true, target: t && { x: t.x, y: t.y, z: t.z }, level: t?.level ?? null }
      : NO_SCAN;
    this.host.emit('scanchange', { scan: this.snapshotCache });
    this.host.requestFrame();
  }
}
