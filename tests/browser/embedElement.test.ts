import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors } from './support/browser';
import { viewerReady } from './support/embedPage';
import { createHostSite, page as html, STRICT_CSP, type HostSite } from './support/hostSite';
import { pngVariety } from './support/imageStats';
import { browserSuite } from './support/suite';
import { ARTIFACTS, viewerControl } from './support/viewerPage';
import { screenshotOf } from './support/screenshotOf';

/*
 * The script-tag embed: a host page (served with a strict CSP) imports /viewer/spine-procedure-viewer.js and
 * places <spine-procedure-viewer> tags. The viewer is mounted under /viewer/ on the host's own origin.
 */
let site: HostSite;

beforeAll(() => {
  site = createHostSite();
  site.write(
    'host.css',
    `body { margin: 0; font: 16px system-ui, sans-serif; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; padding: 8px; }
.grid spine-procedure-viewer { height: 380px; }
.single spine-procedure-viewer { height: 480px; }
.spacer { height: 2400px; }`,
  );
});

const suite = browserSuite({
  root: () => site.root,
  headers: (path): Record<string, string> =>
    path.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {},
});

afterAll(() => site?.remove());

/**
 * A blank page (no CSP) where screenshots are decoded: the helpers load them as data: URLs, which the strict
 * policy rightly refuses and which the viewer itself never needs.
 */
let analysis: Page;
beforeAll(async () => {
  analysis = await suite.browser.newPage();
});

const HEAD =
  '<link rel="stylesheet" href="/host.css"><script type="module" src="/viewer/spine-procedure-viewer.js"></script>';

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
  requests: string[];
}

/**
 * Open a host page. An init script (outside the page's CSP) records CSP violations and every WebGL context the
 * page creates, so tests can count the live ones.
 */
