import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, waitForViewerReady } from './support/browser';
import { packAndInstall, run, type ConsumerApp } from './support/consumerApp';
import { browserSuite } from './support/suite';

/*
 * The package as a web developer gets it: `npm pack` of this repository, installed from the tarball into a fresh
 * Vite + React + TypeScript app (tests/browser/consumer-app) and used two ways — bundled by the app, and imported
 * as a module file by a plain HTML page on a static host. The app must type-check strictly against the package's
 * own declarations, build, and both pages must draw the viewer's first frame with no error and no missing file.
 * The app's own Vite dev server, which pre-bundles the package, must draw it too, with no configuration; and the
 * app rendered on a server (the package imported in Node, as Next.js or Remix do) must hydrate in the browser.
 */
let app: ConsumerApp;
/** The type check and the build, started together once the app is installed (one core each in CI). */
let typecheck: Promise<string>;
let build: Promise<string>;
/** The app's server bundle (`vite build --ssr`), after the client build; resolves with the rendered HTML. */
let serverRender: Promise<string>;
beforeAll(async () => {
  app = await packAndInstall();
  const node = (args: string[]) => run(process.execPath, args, app.dir);
  // Bundler resolution (Vite's template) and the older Node resolution (Next.js's generated tsconfig), which
  // finds the subpaths' types through `typesVersions`.
  typecheck = node(['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']).then(() =>
    node(['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.node10.json']),
  );
  build = node(['node_modules/vite/bin/vite.js', 'build']);
  serverRender = build
    .then(() =>
      node(['node_modules/vite/bin/vite.js', 'build', '--ssr', 'src/server.tsx', '--outDir', 'dist-server']),
    )
    .then(() =>
      node([
        '--input-type=module',
        '-e',
        "const { render } = await import('./dist-server/server.js'); process.stdout.write(render());",
      ]),
    );
  serverRender.catch(() => undefined);
  // Each is awaited by its test; a failure must not surface earlier as an unhandled rejection.
  typecheck.catch(() => undefined);
  build.catch(() => undefined);
}, 180_000);
afterAll(() => app?.remove());

const suite = browserSuite({ root: () => app.dir });

interface Manifest {
  exports: Record<string, string | Record<string, string>>;
  peerDependencies: Record<string, string>;
  dependencies?: Record<string, string>;
}

describe('the packed package', () => {
  it('holds every file its exports name, its types and docs, and none of the demo site', () => {
    const pkg = join(app.dir, 'node_modules/spine-procedure-viewer');
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as Manifest;
    expect(Object.keys(manifest.exports)).toEqual(['.', './react', './player', './package.json']);
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      const conditions = typeof target === 'string' ? { default: target } : target;
      // `types` first, so TypeScript picks it before `default`.
      if (subpath !== './package.json') expect(Object.keys(conditions)).toEqual(['types', 'default']);
      for (const file of Object.values(conditions)) expect(existsSync(join(pkg, file)), file).toBe(true);
    }
    // Everything is bundled: installing it brings no other package; React is the host app's.
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(Object.keys(manifest.peerDependencies)).toEqual(['react', 'react-dom']);
    expect(app.files).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'LICENSE']));
    expect(app.files.some((f) => /^dist\/assets\/spine-.*\.glb$/.test(f))).toBe(true);
    expect(app.files.filter((f) => /demo/.test(f))).toEqual([]);
    // The declarations import only React and each other: no source path of this repository.
    for (const file of readdirSync(join(pkg, 'dist/types'))) {
      const text = readFileSync(join(pkg, 'dist/types', file), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from|import|declare module)\s+['"]([^'"]+)['"]/g))
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^(react|\.\/[\w-]+\.js)$/);
    }
  });

  it('type-checks a strict consumer (bundler and Node module resolution): typed properties, state, events, React props', async () => {
    // tsc fails on any type error, and on any `@ts-expect-error` line that the types wrongly accept.
    await typecheck;
  }, 120_000);

  it("bundles into the app with Vite: chunks, the model, the worker and the poster become the app's files", async () => {
    await build;
    const assets = readdirSync(join(app.dir, 'dist/assets'));
    for (const pattern of [
      /^spine-.*\.glb$/,
      /^meshoptDecode\.worker-.*\.js$/,
      /^ViewerCanvas-.*\.js$/,
      /^poster-.*\.webp$/,
    ])
      expect(
        assets.some((f) => pattern.test(f)),
        String(pattern),
      ).toBe(true);
  }, 180_000);

  it('imports in Node and renders on a server: the tag and its attributes, no DOM needed', async () => {
    const html = await serverRender;
    expect(html).toMatch(
      /^<main><h1>Kyphoplasty<\/h1><spine-procedure-viewer [^>]*><\/spine-procedure-viewer><\/main>$/,
    );
    expect(html).toContain('procedure="kyphoplasty"');
    expect(html).toContain('level="L2"');
    expect(html).toContain('step="access"');
    // Every entry loads where there is no window, document, HTMLElement or customElements.
    const exports = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const names = []; for (const e of ['spine-procedure-viewer', 'spine-procedure-viewer/react', 'spine-procedure-viewer/player']) names.push(...Object.keys(await import(e))); console.log(JSON.stringify(names.sort()));",
      ],
      app.dir,
    );
    expect(JSON.parse(exports)).toEqual([
      'SpineProcedurePlayer',
      'SpineProcedureViewer',
      'SpineProcedureViewerElement',
      'defineSpineProcedureViewer',
    ]);
  }, 180_000);
});

