/**
 * What the service worker answers from its cache. Pure, so it is unit-tested without a browser: everything the
 * worker does not claim here goes to the network untouched (other origins, paths outside the scope, non-GET
 * methods, range requests, and any URL that is not part of this version's precache).
 */

/** The parts of a Request the decision reads (a real Request fits). */
export interface RequestFacts {
  readonly url: string;
  readonly method: string;
  /** 'navigate' for a page load; other modes are subresources. */
  readonly mode: string;
  readonly headers: { has(name: string): boolean };
}

/** The pages a navigation may be answered with; a navigation to the scope's folder itself gets index.html. */
export const PAGES = ['index.html', 'embed.html', 'handout.html'] as const;

/**
 * The cache key (an absolute URL from the precache) that answers `request`, or null to let the network have it.
 * `scope` is the worker's scope URL (it ends with '/'); `precached` holds the absolute URLs of this version.
 */
export function precacheKey(
  request: RequestFacts,
  scope: string,
  precached: ReadonlySet<string>,
): string | null {
  if (request.method !== 'GET' || request.headers.has('range')) return null;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return null;
  }
  const base = new URL(scope);
  // Same origin and inside the scope's folder, or it is not ours to answer.
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  if (request.mode === 'navigate') {
    // A page's options live in its query (?step=…&lang=…); the page itself is the same file for all of them.
    const name = url.pathname.slice(base.pathname.length) || 'index.html';
    if (!(PAGES as readonly string[]).includes(name)) return null;
    const key = new URL(name, base).href;
    return precached.has(key) ? key : null;
  }
  url.hash = '';
  return precached.has(url.href) ? url.href : null;
}

/** Every cache of one deployment (one scope) starts with this; a version's cache adds its version. */
export function cachePrefix(scope: string): string {
  return `spine-procedure-viewer offline ${scope} `;
}
