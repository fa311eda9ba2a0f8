import { indexSpineModel, type SpineModel } from '../../anatomy/loadSpineModel';
import { decodeOnMainThread, WorkerUnavailable } from '../../anatomy/meshoptWorkerDecoder';
import type { DecodedSpine } from '../../anatomy/spineGlbDecode';
import { decodeSpineModelInWorker } from '../../anatomy/spineModelDecode';
import { fetchSpineModel } from '../../anatomy/spineModelFile';
import { spineGroup } from './spineGlb';

/** The prepared model (immutable once prepared; each viewer merges its own copies from it). */
let prepared: Promise<SpineModel> | null = null;

/**
 * Where no worker runs (a viewer script served from another origin than the page, a worker that fails to load):
 * the same reading on this thread, with the JavaScript decoder. Both are loaded only then, from this chunk, so
 * what they share with it is not split into chunks of its own.
 */
async function decodeOnThisThread(): Promise<DecodedSpine> {
  const [{ decodeSpineGlb }, bytes] = await Promise.all([
    import('../../anatomy/spineGlbDecode'),
    fetchSpineModel(),
  ]);
  return decodeSpineGlb(bytes, decodeOnMainThread);
}

/**
 * The model as three.js objects, as soon as the worker has decoded it and this chunk is here — before the canvas
 * exists, so it is ready while the WebGL context and the studio light are being set up. Shared by every viewer on
 * the page, like a loader cache; a failure is forgotten so a remount tries again. Read with the viewer's own GLB
 * reader, not three.js's GLTFLoader (which the build tools and tests use): same objects, far less code in the
 * first download, and the reading done off the main thread.
 */
export function loadPreparedSpine(): Promise<SpineModel> {
  prepared ??= decodeSpineModelInWorker()
    .catch((error: unknown) =>
      error instanceof WorkerUnavailable ? decodeOnThisThread() : Promise.reject(error),
    )
    .then((decoded) => indexSpineModel(spineGroup(decoded)));
  prepared.catch(() => (prepared = null));
  return prepared;
}
