import type { Rollup } from 'vite';

/** The modules of the two chunks elementChunks pins. */
export interface ElementChunkModules {
  /** The module the standalone page runs first: it and everything it imports make the `viewerStart` chunk. */
  headStart: RegExp;
  /** Modules of the element's chunk (`SpineProcedureViewerElement`), what they import following them. */
  element: readonly RegExp[];
}

/**
 * Rollup's `manualChunks` for the viewer's first download. The standalone page runs a small head start (it reads
 * the viewer's attributes and starts the model's download and decoding) and then imports the element's chunk with
 * `import()`, so the decoding no longer waits for the page's largest script but one to be parsed. Left to itself,
 * Rollup would then split React, React DOM and the hooks the canvas chunk shares with the element into small
 * chunks of their own (the canvas chunk became reachable without the element's), 1.4 kB more to download (gzip)
 * in four requests instead of two. Every page that draws a viewer loads the element's chunk, so they stay in it;
 * the head start's modules are pinned to a chunk of their own, or they would follow the element's into it.
 */
export function elementChunks({ headStart, element }: ElementChunkModules): Rollup.GetManualChunk {
  let headStartModules: Set<string> | null = null;
  return (id, { getModuleIds, getModuleInfo }) => {
    headStartModules ??= staticClosure(
      [...getModuleIds()].filter((m) => headStart.test(m)),
      getModuleInfo,
    );
    if (headStartModules.has(id)) return 'viewerStart';
    return element.some((module) => module.test(id)) ? 'SpineProcedureViewerElement' : undefined;
  };
}

/** The modules `roots` import statically, directly or not, with the roots. */
function staticClosure(roots: string[], moduleInfo: Rollup.GetModuleInfo): Set<string> {
  const found = new Set<string>();
  const visit = (id: string) => {
    if (found.has(id)) return;
    found.add(id);
    moduleInfo(id)?.importedIds.forEach(visit);
  };
  roots.forEach(visit);
  return found;
}
