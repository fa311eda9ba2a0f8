import type { ScanInfo, ScanProgress, ScanStateSnapshot, ScanTarget, ScanVolume } from '../scan/types';
import type { NoticeBoard } from './noticeBoard';
import type { Emitter } from './emitter';
import type { ViewerEvents } from './viewerEvents';
import type { ViewerSettings } from './viewerSettings';

/** What a scan session needs of its viewer. */
interface ScanHost extends Pick<Emitter<ViewerEvents>, 'emit'> {
  readonly notices: NoticeBoard;
  getSettings(): ViewerSettings;
  updateSettings(patch: Partial<ViewerSettings>): void;
  requestFrame(): void;
}

const NO_SCAN: ScanStateSnapshot = { loaded: false, target: null, level: null };

/**
 * One viewer's patient scan: the CT volume read in this page (never stored or sent anywhere), the picked centre of
 * the treated vertebral body and its level, and the reading progress. Framework-free; the scan code itself loads
 * only when a scan is opened.
 */
export class ScanSession {
  private volume: ScanVolume | null = null;
  private target: ScanTarget | null = null;
  private progress: ScanProgress | null = null;
  private snapshotCache: ScanStateSnapshot = NO_SCAN;
  private reading: AbortController | null = null;

  constructor(private readonly host: ScanHost) {}

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
    return this.volume !== null && this.target !== null;
  }

  /** `getState().scan`: the same object until the scan or its target changes. */
  snapshot(): ScanStateSnapshot {
    return this.snapshotCache;
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

  /**
   * Read a CT series (DICOM files or one NIfTI file) in this page, never uploaded or stored, and show it for
   * picking. A bad scan shows a notice and rejects; the viewer keeps what it showed. A newer call cancels an older.
   */
  async open(files: readonly File[]): Promise<ScanInfo> {
    this.reading?.abort();
    const reading = new AbortController();
    this.reading = reading;
    const { openScanFiles } = await import('./scanOpening');
    const current = () => this.reading === reading;
    try {
      return await openScanFiles(
        {
          lang: () => this.host.getSettings().lang,
          notify: (notice, message) => this.host.notices.add([notice], message),
          setProgress: (progress) => current() && this.setProgress(progress),
          setVolume: (volume) => current() && this.setVolume(volume),
        },
        files,
        reading.signal,
      );
    } finally {
      if (current()) this.reading = null;
    }
  }

  /** Stop reading a scan (the viewer keeps what it showed). */
  cancel(): void {
    this.reading?.abort();
    this.reading = null;
    if (this.progress) this.setProgress(null);
  }

  /**
   * Pick the treated body's centre and level from outside input (`setScanTarget`): returns null when done, or an
   * English sentence saying why the target was refused (nothing changes then).
   */
  async pick(value: unknown): Promise<string | null> {
    if (!this.volume) return 'setScanTarget needs a scan: call loadScan first';
    const { checkScanTarget } = await import('./scanOpening');
    const volume = this.volume;
    const target = checkScanTarget(value, volume);
    if (typeof target === 'string') return target;
    if (this.volume === volume) this.setTarget(target);
    return null;
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
    this.reading?.abort();
    this.reading = null;
    if (!this.volume && !this.progress) return;
    this.volume = null;
    this.target = null;
    this.progress = null;
    this.changed();
  }

  private changed(): void {
    const t = this.target;
    this.snapshotCache = this.volume
      ? { loaded: true, target: t ? { x: t.x, y: t.y, z: t.z } : null, level: t?.level ?? null }
      : NO_SCAN;
    this.host.emit('scanchange', { scan: this.snapshotCache });
    this.host.requestFrame();
  }
}
