import { useSyncExternalStore } from 'react';

const query = '(prefers-reduced-motion: reduce)';

/** Live `prefers-reduced-motion`: camera moves become cuts and nothing autoplays. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', notify);
      return () => mql.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
