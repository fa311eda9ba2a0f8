/**
 * `npm run bench`: builds the app and the empty R3F + OrbitControls baseline, measures both in one headless
 * Chromium (software WebGL), compares every figure with bench/budgets.ts and prints a table and one JSON object.
 *
 *   npm run bench                  full run (100 loops, 1,000 seeks, 5 first-frame runs each, 3 throttled)
 *   npm run bench -- --quick       fewer loops, seeks and runs (what CI runs)
 *   npm run bench -- --json        print only the JSON object
 *   npm run bench -- --skip-build  reuse bench-results/app-dist and baseline-dist
 *
 * Exit code 0 when the benchmark ran, budget misses included; 1 when it broke; 2 for bad arguments.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { launchBrowser } from '../tests/browser/support/browser';
import { startStaticServer, type StaticServer } from '../tests/browser/support/staticServer';
import { BUDGETS, BUDGETS_SOURCE } from './budgets';
import { APP_DIST, BASELINE_DIST, buildApp, buildBaseline, RESULTS_DIR } from './lib/build';
import { benchReport, type BenchResults } from './lib/results';
import {
  assetKind,
  filesRequested,
  isSameOrigin,
  ON_DEMAND_CHUNK,
  onDemandChunks,
  sumBytes,
} from './lib/bytes';
import { cachingHeaders } from './lib/caching';
import { CPU_THROTTLING_RATE, FULL, parseArgs, QUICK } from './lib/plan';
import { measureFirstFrames } from './lib/firstFrame';
import { RequestLog, type LoadedPage, loadToFirstFrame } from './lib/load';
import { LOOP_CHANGES, measureLoops } from './lib/loops';
import { measureDrawCalls, measurePlaying, measurePlayingThrottled, measureScrubbing } from './lib/measure';
import { WORK_VIEWPORT } from './lib/viewer';
import { growthPct, median, percentile, ratio, round } from './lib/stats';

/** URL paths of the resources on `origin` (others are counted as other-origin requests, not as bytes). */
function pathsOn(origin: string, resources: LoadedPage['resources']): string[] {
  return resources.filter((r) => r.url.startsWith(`${origin}/`)).map((r) => new URL(r.url).pathname);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const plan = options.quick ? QUICK : FULL;
  const started = performance.now();
  const log = (message: string) => {
    if (!options.json)
      process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${message}\n`);
  };
  // A hung browser must not hang CI: give up (exit 1) well after a normal run would have finished.
  setTimeout(() => {
    console.error(`benchmark: no result after ${plan.timeoutMin} minutes, giving up`);
    process.exit(1);
  }, plan.timeoutMin * 60_000).unref();

  if (options.skipBuild) {
    for (const dir of [APP_DIST, BASELINE_DIST]) {
      if (!existsSync(`${dir}/index.html`))
        throw new Error(`--skip-build: ${dir}/index.html is missing; run without it`);
    }
  } else {
    log('building the app and the baseline (empty R3F + OrbitControls page)');
    await Promise.all([buildApp(), buildBaseline()]);
  }

  const servers: StaticServer[] = [];
  const browser = await launchBrowser();
  try {
    // Served as a host following the README's caching advice would (only the repeat visits can tell).
    const app = await startStaticServer(APP_DIST, cachingHeaders);
    servers.push(app);
    const baseline = await startStaticServer(BASELINE_DIST, cachingHeaders);
    servers.push(baseline);
    const requests = new RequestLog();
    const appUrl = `${app.origin}/index.html`;
    const baselineUrl = `${baseline.origin}/index.html`;
    const pageErrors: string[] = [];

    const first = await measureFirstFrames(
      browser,
      { app: appUrl, baseline: baselineUrl },
      requests,
      {
        runs: plan.firstFrameRuns,
        throttledRuns: plan.throttledRuns,
        cpuThrottlingRate: CPU_THROTTLING_RATE,
      },
      log,
    );
    pageErrors.push(...first.errors);
    const appResources = first.appResources;
    const baselineResources = first.baselineResources;

    const appFiles = filesRequested(APP_DIST, pathsOn(app.origin, appResources));
    const appJs = appFiles.filter((f) => assetKind(f.path) === 'js' && !ON_DEMAND_CHUNK.test(f.path));
    const leva = appFiles.filter(
      (f) => assetKind(f.path) === 'js' && (ON_DEMAND_CHUNK.test(f.path) || f.hasLeva),
    );
    const models = appFiles.filter((f) => assetKind(f.path) === 'model');
    const textures = appFiles.filter((f) => assetKind(f.path) === 'texture');
    const baselineJs = filesRequested(BASELINE_DIST, pathsOn(baseline.origin, baselineResources)).filter(
      (f) => assetKind(f.path) === 'js',
    );

    log('draw calls and triangles over every step of both procedures');
    const viewer = await loadToFirstFrame(browser, appUrl, 'app', requests, { viewport: WORK_VIEWPORT });
    const draws = await measureDrawCalls(viewer.page, plan.pointsPerStep);
    log(`playing (${plan.playMsPerStep / 1000} s from the start of each step, both procedures)`);
    const playing = await measurePlaying(viewer.page, plan.playMsPerStep);
    log(`scrubbing (${plan.seeks} random seeks)`);
    const scrubbing = await measureScrubbing(viewer.page, plan.seeks);
    log(`playing again with the CPU throttled ${CPU_THROTTLING_RATE}×`);
    const playingThrottled = await measurePlayingThrottled(
      viewer.page,
      plan.playMsPerStep,
      CPU_THROTTLING_RATE,
    );
    pageErrors.push(...viewer.errors);
    await viewer.context.close();
    if (
      playing.length === 0 ||
      playingThrottled.length === 0 ||
      scrubbing.length === 0 ||
      draws.drawCalls === 0
    )
      throw new Error('the viewer rendered no frames while playing or scrubbing: nothing to measure');

    log(`${plan.loops} accelerated loops of both procedures, changing options as they go`);
    const loops = await measureLoops(browser, appUrl, plan.loops, requests, (n) =>
      log(`  loop ${n}/${plan.loops}`),
    );
    pageErrors.push(...loops.errors);

    const otherOrigin = [
      ...new Set(requests.urls.filter((u) => !isSameOrigin(u, [app.origin, baseline.origin]))),
    ];
    const jsGzipBytes = sumBytes(appJs).gzipBytes;
    const baselineJsGzipBytes = sumBytes(baselineJs).gzipBytes;
    const firstFrameMs = median(first.appRuns);
    const baselineFirstFrameMs = median(first.baselineRuns);
    const firstFrameMsThrottled = median(first.appThrottledRuns);
    const baselineFirstFrameMsThrottled = median(first.baselineThrottledRuns);
    const firstFrameMsRepeatVisit = median(first.appRepeatRuns);
    const baselineFirstFrameMsRepeatVisit = median(first.baselineRepeatRuns);
    const heapDataGrowthPct = round(
      growthPct(loops.compositionAfter1.dataBytes, loops.compositionAfterN.dataBytes),
      2,
    );
    const runs = (list: number[]) => list.map((v) => round(v, 1));

    const results: BenchResults = {
      mode: options.quick ? 'quick' : 'full',
      date: new Date().toISOString(),
      browser: `Chromium ${browser.version()}`,
      gl: first.gl,
      cpus: os.cpus().length,
      budgetsSource: BUDGETS_SOURCE,

      jsGzipBytes,
      jsBytes: sumBytes(appJs).bytes,
      baselineJsGzipBytes,
      baselineJsBytes: sumBytes(baselineJs).bytes,
      jsGzipRatio: round(ratio(jsGzipBytes, baselineJsGzipBytes), 3),
      jsFiles: appJs,
      baselineJsFiles: baselineJs,
      levaGzipBytesInDefault: sumBytes(leva).gzipBytes,
      onDemandChunks: onDemandChunks(APP_DIST),

      firstFrameMs: round(firstFrameMs, 1),
      baselineFirstFrameMs: round(baselineFirstFrameMs, 1),
      firstFrameRatio: round(ratio(firstFrameMs, baselineFirstFrameMs), 3),
      firstFrameRunsMs: runs(first.appRuns),
      appLoadTimeline: appResources.map((r) => ({
        path: r.url.startsWith(`${app.origin}/`) ? new URL(r.url).pathname : r.url,
        startMs: round(r.startMs, 1),
        endMs: round(r.endMs, 1),
      })),
      baselineFirstFrameRunsMs: runs(first.baselineRuns),
      firstFrameGpuIdleMs: round(median(first.appGpuIdleRuns), 1),
      baselineFirstFrameGpuIdleMs: round(median(first.baselineGpuIdleRuns), 1),

      cpuThrottlingRate: CPU_THROTTLING_RATE,
      firstFrameMsThrottled: round(firstFrameMsThrottled, 1),
      baselineFirstFrameMsThrottled: round(baselineFirstFrameMsThrottled, 1),
      firstFrameRatioThrottled: round(ratio(firstFrameMsThrottled, baselineFirstFrameMsThrottled), 3),
      firstFrameRunsMsThrottled: runs(first.appThrottledRuns),
      baselineFirstFrameRunsMsThrottled: runs(first.baselineThrottledRuns),
      frameMsP50PlayingThrottled: round(percentile(playingThrottled, 50), 3),
      frameMsP95PlayingThrottled: round(percentile(playingThrottled, 95), 3),
      framesPlayingThrottled: playingThrottled.length,

      firstFrameMsRepeatVisit: round(firstFrameMsRepeatVisit, 1),
      firstFrameRunsMsRepeatVisit: runs(first.appRepeatRuns),
      baselineFirstFrameMsRepeatVisit: round(baselineFirstFrameMsRepeatVisit, 1),
      baselineFirstFrameRunsMsRepeatVisit: runs(first.baselineRepeatRuns),
      firstFrameRatioRepeatVisit: round(ratio(firstFrameMsRepeatVisit, baselineFirstFrameMsRepeatVisit), 3),
      repeatVisitServiceWorker: first.repeatVisitServiceWorker,

      frameMsP50Playing: round(percentile(playing, 50), 3),
      frameMsP95Playing: round(percentile(playing, 95), 3),
      frameMsMaxPlaying: round(Math.max(...playing), 3),
      framesPlaying: playing.length,
      frameMsP50Scrubbing: round(percentile(scrubbing, 50), 3),
      frameMsP95Scrubbing: round(percentile(scrubbing, 95), 3),
      frameMsMaxScrubbing: round(Math.max(...scrubbing), 3),
      seeks: plan.seeks,
      framesScrubbing: scrubbing.length,

      ...draws,

      loops: plan.loops,
      loopChanges: LOOP_CHANGES.map(([name, value]) => `${name}=${value}`),
      framesPerLoop: loops.framesPerLoop,
      loopSeries: loops.series,
      geometriesAfter1: loops.geometriesAfter1,
      geometriesAfter100: loops.geometriesAfterN,
      texturesAfter1: loops.texturesAfter1,
      texturesAfter100: loops.texturesAfterN,
      geometriesGrowth: loops.geometriesAfterN - loops.geometriesAfter1,
      texturesGrowth: loops.texturesAfterN - loops.texturesAfter1,
      heapAfter1Bytes: loops.heapAfter1Bytes,
      heapAfter100Bytes: loops.heapAfterNBytes,
      heapGrowthPct: round(growthPct(loops.heapAfter1Bytes, loops.heapAfterNBytes), 2),
      heapDataAfter1Bytes: loops.compositionAfter1.dataBytes,
      heapDataAfter100Bytes: loops.compositionAfterN.dataBytes,
      heapDataGrowthPct,
      heapJsDataGrowthPct: heapDataGrowthPct,
      heapJsDataGrowthByKind: loops.dataGrowthByKind,
      heapCodeAfter1Bytes: loops.compositionAfter1.codeBytes,
      heapCodeAfter100Bytes: loops.compositionAfterN.codeBytes,

      modelBytes: sumBytes(models).bytes,
      modelBytesGzip: sumBytes(models).gzipBytes,
      textureBytes: sumBytes(textures).bytes,
      textureBytesGzip: sumBytes(textures).gzipBytes,
      assetFiles: [...models, ...textures],

      otherOriginRequests: otherOrigin.length,
      otherOriginUrls: otherOrigin,
      pageErrors: [...new Set(pageErrors)],
      durationS: 0,
      budgets: {} as BenchResults['budgets'],
    };
    results.durationS = round((performance.now() - started) / 1000, 1);
    const { json, table } = benchReport(results, BUDGETS);

    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(`${RESULTS_DIR}/bench.json`, `${JSON.stringify(json, null, 2)}\n`);
    writeFileSync(`${RESULTS_DIR}/bench.txt`, `${table}\n`);
    if (!options.json) console.log(`${table}\n`);
    console.log(JSON.stringify(json, null, 2));
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('benchmark failed:', err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
