import type { Plugin, Rollup } from 'vite';

/**
 * V8's explicit compile hint (Chrome 136 and later; other engines read a comment): every function of a file that
 * starts with it is compiled while the file streams in, on a background thread, instead of lazily on the page's
 * thread the first time it is called. The scripts that run before the first frame call most of their functions
 * then, and their lazy compiles were about a third of the page thread's work up to it (about 1,800 functions,
 * 100 ms here, four times that on a slow phone). It must be the file's first line.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** What chunksRunAtLoad reads of a built chunk (a subset of Rollup's RenderedChunk). */
export type ChunkFacts = Pick<Rollup.RenderedChunk, 'name' | 'isEntry' | 'imports' | 'moduleIds'>;

/** Which chunks run at load: the static-import closure of the named entries and of the chunks made from `lazy`. */
export interface RunAtLoad {
  /** Entry chunk names (Rollup's `name`) whose code runs as their page loads. */
  entries: readonly string[];
  /** Source modules loaded with `import()` that the first frame waits for (the chunks holding them, and their imports). */
  lazy: readonly RegExp[];
}

/** The file names of the chunks that run before the first frame, in a bundle of chunks keyed by file name. */
export function chunksRunAtLoad(chunks: Record<string, ChunkFacts>, { entries, lazy }: RunAtLoad): string[] {
  const roots = Object.entries(chunks)
    .filter(
      ([, chunk]) =>
        (chunk.isEntry && entries.includes(chunk.name)) ||
        chunk.moduleIds.some((id) => lazy.some((module) => module.test(id))),
    )
    .map(([file]) => file);
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file) || !chunks[file]) return;
    found.add(file);
    chunks[file].imports.forEach(visit);
  };
  roots.forEach(visit);
  return [...found].sort();
}

/**
 * Prepends the compile hint to the chunks that run before the first frame: after minification (which would drop
 * it) and before the content hashes are computed, so a file's name still changes whenever its bytes do.
 */
export function compileHints(runAtLoad: RunAtLoad): Plugin {
  return {
    name: 'spine-procedure-viewer-compile-hints',
    apply: 'build',
    renderChunk: {
      order: 'post',
      handler(code, chunk, _options, { chunks }) {
        if (!chunksRunAtLoad(chunks, runAtLoad).includes(chunk.fileName)) return null;
        // No source maps are built (build.sourcemap is off), so none needs its lines shifted.
        return { code: COMPILE_HINT + code, map: null };
      },
    },
  };
}
