import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
 */
let app: ConsumerApp;
/** The type check and the build, started together once the app is installed (one core each in CI). */
let typecheck: Promise<string>;
let build: Promise<string>;
beforeAll(async () => {
  app = await packAndInstall();
  const node = (args: string[]) => run(process.execPath, args, app.dir);
  typecheck = node(['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']);
  build = node(['node_modules/vite/bin/vite.js', 'build']);
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

  it('type-checks a strict consumer: typed properties, state, event details and React props', async () => {
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
});

/** Open a page, wait for the viewer's first frame; no console error, no failed request. */
async function openAndDraw(path: string): Promise<Page> {
  const page = await suite.browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = collectErrors(page);
  const failed: string[] = [];
  page.on('response', (r) => (r.status() >= 400 ? failed.push(`${r.status()} ${r.url()}`) : undefined));
  page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
  await page.goto(`${suite.origin}${path}`);
  await waitForViewerReady(page);
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
  return page;
}

describe('the consumer in the browser', () => {
  it('the built React app draws the viewer at the step its props ask for', async () => {
    const page = await openAndDraw('/dist/index.html');
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
    const page = await openAndDraw('/plain.html');
    expect(await page.evaluate(() => document.querySelector('spine-procedure-viewer')!.step)).toBe('access');
    await page.close();
  });
});