/** Open a page, wait for the viewer's first frame; no console error, no failed request. */
async function openAndDraw(path: string, origin = suite.origin): Promise<{ page: Page; loaded: string[] }> {
  const page = await suite.browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = collectErrors(page);
  const failed: string[] = [];
  const loaded: string[] = [];
  page.on('response', (r) => (r.status() >= 400 ? failed.push(`${r.status()} ${r.url()}`) : undefined));
  page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
  page.on('requestfinished', (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto(`${origin}${path}`);
  await waitForViewerReady(page);
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
  return { page, loaded };
}

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

describe('the consumer in the browser', () => {
  it('the built React app draws the viewer at the step its props ask for', async () => {
    const { page } = await openAndDraw('/dist/index.html');
    const facts = await page.evaluate(() => {
      const el = document.querySelector('spine-procedure-viewer')!;
      return {
        step: el.step,
        level: el.level,
        readyState: el.readyState,
        duration: document.body.dataset.duration,
      };
    });
    expect(facts).toMatchObject({ step: 'access', level: 'L2', readyState: 4 });
    expect(Number(facts.duration)).toBeGreaterThan(60);
    // The typed onStepChange callback hears the element's events.
    await page.evaluate(() => (document.querySelector('spine-procedure-viewer')!.step = 'cement-injection'));
    await page.waitForFunction(() => document.body.dataset.step === 'cement-injection');
    await page.close();
  });

  it('a plain page on a static host draws it from the package files with one module script', async () => {
    const { page } = await openAndDraw('/plain.html');
    expect(await page.evaluate(() => document.querySelector('spine-procedure-viewer')!.step)).toBe('access');
    await page.close();
  });

  it("the app's Vite dev server, which pre-bundles the package, draws it with no extra configuration, and hydrates the server-rendered page", async () => {
    const port = await freePort();
    const dev = spawn(
      process.execPath,
      ['node_modules/vite/bin/vite.js', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
      { cwd: app.dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: '' } },
    );
    let output = '';
    dev.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const origin = `http://127.0.0.1:${port}`;
      // The server answers once it listens; the pre-bundling runs on the first page load.
      for (let tries = 0; ; tries++) {
        if (
          await fetch(origin).then(
            (r) => r.ok,
            () => false,
          )
        )
          break;
        if (tries > 120 || dev.exitCode !== null) throw new Error(`the dev server did not start:\n${output}`);
        await new Promise((wait) => setTimeout(wait, 250));
      }
      const { page, loaded } = await openAndDraw('/', origin);
      // The package really ran from Vite's pre-bundled copy, and its model and worker came from the package.
      expect(
        loaded.some((p) => /\/node_modules\/\.vite\/deps\/spine-procedure-viewer_react\.js$/.test(p)),
      ).toBe(true);
      expect(loaded).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^\/node_modules\/spine-procedure-viewer\/dist\/assets\/spine-.*\.glb$/),
          expect.stringMatching(
            /^\/node_modules\/spine-procedure-viewer\/dist\/assets\/meshoptDecode\.worker-.*\.js$/,
          ),
        ]),
      );
      expect(await page.evaluate(() => document.querySelector('spine-procedure-viewer')!.step)).toBe(
        'access',
      );
      await page.close();
      // The server-rendered page through the dev server: React's development build checks every attribute
      // while hydrating and reports a mismatch as a console error, which openAndDraw fails on.
      const template = readFileSync(join(app.dir, 'ssr.html'), 'utf8');
      writeFileSync(
        join(app.dir, 'ssr-rendered.html'),
        template.replace('<!--app-html-->', await serverRender),
      );
      const hydrated = await openAndDraw('/ssr-rendered.html', origin);
      expect(await hydrated.page.evaluate(() => document.body.dataset.serverElementKept)).toBe('true');
      await hydrated.page.close();
    } finally {
      dev.kill();
    }
  }, 180_000);

  it('the server-rendered app hydrates: the element the server wrote is the one that draws', async () => {
    const html = await serverRender;
    const page = join(app.dir, 'dist/ssr.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('<!--app-html-->', html));
    const { page: tab } = await openAndDraw('/dist/ssr.html');
    const facts = await tab.evaluate(() => ({
      kept: document.body.dataset.serverElementKept,
      step: document.querySelector('spine-procedure-viewer')!.step,
      level: document.querySelector('spine-procedure-viewer')!.level,
    }));
    expect(facts).toEqual({ kept: 'true', step: 'access', level: 'L2' });
    await tab.close();
  }, 180_000);
});
