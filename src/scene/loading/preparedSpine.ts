import type { BufferGeometry, Object3D } from 'three';
import {
  indexSpineModel,
  mergeStaticParts,
  type MergedPartRange,
  type SpineModel,
} from '../../anatomy/loadSpineModel';
import { mergedGeometry } from '../../anatomy/mergeParts';
import { decodeOnMainThread, WorkerUnavailable } from '../../anatomy/meshoptWorkerDecoder';
import type { DecodedSpine } from '../../anatomy/spineGlbDecode';
import { decodeSpineModelInWorker } from '../../anatomy/spineModelDecode';
import type { StaticMergeArrays } from '../../anatomy/staticMerge';
import { fetchSpineModel } from '../../anatomy/spineModelFile';
import { spineGroup } from './spineGlb';

/** The prepared model (immutable once prepared; each viewer merges its own copies from it). */
let prepared: Promise<SpineModel> | null = null;

/** The worker's merge of the static spine, by the model's root, until a viewer takes it. */
const premerged = new WeakMap<Object3D, StaticMergeArrays>();

/** The static spine's three geometries and where each context bone and disc lies in them (mergeStaticParts). */
export interface MergedStatic {
  bone: BufferGeometry;
  disc: BufferGeometry;
  context: BufferGeometry;
  contextParts: MergedPartRange[];
  discParts: MergedPartRange[];
}

/**
 * The static spine without the `excluded` levels (joined by commas): the one the worker merged while the page set
 * up its canvas, where it left out exactly those (once: each viewer changes its own copy, the discs following its
 * fracture), else merged here. Timed as the `spine-static-merge` measure, which says which thread merged.
 */
export function staticSpineGeometry(root: Object3D, excluded: string): MergedStatic {
  const started = performance.now();
  const arrays = premerged.get(root);
  const inWorker = arrays?.excluded === excluded;
  if (inWorker) premerged.delete(root);
  const merged = inWorker
    ? {
        bone: mergedGeometry(arrays.bone),
        disc: mergedGeometry(arrays.disc),
        context: mergedGeometry(arrays.context),
        contextParts: arrays.contextParts,
        discParts: arrays.discParts,
      }
    : mergeStaticParts(root, excluded.split(','));
  performance.measure('spine-static-merge', {
    start: started,
    detail: { thread: inWorker ? 'worker' : 'main' },
  });
  return merged;
}

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
    .then((decoded) => {
      const model = indexSpineModel(spineGroup(decoded));
      if ('premerged' in decoded && decoded.premerged) premerged.set(model.root, decoded.premerged);
      return model;
    });
  prepared.catch(() => (prepared = null));
  return prepared;
}
