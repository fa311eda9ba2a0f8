import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What a requested file counts as in the benchmark. */
export type AssetKind = 'js' | 'model' | 'texture' | 'other';

const KIND_BY_EXTENSION: Record<string, AssetKind> = {
  '.js': 'js',
  '.mjs': 'js',
  '.glb': 'model',
  '.gltf': 'model',
  '.bin': 'model',
  '.drc': 'model',
  '.png': 'texture',
  '.jpg': 'texture',
  '.jpeg': 'texture',
  '.webp': 'texture',
  '.avif': 'texture',
  '.ktx2': 'texture',
  '.basis': 'texture',
  '.hdr': 'texture',
  '.exr': 'texture',
};

/**
 * The prefiltered studio light (models/studio-light.bin, docs/models.md): image data for the lighting, a cube map's
 * mip levels, so a texture, though its file ends in .bin like a glTF model's buffers.
 */
const STUDIO_LIGHT = /(^|\/)studio-light[^/]*\.bin$/;

/** Kind of a requested path, by its extension (query and hash ignored). */
export function assetKind(path: string): AssetKind {
  const clean = path.split(/[?#]/)[0]!;
  if (STUDIO_LIGHT.test(clean)) return 'texture';
  return KIND_BY_EXTENSION[extname(clean).toLowerCase()] ?? 'other';
}

/**
 * Chunks that must not be part of the default experience: the clinician settings panel and leva, which load only
 * when a clinician opens the panel (DESIGN.md §7: 0 bytes of leva in the default bundle).
 */
export const ON_DEMAND_CHUNK = /(^|\/)(ClinicianPanel|leva)[^/]*\.m?js$/i;

/** gzip at level 9, like the model budget in docs/models.md. */
export function gzipBytes(data: Uint8Array | string): number {
  return gzipSync(data, { level: 9 }).length;
}

/** leva's generated class-name prefix: present in any chunk that bundles leva. */
export const LEVA_MARKER = 'leva__';

export interface FileBytes {
  path: string;
  bytes: number;
  gzipBytes: number;
  /** The file bundles leva (contains its class-name prefix). */
  hasLeva: boolean;
}

/**
 * Sizes of the distinct files under `root` that the given URL paths name (in first-request order). Paths that do
 * not resolve to a file inside `root` (404s, directories, anything outside) are skipped.
 */
export function filesRequested(root: string, paths: readonly string[]): FileBytes[] {
  const base = resolve(root);
  const seen = new Set<string>();
  const out: FileBytes[] = [];
  for (const raw of paths) {
    const path = decodeURIComponent(raw.split(/[?#]/)[0]!);
    if (seen.has(path)) continue;
    seen.add(path);
    const file = normalize(join(base, path));
    if (!file.startsWith(base + '/')) continue;
    try {
      if (!statSync(file).isFile()) continue;
    } catch {
      continue;
    }
    const data = readFileSync(file);
    out.push({
      path,
      bytes: data.length,
      gzipBytes: gzipBytes(data),
      hasLeva: assetKind(path) === 'js' && data.includes(LEVA_MARKER),
    });
  }
  return out;
}

export function sumBytes(files: readonly FileBytes[]): { bytes: number; gzipBytes: number } {
  return files.reduce((s, f) => ({ bytes: s.bytes + f.bytes, gzipBytes: s.gzipBytes + f.gzipBytes }), {
    bytes: 0,
    gzipBytes: 0,
  });
}

/** True when `url` is served from one of `origins` or never leaves the page (data:, blob:, about:). */
export function isSameOrigin(url: string, origins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
  return origins.includes(parsed.origin);
}

/** The on-demand chunks the build produced (listed in the results to show what the default load leaves out). */
export function onDemandChunks(root: string): FileBytes[] {
  const base = resolve(root);
  const paths = readdirSync(base, { recursive: true, encoding: 'utf8' })
    .map((p) => `/${p.split(sep).join('/')}`)
    .filter((p) => ON_DEMAND_CHUNK.test(p))
    .sort();
  return filesRequested(base, paths);
}
