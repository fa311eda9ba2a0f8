import spineUrl from '../../models/spine.glb?url';
import { packageFileUrl } from './packageFileUrl';

/** The model's bytes, fetched once per page: every viewer and every remount after a lost context share them. */
let pending: Promise<ArrayBuffer> | null = null;

/**
 * Start (or join) the download of models/spine.glb. Called when a viewer connects, long before its canvas exists,
 * so the model arrives while the page still sets up; a failed download is forgotten, so the next try starts again.
 */
export function fetchSpineModel(): Promise<ArrayBuffer> {
  pending ??= fetch(packageFileUrl(spineUrl)).then((response) => {
    if (!response.ok) throw new Error(`The spine model could not be loaded (HTTP ${response.status}).`);
    return response.arrayBuffer();
  });
  pending.catch(() => (pending = null));
  return pending;
}
