/// <reference lib="webworker" />
/** Builds a scan's bone surface off the main thread (it takes ~0.5 s and more on a laptop). */
import { boneSurface, type BoneSurface } from './boneSurface';
import type { ScanTarget, ScanVolume } from './types';

export interface BoneSurfaceRequest {
  volume: ScanVolume;
  target: ScanTarget;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<BoneSurfaceRequest>) => {
  const surface: BoneSurface = boneSurface(event.data.volume, event.data.target);
  scope.postMessage(surface, [surface.positions.buffer, surface.indices.buffer]);
};
