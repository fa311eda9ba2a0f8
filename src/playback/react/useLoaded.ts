import { useEffect, useState } from 'react';

/**
 * What a promise brings (a chunk, the model), or null until it is here; a failure is thrown to the nearest error
 * boundary. A state update rather than Suspense: React holds back a suspended boundary's content for up to
 * 300 ms after its fallback shows, which would delay the first frame for nothing. `load` must be stable (a
 * module function or a memoised callback): a new one starts a new load.
 */
export function useLoaded<T>(load: () => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<{ value?: T; error?: unknown }>({});
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setLoaded({ value }),
      (error: unknown) => live && setLoaded({ error }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (loaded.error) throw loaded.error instanceof Error ? loaded.error : new Error(String(loaded.error));
  return loaded.value ?? null;
}
