import { packageFileUrl } from '../anatomy/packageFileUrl';
import { BONE_BOX_MM, boneSurface, type BoneSurface } from './boneSurface';
import { cropAroundTarget } from './cropVolume';
import type { BoneSurfaceRequest } from './boneSurface.worker';
import workerUrl from './boneSurface.worker.ts?worker&url';
import type { ScanTarget, ScanVolume } from './types';

/** The bone surface's box as half-extents. */
const CUBE = BONE_BOX_MM.map((size) => size / 2) as [number, number, number];

/**
 * The bone surface around the target, built in a worker (only the cube around the target is copied to it); on
 * the main thread where workers are unavailable. Resolves null when `signal` aborts first (the scan changed).
 */
export function buildBoneSurface(
  volume: ScanVolume,
  target: ScanTarget,
  signal: AbortSignal,
): Promise<BoneSurface | null> {
  const cropped = cropAroundTarget(volume, target, CUBE);
  let worker: Worker;
  try {
    worker = new Worker(packageFileUrl(workerUrl), { type: 'module' });
  } catch {
    return Promise.resolve(signal.aborted ? null : boneSurface(cropped, target));
  }
  return new Promise((resolve) => {
    const done = (surface: BoneSurface | null) => {
      worker.terminate();
      signal.removeEventListener('abort', abort);
      resolve(surface);
    };
    const abort = () => done(null);
    signal.addEventListener('abort', abort);
    worker.onmessage = (event: MessageEvent<BoneSurface>) => done(event.data);
    // The crop went to the worker (transferred): crop again for the fallback.
    worker.onerror = () =>
      done(signal.aborted ? null : boneSurface(cropAroundTarget(volume, target, CUBE), target));
    const request: BoneSurfaceRequest = { volume: cropped, target: { ...target } };
    worker.postMessage(request, [cropped.hu.buffer]);
  });
}
