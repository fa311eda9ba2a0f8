import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, defineConfig, type Plugin, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import {
  isContentHashed,
  precacheEntries,
  precacheVersion,
  type BuiltFile,
} from './src/app/offline/precacheManifest';
import { PAGES } from './src/app/offline/precacheRequest';
import { bundledTypes } from './scripts/bundledTypes';
import { compileHints } from './scripts/compileHints';
import { elementChunks } from './scripts/elementChunks';
import { firstFramePreloads } from './scripts/firstFramePreloads';
import { meshoptSimdDecoder } from './scripts/meshoptSimdDecoder';
import { shaderComments } from './scripts/shaderComments';

/**
 * One `vite build` writes everything an embedder relies on at the root of dist/ (relative base, so dist can be
 * served from any path; every file comes from the same origin):
 *
 *   index.html                     the standalone site
 *   embed.html                     the iframe page (postMessage API)
 *   handout.html                   the printable take-home handout (same parameters as index.html)
 *   spine-procedure-viewer.js      ES module: importing it defines <spine-procedure-viewer>
 *   spine-procedure-player.js      ES module: exports SpineProcedurePlayer, the iframe's parent-page client
 *   spine-procedure-viewer-react.js  ES module: the <SpineProcedureViewer> React component (imports `react`)
 *   demo.html                      the three ways to embed, live (from public/)
 *   sw.js                          the service worker of index.html and embed.html (offline use, second visits)
 *   types/*.d.ts                   the npm package's bundled declarations, one per export (docs/package.md)
 *
 * Chunks, the model and other assets go to dist/assets/ with content hashes.
 */
const LIBRARY_ENTRIES: Record<string, string> = {
  'spine-procedure-viewer': 'src/embed/viewerEntry.ts',
  'spine-procedure-player': 'src/embed/SpineProcedurePlayer.ts',
};
/** A demo-only entry with a stable name, loaded by public/demo.html. */
const DEMO_ENTRIES: Record<string, string> = { 'demo-react': 'src/app/demoReact.tsx' };

/**
 * The React component imports the host app's `react` (a second copy would break hooks), so it is built after the
 * app as a small library with `react` external; the element comes from the script-tag bundle next to it.
 */
function reactEntry(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  // Rollup names an external relative import by its absolute path without the extension.
  const isViewerEntry = (id: string) =>
    id === '../viewerEntry' || id.replace(/\.ts$/, '') === resolve(root, 'src/embed/viewerEntry');
  return {
    name: 'spine-procedure-viewer-react-entry',
    apply: 'build',
    configResolved(config) {
      // Next to the app, wherever this build writes it (a benchmark may build into another folder).
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        plugins: [react()],
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          target: 'es2022',
          minify: true,
          lib: {
            entry: 'src/embed/react/SpineProcedureViewer.tsx',
            formats: ['es'],
            fileName: () => 'spine-procedure-viewer-react.js',
          },
          rollupOptions: {
            external: (id) => id === 'react' || id.startsWith('react/') || isViewerEntry(id),
            output: { paths: (id) => (isViewerEntry(id) ? './spine-procedure-viewer.js' : id) },
          },
        },
      });
    },
  };
}

/** The 3D view's module, loaded with `import()`: its chunk (three.js, the scene) is one the first frame waits for. */
const CANVAS_MODULE = /[\\/]src[\\/]scene[\\/]ViewerCanvas\.tsx$/;
/** The iframe page's hosting of its viewer, loaded with the element's chunk. */
const EMBED_PAGE_MODULE = /[\\/]src[\\/]app[\\/]embedPage\.ts$/;
/** What the standalone page runs before the element's chunk: it starts the model's download and decoding. */
const HEAD_START_MODULE = /[\\/]src[\\/]embed[\\/]element[\\/]prefetchBeforeUpgrade\.ts$/;
/** The element's chunk: the element, React and React DOM, and the hooks the canvas chunk shares with it. */
const ELEMENT_CHUNK_MODULES = [
  /[\\/]src[\\/]embed[\\/]SpineProcedureViewerElement\.ts$/,
  /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
  /[\\/]src[\\/]playback[\\/]react[\\/]/,
  /[\\/]src[\\/]fluoro[\\/]fluoroLayout\.ts$/,
];

/** Files from public/ that the pages use (the default poster), precached with them. */
const PUBLIC_FILES_OF_PAGES = ['poster.webp'];

/**
 * dist/sw.js, built after the app from src/app/offline/serviceWorker.ts with this build's precache manifest: the two
 * pages, the public files they use and every content-hashed file under assets/ (chunks loaded later, such as another
 * language's catalog or the clinician panel, included). Its version is a digest of the worker's code, which names
 * every hashed file and holds the SHA-256 of the others, so a deployment with any changed byte gets a new cache.
 */
