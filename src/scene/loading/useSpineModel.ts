import { useEffect, useState } from 'react';
import type { SpineModel } from '../../anatomy/loadSpineModel';
import { loadPreparedSpine } from './preparedSpine';

/**
 * The prepared spine model, or null until it is here; a failed load is thrown to the nearest error boundary.
 * A state update rather than Suspense: React holds back a suspended boundary's content for up to 300 ms after
 * its fallback shows, which would delay the first frame for nothing.
 */
export function useSpineModel(): SpineModel | null {
  const [loaded, setLoaded] = useState<{ model?: SpineModel; error?: unknown }>({});
  useEffect(() => {
    let live = true;
    loadPreparedSpine().then(
      (model) => live && setLoaded({ model }),
      (error: unknown) => live && setLoaded({ error }),
    );
    return () => {
      live = false;
    };
  }, []);
  if (loaded.error) throw loaded.error instanceof Error ? loaded.error : new Error(String(loaded.error));
  return loaded.model ?? null;
}
