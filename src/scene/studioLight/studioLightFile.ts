import studioLightUrl from '../../../models/studio-light.bin?url';
import { packageFileUrl } from '../../anatomy/packageFileUrl';
import { decodeStudioLight, type StudioLightCube } from './studioLightFormat';

/** The studio light, fetched and read once per page: every viewer and every remount share it. */
let pending: Promise<StudioLightCube> | null = null;
/** The light once read, for a canvas that mounts after it arrived (the usual case: it is fetched at connect). */
let arrived: StudioLightCube | null = null;

/** The studio light if it has already been read, else null. */
export function studioLightIfArrived(): StudioLightCube | null {
  return arrived;
}

/**
 * Start (or join) the download of models/studio-light.bin. Called when a viewer connects, with the model's, so
 * the light is here before the canvas needs it; a failed download is forgotten, so the next try starts again.
 */
export function fetchStudioLight(): Promise<StudioLightCube> {
  pending ??= fetch(packageFileUrl(studioLightUrl))
    .then((response) => {
      if (!response.ok) throw new Error(`The studio light could not be loaded (HTTP ${response.status}).`);
      return response.arrayBuffer();
    })
    .then(decodeStudioLight)
    .then((cube) => (arrived = cube));
  pending.catch(() => (pending = null));
  return pending;
}
