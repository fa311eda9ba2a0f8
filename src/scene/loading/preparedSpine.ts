import { fetchSpineModel } from '../../anatomy/spineModelFile';
import { parseSpineModel, type SpineModel } from '../../anatomy/loadSpineModel';

/** The parsed, prepared model (immutable once prepared; each viewer merges its own copies from it). */
let prepared: Promise<SpineModel> | null = null;

/**
 * Parse the model as soon as its bytes and this chunk are both here — before the canvas exists, so the parse runs
 * while the WebGL context and the studio light are being set up. Shared by every viewer on the page, like a
 * loader cache; a failure is forgotten so a remount tries again.
 */
export function loadPreparedSpine(): Promise<SpineModel> {
  prepared ??= fetchSpineModel().then((bytes) => parseSpineModel(bytes));
  prepared.catch(() => (prepared = null));
  return prepared;
}