function serviceWorker(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  let publicDir = 'public';
  let files: BuiltFile[] = [];
  const PLACEHOLDER = 'precache-version-placeholder';
  return {
    name: 'spine-procedure-viewer-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      publicDir = config.publicDir;
    },
    writeBundle(_options, bundle: Rollup.OutputBundle) {
      files = Object.values(bundle)
        .filter(
          (item) => (PAGES as readonly string[]).includes(item.fileName) || isContentHashed(item.fileName),
        )
        .map((item) => ({ path: item.fileName, bytes: item.type === 'chunk' ? item.code : item.source }));
      for (const name of PUBLIC_FILES_OF_PAGES)
        files.push({ path: name, bytes: readFileSync(join(publicDir, name)) });
    },
    async closeBundle() {
      const output = (await build({
        configFile: false,
        root,
        logLevel: 'warn',
        publicDir: false,
        define: {
          __PRECACHE_MANIFEST__: JSON.stringify({ version: PLACEHOLDER, files: precacheEntries(files) }),
        },
        build: {
          write: false,
          target: 'es2022',
          minify: true,
          // A classic script: module service workers are not supported by every browser the viewer runs in.
          lib: { entry: 'src/app/offline/serviceWorker.ts', formats: ['iife'], name: 'spvServiceWorker' },
        },
      })) as Rollup.RollupOutput[];
      const code = output[0]!.output[0].code;
      writeFileSync(join(outDir, 'sw.js'), code.replaceAll(PLACEHOLDER, precacheVersion(code)));
    },
  };
}

/**
 * R3F's `<Canvas>` registers every three.js class as a JSX element (`extend(THREE)` over the whole namespace), so
 * nothing of three.js could be left out of the canvas chunk. Its module gets src/scene/threeElements.ts as `three`
 * instead: the classes the viewer uses as elements. The rest of R3F and the viewer import three.js as usual, and
 * the bundler keeps only what they name.
 */
function threeElements(): Plugin {
  const canvasModule = /[\\/]@react-three[\\/]fiber[\\/]dist[\\/]react-three-fiber\.esm\.js$/;
  return {
    name: 'spine-procedure-viewer-three-elements',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'three' && importer && canvasModule.test(importer))
        return resolve(import.meta.dirname, 'src/scene/threeElements.ts');
      return null;
    },
  };
}

/**
 * models/morphometry.json is the one record of the spine's measurements: each value with its source, quality code
 * and note. The viewer reads only the values (and the labelled rendering fallbacks), so the built files carry just
 * those; the sources stay in the data file, where the generator, the tests and readers use them (dev and tests
 * import the whole file).
 */
function morphometryValuesOnly(): Plugin {
  const file = /[\\/]models[\\/]morphometry\.json$/;
  return {
    name: 'spine-procedure-viewer-morphometry-values',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (!file.test(id)) return null;
      const data = JSON.parse(readFileSync(id, 'utf8')) as {
        levels: Record<string, { values: unknown; renderingFallbacks?: unknown }>;
      };
      const levels = Object.fromEntries(
        Object.entries(data.levels).map(([level, entry]) => [
          level,
          { values: entry.values, renderingFallbacks: entry.renderingFallbacks ?? {} },
        ]),
      );
      return JSON.stringify({ levels });
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    threeElements(),
    morphometryValuesOnly(),
    shaderComments(),
    // The first frame's scripts: the pages and the element's script with what they import, and the canvas chunk.
    compileHints({
      entries: ['index', 'embed', 'spine-procedure-viewer'],
      lazy: [CANVAS_MODULE, ELEMENT_CHUNK_MODULES[0]!, EMBED_PAGE_MODULE],
    }),
    firstFramePreloads({
      pages: ['index.html', 'embed.html'],
      modules: [CANVAS_MODULE],
      assets: [/^assets[\\/]spine-[\w-]+\.glb$/],
    }),
    reactEntry(),
    serviceWorker(),
    bundledTypes(),
  ],
  base: './',
  resolve: {
    /*
     * react-dom pins scheduler ^0.27 and R3F ^0.28, whose code is the same: one copy in the bundle, not one in the
     * element chunk and another in the canvas chunk.
     */
    dedupe: ['scheduler'],
  },
  /*
   * Module workers (they are started with { type: 'module' }), so a worker can load a rarely needed part on demand
   * (the meshopt decoder's JavaScript fallback) instead of carrying it in its first download.
   */
  worker: {
    format: 'es',
    // The model's decoding worker runs all of itself as soon as it starts (its fallback decoder is a chunk apart).
    plugins: () => [
      compileHints({ entries: ['meshoptDecode.worker'], lazy: [] }),
      // The decoder's SIMD WebAssembly only (why: in the plugin).
      meshoptSimdDecoder(),
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    /*
     * No preload lists on dynamic imports between chunks: a consumer's bundler renames these chunks, and the lists
     * would then fetch the old names (404s). They only ever named chunks already loaded by the importing one (the
     * element chunk, the event list), so nothing is lost; the pages keep their <link rel="modulepreload">. Without
     * Vite's polyfill of those links (one more script to fetch and run before the element's): browsers preload
     * modules themselves (Chrome 66, Firefox 115, Safari 17), and one that does not still loads them when imported.
     */
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    rollupOptions: {
      input: {
        index: 'index.html',
        embed: 'embed.html',
        handout: 'handout.html',
        ...LIBRARY_ENTRIES,
        ...DEMO_ENTRIES,
      },
      // Library entries keep their exports (an app build would otherwise drop them).
      preserveEntrySignatures: 'exports-only',
      output: {
        // The standalone page's head start and the element's chunk (why: scripts/elementChunks.ts).
        manualChunks: elementChunks({
          headStart: HEAD_START_MODULE,
          element: ELEMENT_CHUNK_MODULES,
        }),
        entryFileNames: (chunk) =>
          chunk.name in LIBRARY_ENTRIES
            ? '[name].js'
            : chunk.name in DEMO_ENTRIES
              ? 'assets/[name].js'
              : 'assets/[name]-[hash].js',
      },
    },
  },
});