async function open(name: string, body: string, viewport = { width: 1200, height: 820 }): Promise<Opened> {
  site.write(name, html(body, HEAD));
  const context = await suite.browser.newContext({ viewport });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[]; __contexts: WebGL2RenderingContext[] };
    w.__csp = [];
    w.__contexts = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      type: string,
      ...rest: unknown[]
    ) {
      const ctx = (
        original as (this: HTMLCanvasElement, t: string, ...r: unknown[]) => RenderingContext | null
      ).call(this, type, ...rest);
      if (type === 'webgl2' && ctx && !w.__contexts.includes(ctx as WebGL2RenderingContext))
        w.__contexts.push(ctx as WebGL2RenderingContext);
      return ctx;
    } as typeof HTMLCanvasElement.prototype.getContext;
  });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${suite.origin}/${name}`);
  return { context, page, errors, requests };
}

const liveContexts = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __contexts: WebGL2RenderingContext[] }).__contexts.filter(
        (c) => !c.isContextLost(),
      ).length,
  );
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

type Viewer = HTMLElement & {
  play(): Promise<void>;
  pause(): void;
  paused: boolean;
  currentTime: number;
  ready: Promise<void>;
};

describe('script-tag embed', () => {
  it('works under a strict CSP with zero violations, and no request leaves its origin', async () => {
    const { context, page, errors, requests } = await open(
      'csp.html',
      '<main class="single"><spine-procedure-viewer audience="clinician" step="balloon-inflation"></spine-procedure-viewer></main>',
    );
    await viewerReady(page);
    // Exercise the UI a little: play, the step list, the X-ray views, the share control's fallback field.
    await page.evaluate(() => (document.querySelector('spine-procedure-viewer') as Viewer).play());
    await page.waitForTimeout(600);
    await page.locator('spine-procedure-viewer .spv-steps-toggle').click();
    await page.locator('spine-procedure-viewer .spv-step', { hasText: 'Filling with bone cement' }).click();
    await page
      .locator('spine-procedure-viewer select')
      .filter({ hasText: 'X-ray AP + lateral' })
      .selectOption('split');
    await page.waitForTimeout(400);
    await (await viewerControl(page, '.spv-copy-link')).click();
    await page.waitForSelector('spine-procedure-viewer .spv-share-field');
    const shot = await screenshotOf(page.locator('spine-procedure-viewer canvas'));
    await page.screenshot({ path: `${ARTIFACTS}/embed-csp.png` });
    expect(await pngVariety(analysis, shot)).toBeGreaterThan(0.08);
    expect(await violations(page)).toEqual([]);

    // Same origin only: every request the page made went to its own server (which saw each of them).
    const httpRequests = requests.filter((u) => /^https?:/.test(u));
    expect(httpRequests.length).toBeGreaterThan(4);
    expect(httpRequests.filter((u) => !u.startsWith(`${suite.origin}/`))).toEqual([]);
    expect(
      httpRequests.map((u) => new URL(u).pathname).filter((p) => !suite.server.requests.includes(p)),
    ).toEqual([]);
    expect(suite.server.requests).toContain('/viewer/spine-procedure-viewer.js');
    expect(suite.server.requests.some((p) => /^\/viewer\/assets\/spine-.*\.glb$/.test(p))).toBe(true);
    // leva (the clinician panel) is not part of the embed's load.
    expect(httpRequests.filter((u) => /ClinicianPanel/.test(u))).toEqual([]);
    expect(errors).toEqual([]);

    // The recorder works: an inline <style> added by a page script is a violation under this policy.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { color: red; }';
      document.head.append(style);
    });
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0);
    expect((await violations(page))[0]).toMatch(/^style-src/);
    writeFileSync(
      `${ARTIFACTS}/embed-csp-requests.json`,
      JSON.stringify({ page: requests, server: suite.server.requests }, null, 2),
    );
    await context.close();
  });

  it('four viewers on one page all render; removing one frees its WebGL context', async () => {
    const { context, page, errors } = await open(
      'four.html',
      `<div class="grid">
        <spine-procedure-viewer id="v1" controls="minimal"></spine-procedure-viewer>
        <spine-procedure-viewer id="v2" controls="minimal" procedure="vertebroplasty" step="cement-injection"></spine-procedure-viewer>
        <spine-procedure-viewer id="v3" controls="minimal" level="T12" step="access" t="40"></spine-procedure-viewer>
        <spine-procedure-viewer id="v4" controls="minimal" view="fluoro" step="targeting"></spine-procedure-viewer>
      </div>`,
    );
    for (const id of ['v1', 'v2', 'v3', 'v4']) await viewerReady(page, `#${id}`);
    await page.screenshot({ path: `${ARTIFACTS}/embed-four.png` });
    for (const id of ['v1', 'v2', 'v3', 'v4']) {
      const shot = await screenshotOf(page.locator(`#${id} canvas`));
      expect(await pngVariety(analysis, shot), `${id} draws`).toBeGreaterThan(0.05);
    }
    expect(await liveContexts(page)).toBe(4);
    // The decoding worker merged the static spine for L1, the first viewer's level: the three viewers treating L1
    // each draw a copy of it; the one treating T12 merged its own on the page before its first frame.
    const merges = await page.evaluate(() =>
      performance
        .getEntriesByName('spine-static-merge')
        .map((e) => ((e as PerformanceMeasure).detail as { thread: string }).thread)
        .sort(),
    );
    expect(merges).toEqual(['main', 'worker', 'worker', 'worker']);

    // Removing an element unmounts its canvas; the renderer is disposed and its context lost on purpose.
    const lost = await page.evaluate(async () => {
      const el = document.getElementById('v2')!;
      const canvas = el.shadowRoot!.querySelector('canvas')!;
      const gl = canvas.getContext('webgl2')!;
      const event = new Promise<boolean>((resolve) => {
        canvas.addEventListener('webglcontextlost', () => resolve(true), { once: true });
        setTimeout(() => resolve(false), 5000);
      });
      el.remove();
      return { event: await event, lost: gl.isContextLost() };
    });
    expect(lost).toEqual({ event: true, lost: true });
    expect(await liveContexts(page)).toBe(3);

    // The other viewers are unaffected: one plays on, another still draws.
    const played = await page.evaluate(async () => {
      const el = document.getElementById('v1') as Viewer;
      await el.play();
      await new Promise((r) => setTimeout(r, 600));
      el.pause();
      return el.currentTime;
    });
    expect(played).toBeGreaterThan(0.2);
    const shot = await screenshotOf(page.locator('#v3 canvas'));
    expect(await pngVariety(analysis, shot)).toBeGreaterThan(0.05);

    // Removing all of them leaves no live context behind.
    await page.evaluate(async () => {
      document.querySelectorAll('spine-procedure-viewer').forEach((el) => el.remove());
      await new Promise((r) => setTimeout(r, 1000));
    });
    expect(await liveContexts(page)).toBe(0);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows its poster until scrolled into view, then mounts; pauses off screen and resumes on return', async () => {
    const { context, page, errors, requests } = await open(
      'scroll.html',
      '<div class="spacer"></div><main class="single"><spine-procedure-viewer id="below"></spine-procedure-viewer></main><div class="spacer"></div>',
      { width: 1000, height: 700 },
    );
    await page.waitForFunction(() => {
      const img = document
        .getElementById('below')
        ?.shadowRoot?.querySelector('.spv-poster img') as HTMLImageElement;
      return img?.complete && img.naturalWidth > 0;
    });
    await page.waitForTimeout(800);
    const before = await page.evaluate(() => {
      const root = document.getElementById('below')!.shadowRoot!;
      return {
        canvas: root.querySelectorAll('canvas').length,
        poster: root.querySelectorAll('.spv-poster').length,
      };
    });
    expect(before).toEqual({ canvas: 0, poster: 1 });
    expect(
      requests.filter((u) => /ViewerCanvas|\.glb$/.test(u)),
      'no 3D code or model before it is visible',
    ).toEqual([]);
    expect(await liveContexts(page)).toBe(0);

    await page.locator('#below').scrollIntoViewIfNeeded();
    await viewerReady(page, '#below');
    expect(
      await page.evaluate(
        () => document.getElementById('below')!.shadowRoot!.querySelectorAll('.spv-poster').length,
      ),
    ).toBe(0);
    expect(await liveContexts(page)).toBe(1);

    await page.evaluate(() => (document.getElementById('below') as Viewer).play());
    await page.waitForTimeout(400);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => (document.getElementById('below') as Viewer).paused);
    const pausedAt = await page.evaluate(() => (document.getElementById('below') as Viewer).currentTime);
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => (document.getElementById('below') as Viewer).currentTime)).toBe(
      pausedAt,
    );
    await page.locator('#below').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !(document.getElementById('below') as Viewer).paused);
    await page.waitForFunction(
      (t) => (document.getElementById('below') as Viewer).currentTime > t + 0.2,
      pausedAt,
    );

    // A viewer paused by the user stays paused when it comes back.
    await page.evaluate(() => (document.getElementById('below') as Viewer).pause());
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.locator('#below').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => (document.getElementById('below') as Viewer).paused)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reveal="interaction" waits for the poster button, even when visible', async () => {
    const { context, page, errors } = await open(
      'click.html',
      '<main class="single"><spine-procedure-viewer id="v" reveal="interaction" step="cement-injection"></spine-procedure-viewer></main>',
      { width: 1000, height: 700 },
    );
    const button = page.locator('#v .spv-poster-button');
    await button.waitFor();
    expect(await button.getAttribute('aria-label')).toBe('Show the 3D animation');
    await page.waitForTimeout(800);
    expect(await page.locator('#v canvas').count()).toBe(0);
    // The poster is the real first frame, not a blank box.
    const poster = await page.locator('#v').screenshot({ path: `${ARTIFACTS}/embed-poster.png` });
    expect(await pngVariety(analysis, poster)).toBeGreaterThan(0.05);
    await button.click();
    await viewerReady(page, '#v');
    expect(await page.locator('#v .spv-caption-title').textContent()).toBe('Filling with bone cement');
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
