import { createHash } from 'node:crypto';

/*
 * Build time (Node, called by the service-worker plugin in vite.config.ts): the list of files the service worker
 * stores on install, and the version that names its cache.
 */

/**
 * One file to precache: its URL relative to the pages' folder and, for a file whose name carries no content hash
 * (the pages, the poster), the SHA-256 the worker checks before storing it.
 */
export interface PrecacheEntry {
  url: string;
  sha256?: string;
}

/** What the service worker is built with. */
export interface PrecacheManifest {
  /** Names the cache: any changed byte of the deployment, or of the worker, gives a new one. */
  version: string;
  files: PrecacheEntry[];
}

/** A built file: its path under dist/ and its bytes. */
export interface BuiltFile {
  path: string;
  bytes: string | Uint8Array;
}

/** Vite's `[name]-[hash]` file names under assets/: the name changes with the content, so the name is the check. */
const HASHED = /^assets\/.+-[\w-]{8}\.\w+$/;

export const isContentHashed = (path: string): boolean => HASHED.test(path);

const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The precache entries of `files`, sorted by URL so the same build always gives the same worker. */
export function precacheEntries(files: readonly BuiltFile[]): PrecacheEntry[] {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) =>
      isContentHashed(file.path) ? { url: file.path } : { url: file.path, sha256: sha256(file.bytes) },
    );
}

/**
 * The version of a worker built from its entries: a digest of its own code (with the version left as a
 * placeholder). The code holds every hashed file name and every other file's SHA-256, so the digest follows any
 * changed byte of the deployment, and any change to the worker itself.
 */
export function precacheVersion(workerCode: string): string {
  return sha256(workerCode).slice(0, 16);
}
