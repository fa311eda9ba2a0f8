/**
 * Reads a scan off the main thread: the page posts the File objects (they are handles, not copies) and receives
 * progress, then the volume with its HU buffer transferred, or why the files could not be read. Cancelling is
 * ending the worker.
 */
import { ScanReadError, type ScanErrorCode, type ScanProgress, type ScanVolume } from '../types';
import { readScanFiles } from './readScanFiles';

/** The page's request. */
export interface ScanReadRequest {
  files: File[];
}

/** The worker's messages: progress, then the volume or an error (a ScanReadError's fields, or any other's text). */
export type ScanReadReply =
  | { type: 'progress'; progress: ScanProgress }
  | { type: 'volume'; volume: ScanVolume }
  | { type: 'scan-error'; code: ScanErrorCode; message: string; params: Record<string, string | number> }
  | { type: 'error'; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ScanReadRequest>) => void) | null;
  postMessage(message: ScanReadReply, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  readScanFiles(event.data.files, {
    onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
  }).then(
    (volume) => scope.postMessage({ type: 'volume', volume }, [volume.hu.buffer]),
    (error: unknown) =>
      scope.postMessage(
        error instanceof ScanReadError
          ? { type: 'scan-error', code: error.code, message: error.message, params: error.params }
          : { type: 'error', message: error instanceof Error ? error.message : String(error) },
      ),
  );
};
