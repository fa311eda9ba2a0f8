import { isLevelId } from '../anatomy/levels';
import { loadScanMessages, scanText, type ScanMessageKey } from '../scan/scanMessages';
import type { ScanInfo, ScanProgress, ScanReadError, ScanTarget, ScanVolume } from '../scan/types';
import type { NoticeBoard } from './noticeBoard';
import type { ViewerSettings } from './viewerSettings';

/** What opening a scan needs of its session (`scanSession.ts`, which loads this file only when used). */
export interface OpeningSession {
  reading: AbortController | null;
  readonly host: { readonly notices: NoticeBoard; getSettings(): ViewerSettings };
  getVolume(): ScanVolume | null;
  setProgress(progress: ScanProgress | null): void;
  setVolume(volume: ScanVolume): void;
  setTarget(target: ScanTarget): void;
}

/**
 * Read `files` into a volume in this page (a worker where one can start) and hand it to the session, unless
 * `reading` (the session's current read) is aborted first. A file that is not a usable CT series leaves the viewer as it was (its generated spine, or the
 * scan already open) and shows a notice saying what was wrong; a cancelled read shows nothing. Resolves with the
 * series as read.
 */
export async function openScan(
  session: OpeningSession,
  files: readonly File[],
  reading: AbortController,
): Promise<ScanInfo> {
  const { signal } = reading;
  try {
    if (signal.aborted) throw new DOMException('The scan was cancelled', 'AbortError');
    session.setProgress({ fraction: 0, stage: 'reading' });
    const { readScan } = await import('../scan/read/readScan');
    const volume = await readScan(files, {
      signal,
      onProgress: (progress) => {
        if (!signal.aborted) session.setProgress(progress);
      },
    });
    if (signal.aborted) throw new DOMException('The scan was closed while it was read', 'AbortError');
    session.setVolume(volume);
    return volume.info;
  } catch (error) {
    // A read cancelled or replaced by a newer one says nothing (the newer one shows its own progress).
    if (isAbort(error) || signal.aborted) throw error;
    session.setProgress(null);
    const known = isScanReadError(error);
    const key: ScanMessageKey = `scan.error.${known ? error.code : 'not-readable'}`;
    const params = known ? error.params : {};
    const lang = session.host.getSettings().lang;
    await loadScanMessages(lang);
    const english = scanText('en', key, params);
    session.host.notices.add([{ text: scanText(lang, key, params), source: 'scan' }], english);
    throw known ? error : new Error(english, { cause: error });
  } finally {
    if (session.reading === reading) session.reading = null;
  }
}

/** `setScanTarget`: check outside input and pick it; null when done, else why it was refused (English). */
export function pickScanTarget(session: OpeningSession, value: unknown): string | null {
  const volume = session.getVolume();
  if (!volume) return 'setScanTarget needs a scan: call loadScan first';
  const target = checkScanTarget(value, volume);
  if (typeof target === 'string') return target;
  session.setTarget(target);
  return null;
}

/**
 * Check a target from the API (`setScanTarget`): finite LPS millimetres inside the scan's box and a known level.
 * Returns the target, or an English sentence saying what is wrong.
 */
export function checkScanTarget(value: unknown, volume: ScanVolume): ScanTarget | string {
  const v = (value ?? {}) as Record<string, unknown>;
  const x = Number(v.x);
  const y = Number(v.y);
  const z = Number(v.z);
  const level = String(v.level ?? '').toUpperCase();
  if (typeof value !== 'object' || value === null || ![v.x, v.y, v.z].every(isFiniteNumber))
    return 'setScanTarget needs { x, y, z, level } with x, y and z in millimetres (DICOM patient coordinates)';
  if (!isLevelId(level))
    return `setScanTarget level must be one of T1–T12 or L1–L5, got "${String(v.level)}"`;
  if (!insideVolume(volume, [x, y, z])) return `The point (${x}, ${y}, ${z}) mm is outside the scan`;
  return { x, y, z, level };
}

function isFiniteNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Whether an LPS point lies within the volume's voxel box (half a voxel beyond the outer centres). */
function insideVolume(volume: ScanVolume, point: [number, number, number]): boolean {
  const d = [point[0] - volume.originMm[0], point[1] - volume.originMm[1], point[2] - volume.originMm[2]];
  for (let axis = 0; axis < 3; axis++) {
    const a = volume.axes[axis]!;
    const index = (d[0]! * a[0] + d[1]! * a[1] + d[2]! * a[2]) / volume.spacingMm[axis]!;
    if (index < -0.5 || index > volume.dims[axis]! - 0.5) return false;
  }
  return true;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

// By name, not instanceof: the error class comes from the reading chunk (or its worker's message).
function isScanReadError(error: unknown): error is ScanReadError {
  return error instanceof Error && error.name === 'ScanReadError' && 'code' in error;
}
