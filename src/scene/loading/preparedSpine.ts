import { indexSpineModel, type SpineModel } from '../../anatomy/loadSpineModel';
import { decodeSpineModel } from '../../anatomy/spineModelDecode';
import { spineGroup } from './spineGlb';

/** The prepared model (immutable once prepared; each viewer merges its own copies from it). */
let prepared: Promise<SpineModel> | null = null;

/**
 * The model as three.js objects, as soon as the worker has decoded it and this chunk is here — before the canvas
 * exists, so it is ready while the WebGL context and the studio light are being set up. Shared by every viewer on
 * the page, like a loader cache; a failure is forgotten so a remount tries again. Read with the viewer's own GLB
 * reader, not three.js's GLTFLoader (which the build tools and tests use): same objects, far less code in the
 * first download, and the reading done off the main thread.
 */
export function loadPreparedSpine(): Promise<SpineModel> {
  prepared ??= decodeSpineModel().then((decoded) => indexSpineModel(spineGroup(decoded)));
  prepared.catch(() => (prepared = null));
  return prepared;
}
