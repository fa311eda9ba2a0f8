import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import es from '../../src/i18n/messages/es.json';
import { collectErrors, waitForViewerReady } from './support/browser';
import { STRICT_CSP } from './support/hostSite';
import { browserSuite } from './support/suite';
import { ARTIFACTS, viewerControl } from './support/viewerPage';

/*
 * Second visits and offline use: after a first visit the pages, their chunks and the model come from the service
 * worker's snapshot, with the network off; a new deployment replaces the snapshot only once no page uses the old
 * one. Served from a copy of dist/ (the update test rewrites files in it), with the strict CSP on the pages.
 */
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'spv-offline-'));
  cpSync('dist', root, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const suite = browserSuite({
  root: () => root,
  headers: (path): Record<string, string> =>
    path.endsWith('.html') || path.endsWith('/') ? { 'Content-Security-Policy': STRICT_CSP } : {},
});

interface Visit {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A fresh browser profile's first visit: the page drawn, then its service worker installed and active. */
async function firstVisit(path: string): Promise<Visit> {
  // Small: what is checked does not depend on the size, and software GL spends its time on pixels.
  const context = await suite.browser.newContext({ viewport: { width: 640, height: 480 } });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${suite.origin}/${path}`);
  await waitForViewerReady(page);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active!;
    if (worker.state !== 'activated')
      await new Promise((done) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && done(0)),
      );
  });
  return { context, page, errors };
}

/**
 * Reload and wait for the first frame; returns the paths that reached the server meanwhile, less the browser's own
 * update check of sw.js (made outside the page, where the emulated offline state does not always reach; on a real
 * offline device it just fails, and the snapshot stays).
 */
async function reloadDrawn(page: Page): Promise<string[]> {
  const before = suite.server.requests.length;
  await page.reload();
  await waitForViewerReady(page);
  return suite.server.requests.slice(before).filter((path) => path !== '/sw.js');
}

/** What shows the page is drawn, served by the worker and still under its policy. */
function pageFacts(page: Page) {
  return page.evaluate(() => {
    const viewer = document.querySelector('spine-procedure-viewer') as HTMLElement & {
      getRenderStats(): { drawCalls: number; triangles: number };
    };
    const { drawCalls, triangles } = viewer.getRenderStats();
    return {
      drawCalls,
      triangles,
      title: document.title,
      controlled: navigator.serviceWorker.controller !== null,
      csp: (window as unknown as { __csp: string[] }).__csp,
    };
  });
}

const offlineCaches = (page: Page) =>
  page.evaluate(async () =>
    (await caches.keys()).filter((name) => name.startsWith('spine-procedure-viewer ')),
  );

/** Every built file a script can load, following its static and dynamic imports (relative paths in strings). */
function scriptGraph(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (path: string) => {
    if (files.has(path)) return;
    const code = readFileSync(path, 'utf8');
    files.set(path, code);
    for (const [, ref] of code.matchAll(/["'](\.{1,2}\/[\w./-]+\.js)["']/g)) visit(join(dirname(path), ref!));
  };
  visit(entry);
  return files;
}

describe('who registers the service worker', () => {
  it('never the element, the React component or the iframe client: a host site gets no worker', () => {
    for (const entry of [
      'spine-procedure-viewer.js',
      'spine-procedure-viewer-react.js',
      'spine-procedure-player.js',
    ]) {
      const graph = scriptGraph(join('dist', entry));
      expect(graph.size).toBeGreaterThan(entry === 'spine-procedure-player.js' ? 1 : 2);
      for (const [path, code] of graph) expect(code.includes('serviceWorker'), path).toBe(false);
    }
    // The pages do (the check above would notice if the pattern stopped matching).
    const page = readFileSync(join('dist', 'index.html'), 'utf8').match(
      /src="\.\/(assets\/index-[\w-]+\.js)"/,
    )![1]!;
    expect([...scriptGraph(join('dist', page)).values()].some((code) => code.includes('serviceWorker'))).toBe(
      true,
    );
  });
});

describe('offline after the first visit', () => {
  it('index.html: reloads with the network off, draws the model, and switches to Spanish', async () => {
    const { context, page, errors } = await firstVisit('index.html?step=overview');
    // The first visit itself stays with the network: the worker takes no page it did not load.
    expect((await pageFacts(page)).controlled).toBe(false);

    await context.setOffline(true);
    expect(await reloadDrawn(page)).toEqual([]);
    const facts = await pageFacts(page);
    expect(facts.controlled).toBe(true);
    expect(facts.drawCalls).toBeGreaterThan(0);
    expect(facts.triangles).toBeGreaterThan(1000);
    await page.screenshot({ path: `${ARTIFACTS}/offline-index.png` });

    // A chunk the first visit never loaded: the Spanish catalog.
    await (await viewerControl(page, '.spv-language select')).selectOption('es');
    await page.waitForFunction(
      (title) => document.querySelector('spine-procedure-viewer')?.shadowRoot?.textContent?.includes(title),
      (es as Record<string, string>)['step.overview.title']!,
      { timeout: 30_000 },
    );
    expect(await page.locator('spine-procedure-viewer .spv-root').getAttribute('lang')).toBe('es');

    expect((await pageFacts(page)).csp).toEqual([]);
    expect(errors).toEqual([]);

    // The cached page keeps its server's Content-Security-Policy: an inline script stays blocked offline too.
    const cachedPolicy = await page.evaluate(async () =>
      (await caches.match('index.html'))?.headers.get('Content-Security-Policy'),
    );
    expect(cachedPolicy).toBe(STRICT_CSP);
    const inline = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
    });
    expect(inline).toBe(false);
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0);
    expect((await pageFacts(page)).csp).toEqual(['script-src-elem inline']);
    await context.close();
  }, 180_000);

  it('embed.html: reloads with the network off and opens the clinician panel', async () => {
    const { context, page, errors } = await firstVisit('embed.html?audience=clinician&step=access');
    await context.setOffline(true);
    expect(await reloadDrawn(page)).toEqual([]);
    const facts = await pageFacts(page);
    expect(facts.controlled).toBe(true);
    expect(facts.drawCalls).toBeGreaterThan(0);

    // The clinician panel's chunk, never loaded online.
    await (await viewerControl(page, 'button:has-text("Clinician settings")')).click();
    await page.waitForSelector('.spv-clinician-panel select', { timeout: 30_000 });
    expect((await pageFacts(page)).csp).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('the folder itself opens index.html offline; files outside the snapshot go to the network', async () => {
    const { context, page } = await firstVisit('index.html');
    await page.goto(`${suite.origin}/?step=result`);
    await waitForViewerReady(page);
    expect((await pageFacts(page)).controlled).toBe(true);
    // The element's own entry is not part of the pages' snapshot: the worker passes it through untouched.
    const before = suite.server.requests.length;
    const status = await page.evaluate(async () => (await fetch('spine-procedure-viewer.js')).status);
    expect(status).toBe(200);
    expect(suite.server.requests.slice(before)).toContain('/spine-procedure-viewer.js');

    await context.setOffline(true);
    expect(await reloadDrawn(page)).toEqual([]);
    expect((await pageFacts(page)).drawCalls).toBeGreaterThan(0);
    await context.close();
  }, 180_000);
});

describe('a new deployment', () => {
  /** Wait for the registration's update check and install to finish; the new worker's state, or null. */
  const checkForUpdate = (page: Page) =>
    page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      await registration.update().catch(() => undefined);
      const worker = registration.installing ?? registration.waiting;
      if (!worker) return null;
      if (worker.state === 'installing')
        await new Promise((done) => worker.addEventListener('statechange', () => done(0)));
      return worker.state;
    });

  it('is stored whole in the background, never mixed into an open page, and replaces the old snapshot', async () => {
    const { context, page } = await firstVisit('index.html');
    // The open page of the old version: loaded from its snapshot.
    await page.reload();
    await waitForViewerReady(page);
    expect((await pageFacts(page)).controlled).toBe(true);
    const [oldCache] = await offlineCaches(page);
    expect(oldCache).toMatch(/ [0-9a-f]{16}$/);
    const oldVersion = oldCache!.slice(-16);
    const oldWorker = readFileSync(join(root, 'sw.js'), 'utf8');
    const oldPage = readFileSync(join(root, 'index.html'), 'utf8');
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

    // The next deployment: a changed page, and its worker with a new version and the page's new checksum.
    const newVersion = 'abcdef0123456789';
    const newPage = oldPage.replace(
      '<title>Spine Procedure Viewer</title>',
      '<title>Spine Procedure Viewer 2</title>',
    );
    expect(newPage).not.toBe(oldPage);
    const newWorker = oldWorker.replaceAll(oldVersion, newVersion).replace(sha256(oldPage), sha256(newPage));

    // Deployed half-way (the new worker, but a stale copy of the old page still served): the install refuses it,
    // and the old snapshot stays in charge.
    writeFileSync(join(root, 'sw.js'), newWorker);
    expect(await checkForUpdate(page)).toBe('redundant');
    expect(await offlineCaches(page)).toEqual([oldCache]);

    // Deployed whole: the new snapshot installs next to the old one and waits while the old page is open.
    writeFileSync(join(root, 'index.html'), newPage);
    expect(await checkForUpdate(page)).toBe('installed');
    expect((await offlineCaches(page)).sort()).toEqual(
      [oldCache, oldCache!.replace(oldVersion, newVersion)].sort(),
    );
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(await page.title()).toBe('Spine Procedure Viewer');

    // Once the old page is gone, the new version takes over and the old snapshot is deleted.
    await page.close();
    let next: Page | undefined;
    for (let attempt = 0; attempt < 10; attempt++) {
      next = await context.newPage();
      await next.goto(`${suite.origin}/index.html`);
      const controlled = await next.evaluate(() => navigator.serviceWorker.controller !== null);
      if (controlled && (await offlineCaches(next)).length === 1) break;
      await next.close();
      next = undefined;
      await new Promise((done) => setTimeout(done, 500));
    }
    expect(next).toBeDefined();
    expect(await offlineCaches(next!)).toEqual([oldCache!.replace(oldVersion, newVersion)]);
    await context.setOffline(true);
    expect(await reloadDrawn(next!)).toEqual([]);
    const facts = await pageFacts(next!);
    expect(facts.title).toBe('Spine Procedure Viewer 2');
    expect(facts.drawCalls).toBeGreaterThan(0);
    await context.close();
  }, 240_000);
});
