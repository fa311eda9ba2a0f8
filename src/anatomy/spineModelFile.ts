import spineUrl from '../../models/spine.glb?url';
import { packageFileUrl } from './packageFileUrl';
import { downloadSpineModel } from './spineModelDownload';

/** Where the model is, as an absolute URL (the decoding worker fetches it too). */
export function spineModelUrl(): string {
  return packageFileUrl(spineUrl);
}

/** The model's bytes, fetched once per page: every viewer and every remount after a lost context share them. */
let pending: Promise<ArrayBuffer> | null = null;

/**
 * Start (or join) the download of models/spine.glb. Called when a viewer connects, long before its canvas exists,
 * so the model arrives while the page still sets up; a failed download is forgotten, so the next try starts again.
 */
export function fetchSpineModel(): Promise<ArrayBuffer> {
  pending ??= downloadSpineModel(spineModelUrl());
  pending.catch(() => (pending = null));
  return pending;
}
