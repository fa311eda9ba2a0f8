import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { mulberry32 } from '../../src/procedure/random';
import { takeHeapComposition, type HeapComposition } from './heap';
import { newSamples } from './stats';

/** The element API the benchmark drives (see src/embed/SpineProcedureViewerElement.tsx). */
type Viewer = HTMLElement & {
  ready: Promise<void>;
  currentTime: number;
  readonly duration: number;
  procedure: string;
  step: string;
  readonly steps: { id: string; start: number; end: number }[];
  play(): Promise<void>;
  pause(): void;
  getState(): { step: string; procedure: string; fluoroView: string };
  getRenderStats(): {
    drawCalls: number;
    triangles: number;
    geometries: number;
    textures: number;
    frameMs: number[];
  };
};

type BenchWindow = Window & { __benchFirstFrame?: number };

/** Capacity of the viewer's frame-time ring buffer (src/playback/frameStats.ts). */
const FRAME_RING = 2048;

/** First-frame loads: a laptop-sized window. */
export const VIEWPORT = { width: 1280, height: 720 };
/**
 * Draw-call sweep, frame times and loops: the figures do not depend on the canvas size (counts; main-thread time
 * without the GL draw), and a smaller canvas keeps software GL from setting the running time.
 */
export const WORK_VIEWPORT = { width: 640, height: 360 };

/** Every URL any page of the run requested, for the "requests to other origins" figure. */
export class RequestLog {
  readonly urls: string[] = [];
  watch(context: BrowserContext): void {
    context.on('request', (request) => this.urls.push(request.url()));
  }
}

export interface LoadedPage {
  context: BrowserContext;
  page: Page;
  /** performance.now() at the first rendered frame (milliseconds since navigation start). */
  firstFrameMs: number;
  /** The resources the page started to fetch before its first rendered frame (ms since navigation start). */
  resources: { url: string; startMs: number; endMs: number }[];
  errors: string[];
}

/** Resolve window.__benchFirstFrame when the viewer's `ready` promise resolves (the baseline sets it itself). */
function viewerReadyProbe(): void {
  void customElements.whenDefined('spine-procedure-viewer').then(() => {
    const el = document.querySelector('spine-procedure-viewer') as Viewer | null;
    void el?.ready.then(() => {
      (window as BenchWindow).__benchFirstFrame = performance.now();
    });
  });
}

/** Open `url` in a fresh context (empty cache) and wait for its first rendered frame. */
export async function loadToFirstFrame(
  browser: Browser,
  url: string,
  kind: 'app' | 'baseline',
  log: RequestLog,
  viewport = VIEWPORT,
): Promise<LoadedPage> {
  const context = await browser.newContext({ viewport, reducedMotion: 'no-preference' });
  log.watch(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  if (kind === 'app') await page.addInitScript(viewerReadyProbe);
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as BenchWindow).__benchFirstFrame === 'number', null, {
    timeout: 120_000,
    polling: 100,
  });
  const { firstFrameMs, resources } = await page.evaluate(() => {
    const t = (window as BenchWindow).__benchFirstFrame!;
    const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (e) => e.startTime <= t,
    );
    return {
      firstFrameMs: t,
      resources: entries.map((e) => ({ url: e.name, startMs: e.startTime, endMs: e.responseEnd })),
    };
  });
  return { context, page, firstFrameMs, resources, errors };
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

export interface DrawFigures {
  drawCalls: number;
  triangles: number;
  /** The most expensive moment of the default (3D) view while the step shows an X-ray inset. */
  drawCallsFluoro: number;
  trianglesFluoro: number;
  fluoroAt: string;
  /** The most expensive moment of the default view over every step of both procedures. */
  drawCallsMax: number;
  trianglesMax: number;
  maxAt: string;
  /** Split view (AP + lateral fluoro, no 3D pass) during cement injection. */
  drawCallsSplit: number;
  trianglesSplit: number;
}

/**
 * Draw calls and triangles of the default view at t = 0, then at `pointsPerStep` moments of every step of both
 * procedures (the fluoro figure is the largest frame that shows the X-ray inset), then in split view.
 */
