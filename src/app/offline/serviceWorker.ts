import type { PrecacheManifest } from './precacheManifest';
import { cachePrefix, precacheKey } from './precacheRequest';

/*
 * The service worker of the standalone page and embed.html (built to dist/sw.js by vite.config.ts, which fills in
 * the manifest). It makes a second visit independent of the network: install stores one deployment's pages, chunks
 * and model as a single versioned snapshot, and fetch answers those URLs from that snapshot, cache first.
 *
 * Why this is safe across deployments:
 * - A snapshot is all or nothing: install fails (and the old worker stays) unless every file arrives, and the files
 *   without a content hash in their name (the pages, the poster) must have exactly this build's bytes, so a stale
 *   proxy can never pair old HTML with new chunks.
 * - A page is answered by one snapshot for its whole life. The worker neither skips waiting nor claims pages: a page
 *   loaded from the network keeps the network, and a page loaded from a snapshot keeps it until it closes, so its
 *   lazy chunks (another language, the clinician panel) are always the ones its HTML names. A new version installs
 *   in the background and takes over at the next visit after every page of the old one has closed; its activation
 *   then deletes the older snapshots of this scope.
 * - Everything else goes to the network untouched (precacheRequest.ts): other origins, other folders, non-GET,
 *   range requests.
 */

declare const __PRECACHE_MANIFEST__: PrecacheManifest;

/** The parts of the service-worker global scope used here (the DOM typings the project compiles with lack them). */
interface WorkerEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface WorkerFetchEvent extends WorkerEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly registration: { readonly scope: string };
  addEventListener(type: 'install' | 'activate', listener: (event: WorkerEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: WorkerFetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const manifest = __PRECACHE_MANIFEST__;
const scope = worker.registration.scope;
const cacheName = cachePrefix(scope) + manifest.version;
const precached = new Set(manifest.files.map((file) => new URL(file.url, scope).href));

const hex = (digest: ArrayBuffer) =>
  Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Store every file of this version, or nothing. */
async function precache(): Promise<void> {
  const cache = await caches.open(cacheName);
  try {
    await Promise.all(
      manifest.files.map(async ({ url, sha256 }) => {
        const href = new URL(url, scope).href;
        // Hashed files may come from the HTTP cache (the page has just loaded them; their bytes cannot differ);
        // the others are revalidated with the server and then checked against this build.
        const response = await fetch(href, { cache: sha256 ? 'no-cache' : 'default' });
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        if (
          sha256 &&
          hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer())) !== sha256
        )
          throw new Error(`${url} is not this version's file`);
        // Stored with the server's headers (the pages' Content-Security-Policy stays with them); a redirected
        // response cannot answer a navigation, so it is stored as a fresh one.
        const stored = response.redirected
          ? new Response(await response.blob(), { status: 200, headers: response.headers })
          : response;
        await cache.put(href, stored);
      }),
    );
  } catch (error) {
    await caches.delete(cacheName);
    throw error;
  }
}

/** Drop the snapshots of older versions of this deployment (other deployments on the origin keep theirs). */
async function deleteOlderVersions(): Promise<void> {
  const prefix = cachePrefix(scope);
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith(prefix) && name !== cacheName).map((name) => caches.delete(name)),
  );
}

async function answer(key: string, request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  return (await cache.match(key)) ?? fetch(request);
}

worker.addEventListener('install', (event) => event.waitUntil(precache()));
worker.addEventListener('activate', (event) => event.waitUntil(deleteOlderVersions()));
worker.addEventListener('fetch', (event) => {
  const key = precacheKey(event.request, scope, precached);
  if (key) event.respondWith(answer(key, event.request));
});
