import { fetchSpineModel } from '../../anatomy/spineModelFile';
import { prepareSpineModel, type SpineModel } from '../../anatomy/loadSpineModel';
import { spineMeshoptDecoder } from '../../anatomy/spineGltfLoader';
import { readSpineGlb } from './spineGlb';

/** The parsed, prepared model (immutable once prepared; each viewer merges its own copies from it). */
let prepared: Promise<SpineModel> | null = null;

/**
 * Parse the model as soon as its bytes and this chunk are both here — before the canvas exists, so the parse runs
 * while the WebGL context and the studio light are being set up. Shared by every viewer on the page, like a
 * loader cache; a failure is forgotten so a remount tries again. Read with the viewer's own GLB reader, not
 * three.js's GLTFLoader (which the build tools and tests use): same objects, far less code in the first download.
 */
export function loadPreparedSpine(): Promise<SpineModel> {
  if (!prepared) {
    // Started now, not when the bytes arrive: the decoding worker loads while the model downloads.
    const decoder = spineMeshoptDecoder();
    decoder.warm?.();
    prepared = fetchSpineModel()
      .then((bytes) => readSpineGlb(bytes, decoder))
      .then(prepareSpineModel);
  }
  prepared.catch(() => (prepared = null));
  return prepared;
}