export async function measureDrawCalls(page: Page, pointsPerStep: number): Promise<DrawFigures> {
  const samples = await page.evaluate(async (points) => {
    const el = document.querySelector('spine-procedure-viewer') as Viewer;
    // A seek requests a frame; a callback requested after it runs once that frame has been rendered.
    const settle = async (n = 1) => {
      for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
    };
    const read = (label: string) => {
      const s = el.getRenderStats();
      return {
        label,
        drawCalls: s.drawCalls,
        triangles: s.triangles,
        fluoro: el.getState().fluoroView !== 'none',
      };
    };
    el.currentTime = 0;
    await settle(2);
    const out = [read('default')];
    for (const procedure of ['kyphoplasty', 'vertebroplasty']) {
      el.procedure = procedure;
      await settle(3);
      for (const step of el.steps) {
        for (let k = 0; k < points; k++) {
          el.currentTime = step.start + ((step.end - step.start) * (2 * k + 1)) / (2 * points);
          await settle();
          out.push(read(`${procedure} ${step.id}`));
        }
      }
    }
    el.procedure = 'kyphoplasty';
    el.setAttribute('view', 'split');
    el.step = 'cement-injection';
    await settle(3);
    out.push({ ...read('split'), fluoro: false });
    el.setAttribute('view', '3d');
    el.currentTime = 0;
    await settle(3);
    return out;
  }, pointsPerStep);
  const [first, ...rest] = samples;
  const split = rest.pop()!;
  const steps = rest;
  const largest = (list: typeof steps) =>
    list.reduce((a, b) =>
      b.drawCalls > a.drawCalls || (b.drawCalls === a.drawCalls && b.triangles > a.triangles) ? b : a,
    );
  const fluoro = steps.filter((s) => s.fluoro);
  const maxFluoro = fluoro.length > 0 ? largest(fluoro) : null;
  const max = largest(steps);
  return {
    drawCalls: first!.drawCalls,
    triangles: first!.triangles,
    drawCallsFluoro: maxFluoro?.drawCalls ?? NaN,
    trianglesFluoro: fluoro.length > 0 ? Math.max(...fluoro.map((s) => s.triangles)) : NaN,
    fluoroAt: maxFluoro?.label ?? 'no step shows fluoro',
    drawCallsMax: max.drawCalls,
    trianglesMax: Math.max(...steps.map((s) => s.triangles)),
    maxAt: max.label,
    drawCallsSplit: split.drawCalls,
    trianglesSplit: split.triangles,
  };
}

async function frameSampleCount(page: Page): Promise<number> {
  return page.evaluate(
    () => (document.querySelector('spine-procedure-viewer') as Viewer).getRenderStats().frameMs.length,
  );
}

async function frameSamplesSince(page: Page, before: number): Promise<number[]> {
  const after = await page.evaluate(
    () => (document.querySelector('spine-procedure-viewer') as Viewer).getRenderStats().frameMs,
  );
  return newSamples(after, before, FRAME_RING);
}

/**
 * Main-thread milliseconds per frame while playing: from the start of every step of both procedures, play for
 * `msPerStep` of wall time, then pause.
 */
export async function measurePlaying(page: Page, msPerStep: number): Promise<number[]> {
  const samples: number[] = [];
  for (const procedure of ['kyphoplasty', 'vertebroplasty']) {
    await page.evaluate(async (p) => {
      const el = document.querySelector('spine-procedure-viewer') as Viewer;
      el.procedure = p;
      for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
    }, procedure);
    const before = await frameSampleCount(page);
    await page.evaluate(async (ms) => {
      const el = document.querySelector('spine-procedure-viewer') as Viewer;
      for (const step of el.steps) {
        el.currentTime = step.start;
        await el.play();
        await new Promise((r) => setTimeout(r, ms));
        el.pause();
      }
    }, msPerStep);
    samples.push(...(await frameSamplesSince(page, before)));
  }
  return samples;
}

/**
 * Main-thread milliseconds per frame while scrubbing: `seeks` seeks to seeded random times across the whole
 * timeline (half in each procedure), each followed by a rendered frame; one sample per frame drawn.
 */
