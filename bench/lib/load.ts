import type { Browser, BrowserContext, Page } from 'playwright-core';

type BenchWindow = Window & { __benchFirstFrame?: number };

/** First-frame loads: a laptop-sized window. */
export const VIEWPORT = { width: 1280, height: 720 };

/** Every URL any page of the run requested, for the "requests to other origins" figure. */
export class RequestLog {
  readonly urls: string[] = [];
  watch(context: BrowserContext): void {
    context.on('request', (request) => this.urls.push(request.url()));
  }
}

export type PageKind = 'app' | 'baseline';

export interface LoadedPage {
  context: BrowserContext;
  page: Page;
  /** performance.now() at the first rendered frame (milliseconds since navigation start). */
  firstFrameMs: number;
  /** The resources the page started to fetch before its first rendered frame (ms since navigation start). */
  resources: { url: string; startMs: number; endMs: number }[];
  /**
   * performance.now() once the GPU process has done all the work queued up to the first frame (a one-pixel
   * readback from a fresh WebGL context answers only then). `ready` resolves when the frame has been issued, which
   * with software GL can be long before it has been drawn: the picture is certainly on screen by this time.
   */
  gpuIdleMs: number;
  /** A service worker controlled the page when it loaded (a repeat visit once one is installed). */
  serviceWorker: boolean;
  errors: string[];
}

export interface LoadOptions {
  viewport?: { width: number; height: number };
  /**
   * Chromium's CPU throttling (`Emulation.setCPUThrottlingRate`; 4 = a main thread four times slower, DevTools'
   * "low-end mobile"), set before navigation so that the whole load, parsing and compiling included, is slowed.
   */
  cpuThrottlingRate?: number;
}

/** Resolve window.__benchFirstFrame when the viewer's `ready` promise resolves (the baseline sets it itself). */
function viewerReadyProbe(): void {
  void customElements.whenDefined('spine-procedure-viewer').then(() => {
    const el = document.querySelector('spine-procedure-viewer') as
      (HTMLElement & { ready: Promise<void> }) | null;
    void el?.ready.then(() => {
      (window as BenchWindow).__benchFirstFrame = performance.now();
    });
  });
}

/**
 * What the page's workers fetched until `untilMs` (page time), in page time: a worker's clock starts when the
 * worker does. Read right after the first frame, while the decoding worker still lives (it ends when idle).
 */
async function workerResources(page: Page, untilMs: number): Promise<LoadedPage['resources']> {
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  const lists = await Promise.all(
    page.workers().map((worker) =>
      worker
        .evaluate(() => ({
          origin: performance.timeOrigin,
          entries: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
            url: e.name,
            startMs: e.startTime,
            endMs: e.responseEnd,
          })),
        }))
        .catch(() => ({ origin: pageOrigin, entries: [] })),
    ),
  );
  return lists.flatMap(({ origin, entries }) =>
    entries
      .map((e) => ({
        url: e.url,
        startMs: e.startMs + origin - pageOrigin,
        endMs: e.endMs + origin - pageOrigin,
      }))
      .filter((e) => e.startMs <= untilMs),
  );
}

/** Open `url` in a new page of `context` and wait for its first rendered frame. */
async function openToFirstFrame(
  context: BrowserContext,
  url: string,
  kind: PageKind,
  cpuThrottlingRate = 1,
): Promise<LoadedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  if (kind === 'app') await page.addInitScript(viewerReadyProbe);
  if (cpuThrottlingRate !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottlingRate });
  }
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as BenchWindow).__benchFirstFrame === 'number', null, {
    timeout: 120_000 * cpuThrottlingRate,
    polling: 100,
  });
  const loaded = await page.evaluate(() => {
    const t = (window as BenchWindow).__benchFirstFrame!;
    const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (e) => e.startTime <= t,
    );
    return {
      firstFrameMs: t,
      resources: entries.map((e) => ({ url: e.name, startMs: e.startTime, endMs: e.responseEnd })),
      serviceWorker: Boolean(navigator.serviceWorker?.controller),
    };
  });
  // The decoding worker fetches the studio light itself: what workers fetch counts as the page's.
  loaded.resources.push(...(await workerResources(page, loaded.firstFrameMs)));
  // Straight after the first frame (within the 100 ms polling): a synchronous round trip to the GPU process.
  const gpuIdleMs = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return performance.now();
  });
  return { context, page, ...loaded, gpuIdleMs, errors };
}

/** Open `url` in a fresh context (a first-time visitor: empty cache, no service worker) and wait for its first frame. */
export async function loadToFirstFrame(
  browser: Browser,
  url: string,
  kind: PageKind,
  log: RequestLog,
  { viewport = VIEWPORT, cpuThrottlingRate = 1 }: LoadOptions = {},
): Promise<LoadedPage> {
  const context = await browser.newContext({ viewport, reducedMotion: 'no-preference' });
  log.watch(context);
  try {
    return await openToFirstFrame(context, url, kind, cpuThrottlingRate);
  } catch (err) {
    await context.close();
    throw err;
  }
}

/**
 * Let a first visit finish what it does after its first frame (the rest of its downloads, a service worker's
 * install), as a visitor who stays a moment would: until the network has been idle for 0.5 s and any service worker
 * registration has an active worker (its install, which precaches, is then complete), at most `timeoutMs`.
 */
export async function settleFirstVisit(page: Page, timeoutMs = 20_000): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => {});
  await page
    .evaluate(async (ms) => {
      const sw = navigator.serviceWorker;
      if (!sw || !(await sw.getRegistration())) return;
      await Promise.race([sw.ready, new Promise((r) => setTimeout(r, ms))]);
    }, timeoutMs)
    .catch(() => {});
}

/**
 * The same visitor comes back: after `settleFirstVisit`, the first visit's page is closed and `url` opened again in
 * the same context (HTTP cache warm, service worker installed if the page has one); wait for its first frame.
 */
export async function revisitToFirstFrame(
  first: LoadedPage,
  url: string,
  kind: PageKind,
): Promise<LoadedPage> {
  await settleFirstVisit(first.page);
  await first.page.close();
  return openToFirstFrame(first.context, url, kind);
}

/** The WebGL renderer string (e.g. SwiftShader) the browser reports. */
export function glRenderer(page: Page): Promise<string> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'no WebGL2';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  });
}
