import studioLightUrl from '../../../models/studio-light.bin?url';
import { decodingWorker, WorkerUnavailable } from '../../anatomy/meshoptWorkerDecoder';
import { packageFileUrl } from '../../anatomy/packageFileUrl';
import { loadStudioLight, type StudioLightCube } from '../../anatomy/studioLightFormat';

/** The studio light, fetched and read once per page: every viewer and every remount share it. */
let pending: Promise<StudioLightCube> | null = null;
/** The light once read, for a canvas that mounts after it arrived (the usual case: it is fetched at connect). */
let arrived: StudioLightCube | null = null;

/** The studio light if it has already been read, else null. */
export function studioLightIfArrived(): StudioLightCube | null {
  return arrived;
}

/**
 * Fetched and read by the decoding worker, which reads the model too; on this thread where no worker runs (the
 * reader is in this chunk anyway: the canvas chunk needs the format's layout, and a chunk of its own would be one
 * more round trip before the canvas chunk runs).
 */
async function readStudioLight(): Promise<StudioLightCube> {
  const url = packageFileUrl(studioLightUrl);
  try {
    const reply = await decodingWorker().request({ kind: 'light', url });
    if (!('light' in reply)) throw new Error('The studio light could not be read: the worker sent no light.');
    return reply.light;
  } catch (error) {
    if (error instanceof WorkerUnavailable) return loadStudioLight(url);
    throw error;
  }
}

/**
 * Start (or join) the download of models/studio-light.bin. Called when a viewer connects, with the model's, so
 * the light is here before the canvas needs it; a failed download is forgotten, so the next try starts again.
 */
export function fetchStudioLight(): Promise<StudioLightCube> {
  pending ??= readStudioLight().then((cube) => (arrived = cube));
  pending.catch(() => (pending = null));
  return pending;
}
