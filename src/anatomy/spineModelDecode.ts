import { decodingWorker, recordDecode } from './meshoptWorkerDecoder';
import type { DecodedSpine } from './spineGlbDecode';
import { fetchSpineModel } from './spineModelFile';
import type { StaticMergeArrays } from './staticMerge';

/** The decoded model, with the static spine already merged for the levels asked for when it was requested. */
export type WorkerDecodedSpine = DecodedSpine & { premerged?: StaticMergeArrays | undefined };

/** The model decoded by the worker, once per page: every viewer and every remount after a lost context share it. */
let pending: Promise<WorkerDecodedSpine> | null = null;
/** The treated levels the model being decoded (or decoded) comes with its static spine merged without, joined. */
let premergeKey: string | null = null;

/**
 * Which levels the model's static spine comes merged without (joined by commas; null before any request): a
 * viewer treating others merges its own, with the features chunk, before its first frame (useSceneFeatures).
 */
export function premergedLevels(): string | null {
  return premergeKey;
}

/** Decode the whole file in the worker; each view is recorded as a `spine-model-decode` measure. */
async function decodeInWorker(bytes: ArrayBuffer, mergeExcluding?: string[]): Promise<WorkerDecodedSpine> {
  const started = performance.now();
  // A copy moves to the worker: the page keeps the downloaded bytes for a remount.
  const glb = bytes.slice(0);
  const reply = await decodingWorker().request({ kind: 'model', glb, mergeExcluding }, [glb]);
  if (!('model' in reply)) throw new Error('The spine model could not be read: the worker sent no model.');
  for (const view of reply.views)
    recordDecode(started, { decoder: view.decoder, thread: 'worker', decodeMs: view.ms });
  return { ...reply.model, premerged: reply.premerged };
}

/**
 * Start (or join) downloading models/spine.glb and decoding it in the worker. Called when a viewer connects: the
 * worker starts while the model downloads and reads it while the page loads the canvas chunk, so the page only
 * wraps finished arrays in three.js objects. The `mergeExcluding` of the call that starts the download (the treated
 * levels the viewer opens on) has the worker merge the static spine too (staticMerge.ts). Rejects with WorkerUnavailable where no worker runs (the canvas
 * chunk then reads the bytes itself, scene/loading/preparedSpine.ts). A failure is forgotten, so the next try
 * starts again.
 */
export function decodeSpineModelInWorker(mergeExcluding?: readonly string[]): Promise<WorkerDecodedSpine> {
  if (!pending) {
    // Started now and kept (it reads the studio light meanwhile), so it is running when the model has arrived.
    const release = decodingWorker().hold();
    const levels = mergeExcluding && [...mergeExcluding];
    premergeKey = levels ? levels.join(',') : null;
    pending = fetchSpineModel()
      .then((bytes) => decodeInWorker(bytes, levels))
      .finally(release);
    pending.catch(() => (pending = null));
  }
  return pending;
}
