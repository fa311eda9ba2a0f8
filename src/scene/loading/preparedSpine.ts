import { fetchSpineModel } from '../../anatomy/spineModelFile';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { parseSpineModel, type SpineModel } from '../../anatomy/loadSpineModel';
import { configureSpineLoader } from '../../anatomy/spineGltfLoader';

/** The parsed, prepared model (immutable once prepared; each viewer merges its own copies from it). */
let prepared: Promise<SpineModel> | null = null;

/**
 * Parse the model as soon as its bytes and this chunk are both here — before the canvas exists, so the parse runs
 * while the WebGL context and the studio light are being set up. Shared by every viewer on the page, like a
 * loader cache; a failure is forgotten so a remount tries again.
 */
export function loadPreparedSpine(): Promise<SpineModel> {
  if (!prepared) {
    // Configured now, not when the bytes arrive: that starts the decoding worker while the model downloads.
    const loader = new GLTFLoader();
    configureSpineLoader(loader);
    prepared = fetchSpineModel().then((bytes) => parseSpineModel(bytes, loader));
  }
  prepared.catch(() => (prepared = null));
  return prepared;
}
