import { basename } from 'node:path';
import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite';

/** Which pages start which downloads from their HTML (see firstFramePreloads). */
export interface FirstFramePreloads {
  /** The pages (file names) whose viewer fills the page, so it always opens on the 3D view. */
  pages: readonly string[];
  /** Source modules the first frame waits for, loaded with `import()`: their chunks are preloaded. */
  modules: readonly RegExp[];
  /** Files the first frame waits for, fetched by the viewer (the model): preloaded as fetches. */
  assets: readonly RegExp[];
}

/** The preload tags for the chunks and assets of a bundle that `preloads` names, with URLs relative to a page. */
export function preloadTags(
  bundle: Record<string, Pick<Rollup.OutputChunk, 'type' | 'moduleIds'> | Pick<Rollup.OutputAsset, 'type'>>,
  { modules, assets }: Pick<FirstFramePreloads, 'modules' | 'assets'>,
): HtmlTagDescriptor[] {
  const tags: HtmlTagDescriptor[] = [];
  for (const [file, item] of Object.entries(bundle)) {
    const href = `./${file}`;
    // Low priority: the element's own script, which shows the poster and the controls, comes first on a slow
    // network; these only need to be here by the time it asks for them.
    if (item.type === 'chunk' && item.moduleIds.some((id) => modules.some((module) => module.test(id))))
      tags.push({
        tag: 'link',
        attrs: { rel: 'modulepreload', href, crossorigin: true, fetchpriority: 'low' },
        injectTo: 'head',
      });
    // Same mode and credentials as the viewer's fetch() of it (a CORS request of its own origin), so that fetch
    // is answered by this download.
    if (item.type === 'asset' && assets.some((asset) => asset.test(file)))
      tags.push({
        tag: 'link',
        attrs: { rel: 'preload', as: 'fetch', href, crossorigin: true, fetchpriority: 'low' },
        injectTo: 'head',
      });
  }
  return tags.sort((a, b) => String(a.attrs!.href).localeCompare(String(b.attrs!.href)));
}

/**
 * The standalone page and the iframe page start the first frame's other downloads (the canvas chunk, the model)
 * as their HTML is read, instead of when the element's script has run and its viewer has connected: about 100 ms
 * sooner on this machine, more on a slow phone, where that script takes longest. Embedders' pages keep starting
 * them at connect (scenePrefetch.ts): only these pages know that their viewer is on screen from the start.
 */
export function firstFramePreloads(preloads: FirstFramePreloads): Plugin {
  return {
    name: 'spine-procedure-viewer-first-frame-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { filename, bundle }) {
        if (!bundle || !preloads.pages.includes(basename(filename))) return [];
        return preloadTags(bundle, preloads);
      },
    },
  };
}