export async function measureScrubbing(page: Page, seeks: number, seed = 7): Promise<number[]> {
  const random = mulberry32(seed);
  const samples: number[] = [];
  const perProcedure = [Math.ceil(seeks / 2), Math.floor(seeks / 2)];
  for (const [i, procedure] of ['kyphoplasty', 'vertebroplasty'].entries()) {
    const fractions = Array.from({ length: perProcedure[i]! }, () => random());
    // Read the ring buffer at most every 1,000 seeks so that it never wraps between reads.
    for (let start = 0; start < fractions.length; start += 1000) {
      const batch = fractions.slice(start, start + 1000);
      await page.evaluate(async (p) => {
        const el = document.querySelector('spine-procedure-viewer') as Viewer;
        el.procedure = p;
        for (let k = 0; k < 3; k++) await new Promise((r) => requestAnimationFrame(r));
      }, procedure);
      const before = await frameSampleCount(page);
      await page.evaluate(async (list) => {
        const el = document.querySelector('spine-procedure-viewer') as Viewer;
        const duration = el.duration;
        for (const u of list) {
          el.currentTime = u * duration;
          // The seek requests a frame; this callback runs after it has been rendered.
          await new Promise((r) => requestAnimationFrame(r));
        }
      }, batch);
      samples.push(...(await frameSamplesSince(page, before)));
    }
  }
  return samples;
}

export interface LoopCheckpoint {
  loop: number;
  geometries: number;
  textures: number;
  heapBytes: number;
}

export interface LoopFigures {
  loops: number;
  /** Heap snapshots after the first and the last loop: JS data and compiled code. */
  compositionAfter1: HeapComposition;
  compositionAfterN: HeapComposition;
  /** Geometries, textures and heap after loops 1, 2, 5, 10, 20, 50, 100 (those run) and the last. */
  series: LoopCheckpoint[];
  geometriesAfter1: number;
  texturesAfter1: number;
  heapAfter1Bytes: number;
  geometriesAfterN: number;
  texturesAfterN: number;
  heapAfterNBytes: number;
  framesPerLoop: number;
}

/**
 * One accelerated loop: both procedures' whole timelines (every step at its middle, then the end), each seek
 * followed by a rendered frame, ending where it started (kyphoplasty at t = 0).
 */
async function runLoop(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const el = document.querySelector('spine-procedure-viewer') as Viewer;
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    let frames = 0;
    for (const procedure of ['kyphoplasty', 'vertebroplasty']) {
      el.procedure = procedure;
      await frame();
      for (const step of el.steps) {
        el.currentTime = (step.start + step.end) / 2;
        await frame();
        frames++;
      }
      el.currentTime = el.duration;
      await frame();
      frames++;
    }
    el.procedure = 'kyphoplasty';
    el.currentTime = 0;
    for (let i = 0; i < 3; i++) await frame();
    return frames + 3;
  });
}

async function memorySnapshot(page: Page, cdp: CDPSession) {
  const { geometries, textures } = await page.evaluate(() => {
    const s = (document.querySelector('spine-procedure-viewer') as Viewer).getRenderStats();
    return { geometries: s.geometries, textures: s.textures };
  });
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return { geometries, textures, heapBytes: usedSize };
}

/**
 * Geometries, textures and JS heap (after garbage collection) after 1 and after `loops` accelerated loops of
 * both procedures, in a fresh page with a small canvas.
 */
export async function measureLoops(
  browser: Browser,
  url: string,
  loops: number,
  log: RequestLog,
  progress: (done: number) => void = () => {},
): Promise<LoopFigures & { errors: string[] }> {
  const loaded = await loadToFirstFrame(browser, url, 'app', log, WORK_VIEWPORT);
  const { page, context } = loaded;
  try {
    const cdp = await context.newCDPSession(page);
    const checkpoints = new Set([1, 2, 5, 10, 20, 50, 100, loops]);
    const series: LoopCheckpoint[] = [];
    let framesPerLoop = 0;
    let compositionAfter1: HeapComposition | null = null;
    for (let i = 1; i <= loops; i++) {
      framesPerLoop = await runLoop(page);
      if (checkpoints.has(i)) {
        series.push({ loop: i, ...(await memorySnapshot(page, cdp)) });
        if (i === 1) compositionAfter1 = await takeHeapComposition(cdp);
        progress(i);
      }
    }
    const compositionAfterN = await takeHeapComposition(cdp);
    const first = series[0]!;
    const last = series[series.length - 1]!;
    return {
      loops,
      series,
      compositionAfter1: compositionAfter1!,
      compositionAfterN,
      geometriesAfter1: first.geometries,
      texturesAfter1: first.textures,
      heapAfter1Bytes: first.heapBytes,
      geometriesAfterN: last.geometries,
      texturesAfterN: last.textures,
      heapAfterNBytes: last.heapBytes,
      framesPerLoop,
      errors: loaded.errors,
    };
  } finally {
    await context.close();
  }
}
