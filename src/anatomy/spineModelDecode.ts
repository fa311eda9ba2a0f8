import { decodeOnMainThread, decodingWorker, recordDecode, WorkerUnavailable } from './meshoptWorkerDecoder';
import type { DecodedSpine } from './spineGlbDecode';
import { fetchSpineModel } from './spineModelFile';

/** The decoded model, once per page: every viewer and every remount after a lost context share it. */
let pending: Promise<DecodedSpine> | null = null;

/** Decode the whole file in the worker; each view is recorded as a `spine-model-decode` measure. */
async function decodeInWorker(bytes: ArrayBuffer): Promise<DecodedSpine> {
  const started = performance.now();
  // A copy moves to the worker: the page keeps the downloaded bytes for a remount.
  const glb = bytes.slice(0);
  const reply = await decodingWorker().request({ glb }, [glb]);
  if (!('model' in reply)) throw new Error('The spine model could not be read: the worker sent no model.');
  for (const view of reply.views)
    recordDecode(started, { decoder: view.decoder, thread: 'worker', decodeMs: view.ms });
  return reply.model;
}

/** Where no worker runs: the same reading on this thread, with the JavaScript decoder (loaded only then). */
async function decodeOnThisThread(bytes: ArrayBuffer): Promise<DecodedSpine> {
  const { decodeSpineGlb } = await import('./spineGlbDecode');
  return decodeSpineGlb(bytes, decodeOnMainThread);
}

/**
 * Start (or join) downloading and decoding models/spine.glb. Called when a viewer connects: the worker starts
 * while the model downloads and reads it while the page loads the canvas chunk, so the page only wraps finished
 * arrays in three.js objects. A failure is forgotten, so the next try starts again.
 */
export function decodeSpineModel(): Promise<DecodedSpine> {
  if (!pending) {
    decodingWorker().warm();
    pending = fetchSpineModel().then((bytes) =>
      decodeInWorker(bytes).catch((error: unknown) =>
        error instanceof WorkerUnavailable ? decodeOnThisThread(bytes) : Promise.reject(error),
      ),
    );
    pending.catch(() => (pending = null));
  }
  return pending;
}
