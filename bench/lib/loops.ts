import type { Browser, CDPSession, Page } from 'playwright-core';
import { heapKindGrowth, takeHeapComposition, type HeapComposition, type HeapKindGrowth } from './heap';
import { loadToFirstFrame, type RequestLog } from './load';
import { WORK_VIEWPORT, type Viewer } from './viewer';

/**
 * The option changes one loop makes, one before each step's frame, in this order: every setting that rebuilds
 * geometry (level, several levels, grade, morphology, a cement leak), the approach (one needle or two), the
 * language and each view (the comparison too), ending on the defaults so that every loop starts and ends in the
 * same state. Values: README "Options", src/options/optionSchema.ts.
 */
export const LOOP_CHANGES: readonly (readonly [attribute: string, value: string])[] = [
  ['level', 'T12'],
  ['levels', 'T12,L1'],
  ['grade', '3'],
  ['morphology', 'biconcave'],
  ['complication', 'venous'],
  ['approach', 'unipedicular'],
  ['lang', 'es'],
  ['view', 'compare'],
  ['view', 'split'],
  ['level', 'L2'],
  ['grade', '1'],
  ['morphology', 'crush'],
  ['view', 'fluoro'],
  ['levels', ''],
  ['complication', 'none'],
  ['level', 'T11'],
  ['lang', 'en'],
  ['approach', 'bipedicular'],
  ['level', 'L1'],
  ['grade', '2'],
  ['morphology', 'wedge'],
  ['view', '3d'],
];

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
  /** The kinds of JS data (by constructor, function name or type) that grew most from the first to the last loop. */
  dataGrowthByKind: HeapKindGrowth[];
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
 * followed by a rendered frame; before the first steps' seeks, one option change each (`LOOP_CHANGES`), so that
 * the geometry, language and view paths run every loop. It ends where it started (kyphoplasty at t = 0, defaults).
 */
async function runLoop(page: Page): Promise<number> {
  return page.evaluate(async (changes) => {
    const el = document.querySelector('spine-procedure-viewer') as Viewer;
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    let frames = 0;
    let next = 0;
    const change = () => {
      const c = changes[next++];
      if (c) el.setAttribute(c[0], c[1]);
    };
    for (const procedure of ['kyphoplasty', 'vertebroplasty']) {
      el.procedure = procedure;
      await frame();
      frames++;
      for (const step of el.steps) {
        change();
        el.currentTime = (step.start + step.end) / 2;
        await frame();
        frames++;
      }
      el.currentTime = el.duration;
      await frame();
      frames++;
    }
    // Both procedures have more steps than there are changes; this only matters if one day they have fewer.
    while (next < changes.length) {
      change();
      await frame();
      frames++;
    }
    el.procedure = 'kyphoplasty';
    el.currentTime = 0;
    for (let i = 0; i < 3; i++) await frame();
    return frames + 3;
  }, LOOP_CHANGES);
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
  const loaded = await loadToFirstFrame(browser, url, 'app', log, { viewport: WORK_VIEWPORT });
  const { page, context } = loaded;
  try {
    // The parts that load after the first frame (instruments, cement, patient) are in before the first loop: on a
    // busy machine they could arrive during it, and the figures after loop 1 missed their geometries and code.
    await page.waitForFunction(
      () => (document.querySelector('spine-procedure-viewer') as Viewer).getRenderStats().sceneComplete,
      null,
      { timeout: 60_000, polling: 200 },
    );
    const cdp = await context.newCDPSession(page);
    const checkpoints = new Set([1, 2, 5, 10, 20, 50, 100, loops]);
    const series: LoopCheckpoint[] = [];
    let framesPerLoop = 0;
    let after1: Awaited<ReturnType<typeof takeHeapComposition>> | null = null;
    for (let i = 1; i <= loops; i++) {
      framesPerLoop = await runLoop(page);
      if (checkpoints.has(i)) {
        series.push({ loop: i, ...(await memorySnapshot(page, cdp)) });
        if (i === 1) after1 = await takeHeapComposition(cdp);
        progress(i);
      }
    }
    const afterN = await takeHeapComposition(cdp);
    const first = series[0]!;
    const last = series[series.length - 1]!;
    return {
      loops,
      series,
      compositionAfter1: { dataBytes: after1!.dataBytes, codeBytes: after1!.codeBytes },
      compositionAfterN: { dataBytes: afterN.dataBytes, codeBytes: afterN.codeBytes },
      dataGrowthByKind: heapKindGrowth(after1!.kinds, afterN.kinds),
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
