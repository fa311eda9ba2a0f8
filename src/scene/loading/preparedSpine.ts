import type { BufferGeometry, Object3D } from 'three';
import { indexSpineModel, type MergedPartRange, type SpineModel } from '../../anatomy/loadSpineModel';
import type { MergedArrays } from '../../anatomy/mergeArrays';
import { mergedGeometry } from '../../anatomy/mergedGeometry';
import { decodeOnMainThread, WorkerUnavailable } from '../../anatomy/meshoptWorkerDecoder';
import {
  decodeSpineModelInWorker,
  premergedLevels,
  type WorkerDecodedSpine,
} from '../../anatomy/spineModelDecode';
import type { StaticMergeArrays } from '../../anatomy/staticMerge';
import { fetchSpineModel } from '../../anatomy/spineModelFile';
import { spineGroup } from './spineGlb';

/** The prepared model (immutable once prepared; each viewer merges its own copies from it). */
let prepared: Promise<SpineModel> | null = null;

/** The worker's merge of the static spine, by the model's root (never changed: see withOwnPositions). */
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
 * The disc positions are each viewer's own: they follow its fracture (discFollow.ts). Nothing changes the other
 * arrays, which every viewer treating the same levels shares (copying them all took about 15 ms of the page's
 * thread before the first frame here, four times that on a slow phone).
 */
function withOwnPositions(m: MergedArrays): MergedArrays {
  return { ...m, positions: m.positions.slice() };
}

/**
 * The static spine without the `excluded` levels (joined by commas), as the decoding worker merged it while the
 * page set up its canvas, or null if it left out other levels (the features chunk then merges it on the page).
 * Timed as the `spine-static-merge` measure, which says which thread merged.
 */
export function workerStaticSpine(root: Object3D, excluded: string): MergedStatic | null {
  const started = performance.now();
  const arrays = premerged.get(root);
  if (arrays?.excluded !== excluded) return null;
  const merged = {
    bone: mergedGeometry(arrays.bone),
    disc: mergedGeometry(withOwnPositions(arrays.disc)),
    context: mergedGeometry(arrays.context),
    contextParts: arrays.contextParts,
    discParts: arrays.discParts,
  };
  performance.measure('spine-static-merge', { start: started, detail: { thread: 'worker' } });
  return merged;
}

/**
 * Where no worker runs (a viewer script served from another origin than the page, a worker that fails to load):
 * the same reading on this thread, with the JavaScript decoder. Both are loaded only then, from this chunk, so
 * what they share with it is not split into chunks of its own.
 */
async function decodeOnThisThread(): Promise<WorkerDecodedSpine> {
  const [{ decodeSpineGlb }, { mergeStaticArrays }, bytes] = await Promise.all([
    import('../../anatomy/spineGlbDecode'),
    import('../../anatomy/staticMerge'),
    fetchSpineModel(),
  ]);
  const decoded = await decodeSpineGlb(bytes, decodeOnMainThread);
  // As the worker would have: the static spine merged for the levels asked for.
  const levels = premergedLevels();
  return levels === null ? decoded : { ...decoded, premerged: mergeStaticArrays(decoded, levels.split(',')) };
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
      if (decoded.premerged) premerged.set(model.root, decoded.premerged);
      return model;
    });
  prepared.catch(() => (prepared = null));
  return prepared;
}
