import type { Page } from 'playwright-core';
import { mulberry32 } from '../../src/procedure/random';
import { newSamples } from './stats';
import { FRAME_RING, type Viewer } from './viewer';

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
 * The same as `measurePlaying` with Chromium's CPU throttling at `rate`× for the time of the measurement (per-frame
 * work does not depend on how the page was loaded, so the page the unthrottled figures came from serves).
 */
export async function measurePlayingThrottled(
  page: Page,
  msPerStep: number,
  rate: number,
): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    return await measurePlaying(page, msPerStep);
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
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
