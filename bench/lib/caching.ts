/**
 * The HTTP caching the benchmark's server gives the built files, as a host following the README's advice would:
 * files whose names carry Vite's content hash (`name-<8 base64url characters>.ext`) never change, so they are
 * cached for a year without revalidation; everything else (the HTML pages, the element's stable-named script, a
 * service worker) must be checked on every visit. Only the repeat visit sees the difference: every other load
 * starts with an empty cache.
 */
const HASHED = /(^|\/)[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/i;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** True when `path` (a URL path) names a content-hashed build file. */
export function isHashedAsset(path: string): boolean {
  return HASHED.test(path.split(/[?#]/)[0]!);
}

/** The Cache-Control header for a URL path of the built app or baseline. */
export function cachingHeaders(path: string): Record<string, string> {
  return { 'Cache-Control': isHashedAsset(path) ? IMMUTABLE : REVALIDATE };
}
