import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A throwaway web root for embedding tests: host pages written at test time (they need the other server's port)
 * and the built viewer mounted at /viewer/ (a link to dist/, so the viewer can share the host's origin).
 */
export interface HostSite {
  root: string;
  /** Write (or overwrite) a page at this path under the root. */
  write(path: string, html: string): void;
  remove(): void;
}

export function createHostSite(dist = 'dist'): HostSite {
  const root = mkdtempSync(join(tmpdir(), 'spv-host-'));
  symlinkSync(resolve(dist), join(root, 'viewer'), 'dir');
  return {
    root,
    write: (path, html) => writeFileSync(join(root, path), html),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A minimal HTML page (no inline script or style, so it also works under a strict CSP). */
export function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>${head}</head><body>${body}</body></html>`;
}

/**
 * The strict Content-Security-Policy of docs/embedding.md, with the viewer on the page's own origin: the least the
 * viewer needs (scripts, the model, the poster) plus `style-src 'self'` for the pages' own stylesheet. The viewer
 * must work under it with no violation; no inline anything, no blob: or data: URLs, no workers.
 */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'";
