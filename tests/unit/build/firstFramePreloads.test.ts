import { describe, expect, it } from 'vitest';
import { preloadTags } from '../../../scripts/firstFramePreloads';

/** A bundle shaped like the viewer's: the element's chunk, the canvas chunk, later features, the model, a poster. */
const BUNDLE = {
  'assets/SpineProcedureViewerElement-a1.js': {
    type: 'chunk' as const,
    moduleIds: ['/p/src/embed/element.tsx'],
  },
  'assets/ViewerCanvas-b2.js': {
    type: 'chunk' as const,
    moduleIds: ['/p/src/scene/Lights.tsx', '/p/src/scene/ViewerCanvas.tsx'],
  },
  'assets/SceneFeatures-c3.js': { type: 'chunk' as const, moduleIds: ['/p/src/scene/SceneFeatures.tsx'] },
  'assets/spine-d4.glb': { type: 'asset' as const },
  'assets/studio-light-e5.bin': { type: 'asset' as const },
};
const PRELOADS = { modules: [/[\\/]scene[\\/]ViewerCanvas\.tsx$/], assets: [/^assets\/spine-[\w-]+\.glb$/] };

describe('first-frame preloads (build): what the standalone and iframe pages start downloading from their HTML', () => {
  it('are the model (a fetch the viewer reuses) and the canvas chunk (a module preload), at low priority', () => {
    expect(preloadTags(BUNDLE, PRELOADS)).toEqual([
      {
        tag: 'link',
        attrs: {
          rel: 'preload',
          as: 'fetch',
          href: './assets/spine-d4.glb',
          crossorigin: true,
          fetchpriority: 'low',
        },
        injectTo: 'head',
      },
      {
        tag: 'link',
        attrs: {
          rel: 'modulepreload',
          href: './assets/ViewerCanvas-b2.js',
          crossorigin: true,
          fetchpriority: 'low',
        },
        injectTo: 'head',
      },
    ]);
  });

  it('leave out what only later steps load, and everything when nothing is named', () => {
    const hrefs = preloadTags(BUNDLE, PRELOADS).map((tag) => tag.attrs!.href);
    expect(hrefs).not.toContain('./assets/SceneFeatures-c3.js');
    expect(hrefs).not.toContain('./assets/studio-light-e5.bin');
    expect(preloadTags(BUNDLE, { modules: [], assets: [] })).toEqual([]);
  });
});
