/**
 * Reads a patient's CT (a DICOM series or one NIfTI file) in the page: in a worker (scanReader.worker.ts) so the
 * page stays responsive, or, where no worker can start (the viewer's script served from another origin than the
 * page, a worker that fails to load), on the main thread with the same code. Nothing is uploaded or stored.
 */
import { ScanReadError, type ScanVolume } from '../types';
import { packageFileUrl } from '../../anatomy/packageFileUrl';
import { abortError } from './abortError';
import type { ReadScanOptions } from './readScanFiles';

export type { ReadScanOptions };
import type { ScanReadReply, ScanReadRequest } from './scanReader.worker';
import readerWorkerUrl from './scanReader.worker.ts?worker&url';

/** A worker that could not start or failed before answering: the caller reads on the main thread instead. */
class WorkerUnavailable extends Error {}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(packageFileUrl(readerWorkerUrl), { type: 'module' });
  } catch {
    // A cross-origin script may not start a worker (SecurityError).
    return null;
  }
}

function readInWorker(worker: Worker, files: readonly File[], options: ReadScanOptions): Promise<ScanVolume> {
  const { onProgress, signal } = options;
  return new Promise<ScanVolume>((resolve, reject) => {
    let answered = false;
    const finish = (settle: () => void) => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      settle();
    };
    const onAbort = () => finish(() => reject(abortError()));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<ScanReadReply>) => {
      const reply = event.data;
      answered = true;
      if (reply.type === 'progress') onProgress?.(reply.progress);
      else if (reply.type === 'volume') finish(() => resolve(reply.volume));
      else if (reply.type === 'scan-error') {
        finish(() => reject(new ScanReadError(reply.code, reply.message, reply.params)));
      } else finish(() => reject(new Error(reply.message)));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // Before any answer the worker script itself failed (blocked, not found): read here instead.
      const message = event.message || 'could not load';
      finish(() =>
        reject(answered ? new Error(`scan reader failed: ${message}`) : new WorkerUnavailable(message)),
      );
    };
    worker.postMessage({ files: [...files] } satisfies ScanReadRequest);
  });
}

/**
 * The scan in `files` as a volume in Hounsfield units. Rejects with a ScanReadError (its `code` names the
 * problem) when the files are no single readable CT, and with an AbortError DOMException when `signal` aborts.
 */
export async function readScan(files: readonly File[], options: ReadScanOptions = {}): Promise<ScanVolume> {
  if (options.signal?.aborted) throw abortError();
  const worker = startWorker();
  if (worker) {
    try {
      return await readInWorker(worker, files, options);
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
    }
  }
  // The reader itself is fetched only here: where the worker runs, the page never downloads it.
  const { readScanFiles } = await import('./readScanFiles');
  return readScanFiles(files, options);
}
