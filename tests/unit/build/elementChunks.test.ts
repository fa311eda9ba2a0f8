import type { Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { elementChunks } from '../../../scripts/elementChunks';

/** A module graph shaped like the viewer's: the head start, the options it parses, the element, React, three. */
const IMPORTS: Record<string, string[]> = {
  '/p/src/app/standalone.ts': ['/p/src/embed/element/prefetchBeforeUpgrade.ts'],
  '/p/src/embed/element/prefetchBeforeUpgrade.ts': [
    '/p/src/options/parseOptions.ts',
    '/p/src/embed/element/scenePrefetch.ts',
  ],
  '/p/src/options/parseOptions.ts': ['/p/src/i18n/catalog.ts'],
  '/p/src/i18n/catalog.ts': [],
  '/p/src/embed/element/scenePrefetch.ts': ['/p/src/anatomy/spineModelDecode.ts'],
  '/p/src/anatomy/spineModelDecode.ts': [],
  '/p/src/embed/SpineProcedureViewerElement.ts': [
    '/p/src/options/parseOptions.ts',
    '/p/node_modules/react-dom/client.js',
    '/p/src/ui/ViewerApp.tsx',
  ],
  '/p/node_modules/react-dom/client.js': ['/p/node_modules/react/index.js'],
  '/p/node_modules/react/index.js': [],
  '/p/src/ui/ViewerApp.tsx': ['/p/node_modules/react/index.js'],
  '/p/src/scene/ViewerCanvas.tsx': ['/p/node_modules/react/index.js', '/p/node_modules/three/build/three.js'],
  '/p/node_modules/three/build/three.js': [],
};

function chunkOf(id: string): string | undefined {
  const manualChunks = elementChunks({
    headStart: /[\\/]prefetchBeforeUpgrade\.ts$/,
    element: [/[\\/]SpineProcedureViewerElement\.ts$/, /[\\/]node_modules[\\/](react|react-dom)[\\/]/],
  });
  const meta = {
    getModuleIds: () => Object.keys(IMPORTS)[Symbol.iterator](),
    getModuleInfo: (m: string) => (m in IMPORTS ? { importedIds: IMPORTS[m]! } : null),
  } as unknown as Rollup.ManualChunkMeta;
  return manualChunks(id, meta) ?? undefined;
}

describe('element chunks (build): what the standalone page downloads before and with the element', () => {
  it('the head start and everything it imports form a chunk of their own, even what the element imports too', () => {
    for (const id of [
      '/p/src/embed/element/prefetchBeforeUpgrade.ts',
      '/p/src/options/parseOptions.ts',
      '/p/src/i18n/catalog.ts',
      '/p/src/embed/element/scenePrefetch.ts',
      '/p/src/anatomy/spineModelDecode.ts',
    ])
      expect(chunkOf(id), id).toBe('viewerStart');
  });

  it('React and React DOM stay in the element’s chunk, though the canvas chunk imports React too', () => {
    expect(chunkOf('/p/src/embed/SpineProcedureViewerElement.ts')).toBe('SpineProcedureViewerElement');
    expect(chunkOf('/p/node_modules/react-dom/client.js')).toBe('SpineProcedureViewerElement');
    expect(chunkOf('/p/node_modules/react/index.js')).toBe('SpineProcedureViewerElement');
  });

  it('leave the rest to Rollup: the page itself, the element’s own modules, the canvas chunk', () => {
    expect(chunkOf('/p/src/app/standalone.ts')).toBeUndefined();
    expect(chunkOf('/p/src/ui/ViewerApp.tsx')).toBeUndefined();
    expect(chunkOf('/p/src/scene/ViewerCanvas.tsx')).toBeUndefined();
    expect(chunkOf('/p/node_modules/three/build/three.js')).toBeUndefined();
  });
});
