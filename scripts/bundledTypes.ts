import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import type { Plugin } from 'vite';

/**
 * The package's type entry points: one `.d.ts` per export of package.json, written to dist/types/ next to the
 * modules they describe. Each is bundled from the sources (no tsc output kept around), so the files name no
 * internal path; declarations shared by several entries go to one chunk beside them.
 */
export const TYPE_ENTRIES: Record<string, string> = {
  'spine-procedure-viewer': 'src/embed/viewerEntry.ts',
  'spine-procedure-viewer-react': 'src/embed/react/SpineProcedureViewer.tsx',
  'spine-procedure-player': 'src/embed/SpineProcedurePlayer.ts',
};

/** Packages the declarations may import: the React component's `react` (a peer dependency). */
const EXTERNAL_TYPES = ['react', 'react-dom'];

/** Bundle the `.d.ts` files into `outDir` (dist/types by default). */
export async function bundleTypes(root: string, outDir: string): Promise<void> {
  const bundle = await rollup({
    input: Object.fromEntries(
      Object.entries(TYPE_ENTRIES).map(([name, file]) => [name, resolve(root, file)]),
    ),
    external: (id) => EXTERNAL_TYPES.some((name) => id === name || id.startsWith(`${name}/`)),
    plugins: [
      dts({
        tsconfig: resolve(root, 'tsconfig.json'),
        compilerOptions: { stripInternal: true, noEmit: false, declaration: true, emitDeclarationOnly: true },
      }),
    ],
    onwarn(warning, warn) {
      // A circular import between two source modules is no problem in declarations.
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  await bundle.write({
    dir: outDir,
    format: 'es',
    chunkFileNames: 'shared-[hash].d.ts',
    entryFileNames: '[name].d.ts',
  });
  await bundle.close();
  for (const name of readdirSync(outDir)) {
    const file = join(outDir, name);
    writeFileSync(file, checkedDeclarations(name, readFileSync(file, 'utf8')));
  }
}

/**
 * A source module that augments another one (the element's typed addEventListener) ends up in the same bundle
 * as `declare module "./<this file>" { … }`: unwrapped here into a plain declaration merge. Then no declaration may
 * name a module other than the peer packages and the files beside it, so no source path leaks to consumers.
 */
export function checkedDeclarations(name: string, text: string): string {
  const self = `declare module "./${name.replace(/\.d\.ts$/, '')}" {\n`;
  let out = text;
  for (let at = out.indexOf(self); at >= 0; at = out.indexOf(self)) {
    const end = out.indexOf('\n}\n', at);
    const body = out.slice(at + self.length, end + 1).replace(/^ {4}/gm, '');
    out = out.slice(0, at) + body + out.slice(end + 3);
  }
  for (const [, specifier] of out.matchAll(/(?:from|import|declare module)\s+['"]([^'"]+)['"]/g)) {
    const allowed =
      EXTERNAL_TYPES.includes(specifier!) || /^\.\/[\w-]+\.js$/.test(specifier!) || specifier === 'react';
    if (!allowed) throw new Error(`${name} refers to "${specifier}", which is not in the package`);
  }
  return out;
}

/** A build step that writes the package's types after the app, into the same outDir. */
export function bundledTypes(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  return {
    name: 'spine-procedure-viewer-types',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await bundleTypes(root, resolve(outDir, 'types'));
    },
  };
}
