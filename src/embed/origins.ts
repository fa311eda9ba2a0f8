/*
 * The iframe page's `origins` allow-list: which parent pages may send commands (see docs/embedding.md).
 */

/** The allow-list in the `origins` URL parameter: comma-separated `http(s)://host[:port]` origins. */
export interface OriginList {
  origins: string[];
  /**
   * Entries that are not origins, as written (trimmed); ignored, never widened to "anyone". They come from the
   * URL, so pass them through displayValue before showing them.
   */
  rejected: string[];
}

const ORIGIN_PATTERN =
  /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The origin an entry names, or null. One trailing slash is allowed: `https://a.example/` is how people copy it. */
function originOf(entry: string): string | null {
  const bare = entry.endsWith('/') ? entry.slice(0, -1) : entry;
  if (!ORIGIN_PATTERN.test(bare)) return null;
  try {
    const url = new URL(bare);
    const port = url.port === '' ? null : Number(url.port);
    return port === null || (port > 0 && port <= 65535) ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Parse the allow-list. Each entry must be exactly an origin: scheme, host, optional port and at most a trailing
 * slash; no other path, no query, no `*`.
 */
export function parseOrigins(text: string | null): OriginList {
  const origins: string[] = [];
  const rejected: string[] = [];
  if (text == null) return { origins, rejected };
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const origin = originOf(entry);
    if (origin === null) rejected.push(entry);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, rejected };
}
