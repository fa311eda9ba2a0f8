import type { SpineModel } from '../../anatomy/loadSpineModel';
import { useLoaded } from '../../playback/react/useLoaded';
import { loadPreparedSpine } from './preparedSpine';

/** The prepared spine model, or null until it is here; a failed load is thrown to the nearest error boundary. */
export function useSpineModel(): SpineModel | null {
  return useLoaded(loadPreparedSpine);
}
