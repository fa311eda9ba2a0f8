import { decodingWorker, recordDecode } from './meshoptWorkerDecoder';
import type { DecodedSpine } from './spineGlbDecode';
import { fetchSpineModel } from './spineModelFile';

/** The model decoded by the worker, once per page: every viewer and every remount after a lost context share it. */
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

/**
 * Start (or join) downloading models/spine.glb and decoding it in the worker. Called when a viewer connects: the
 * worker starts while the model downloads and reads it while the page loads the canvas chunk, so the page only
 * wraps finished arrays in three.js objects. Rejects with WorkerUnavailable where no worker runs (the canvas
 * chunk then reads the bytes itself, scene/loading/preparedSpine.ts). A failure is forgotten, so the next try
 * starts again.
 */
export function decodeSpineModelInWorker(): Promise<DecodedSpine> {
  if (!pending) {
    decodingWorker().warm();
    pending = fetchSpineModel().then(decodeInWorker);
    pending.catch(() => (pending = null));
  }
  return pending;
}
