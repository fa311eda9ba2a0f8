import type { Budget, BudgetKey } from '../budgets';
import type { FileBytes } from './bytes';
import type { HeapKindGrowth } from './heap';
import type { LoopCheckpoint } from './loops';
import {
  budgetRow,
  evaluateBudgets,
  failedBudgets,
  formatBudget,
  formatTable,
  formatValue,
  type BudgetResult,
  type TableRow,
} from './report';

/** Everything one run measured (the printed JSON object). Keys named …After100 hold the figure after `loops`. */
export interface BenchResults {
  mode: 'quick' | 'full';
  date: string;
  browser: string;
  gl: string;
  cpus: number;
  budgetsSource: string;

  jsGzipBytes: number;
  jsBytes: number;
  baselineJsGzipBytes: number;
  baselineJsBytes: number;
  jsGzipRatio: number;
  jsFiles: FileBytes[];
  baselineJsFiles: FileBytes[];
  levaGzipBytesInDefault: number;
  onDemandChunks: FileBytes[];

  firstFrameMs: number;
  baselineFirstFrameMs: number;
  firstFrameRatio: number;
  firstFrameRunsMs: number[];
  /** What the app's first run fetched before its first frame, and when (ms since navigation start). */
  appLoadTimeline: { path: string; startMs: number; endMs: number }[];
  baselineFirstFrameRunsMs: number[];
  /**
   * Milliseconds from navigation until the GPU has done the work queued up to the first frame (medians of the same
   * runs; no budget): with software GL the first frame is issued long before it is drawn.
   */
  firstFrameGpuIdleMs: number;
  baselineFirstFrameGpuIdleMs: number;

  /** The same first-time visits with Chromium's CPU throttling (`cpuThrottlingRate`×) from before navigation. */
  cpuThrottlingRate: number;
  firstFrameMsThrottled: number;
  baselineFirstFrameMsThrottled: number;
  firstFrameRatioThrottled: number;
  firstFrameRunsMsThrottled: number[];
  baselineFirstFrameRunsMsThrottled: number[];
  /** Main-thread ms per frame while playing, CPU throttled (no budget: the 4 ms budget is for the test machine). */
  frameMsP50PlayingThrottled: number;
  frameMsP95PlayingThrottled: number;
  framesPlayingThrottled: number;

  /** A second visit in the same browser context: HTTP cache warm, a service worker installed if there is one. */
  firstFrameMsRepeatVisit: number;
  firstFrameRunsMsRepeatVisit: number[];
  baselineFirstFrameMsRepeatVisit: number;
  baselineFirstFrameRunsMsRepeatVisit: number[];
  firstFrameRatioRepeatVisit: number;
  /** A service worker controlled every repeat visit of the app. */
  repeatVisitServiceWorker: boolean;

  frameMsP50Playing: number;
  frameMsP95Playing: number;
  frameMsMaxPlaying: number;
  framesPlaying: number;
  frameMsP50Scrubbing: number;
  frameMsP95Scrubbing: number;
  frameMsMaxScrubbing: number;
  seeks: number;
  framesScrubbing: number;

  drawCalls: number;
  triangles: number;
  drawCallsFluoro: number;
  trianglesFluoro: number;
  fluoroAt: string;
  drawCallsMax: number;
  trianglesMax: number;
  maxAt: string;
  drawCallsSplit: number;
  trianglesSplit: number;

  loops: number;
  /** The option changes each loop makes (attribute=value, in order). */
  loopChanges: string[];
  framesPerLoop: number;
  loopSeries: LoopCheckpoint[];
  geometriesAfter1: number;
  geometriesAfter100: number;
  texturesAfter1: number;
  texturesAfter100: number;
  geometriesGrowth: number;
  texturesGrowth: number;
  heapAfter1Bytes: number;
  heapAfter100Bytes: number;
  heapGrowthPct: number;
  /** From heap snapshots: JS objects, arrays, closures and strings (what a leak grows)… */
  heapDataAfter1Bytes: number;
  heapDataAfter100Bytes: number;
  heapDataGrowthPct: number;
  /** The same figure under the name of the budget (DESIGN.md §7). */
  heapJsDataGrowthPct: number;
  /** The kinds of JS data that grew most (objects by constructor, closures by name, strings and arrays by type). */
  heapJsDataGrowthByKind: HeapKindGrowth[];
  /** …and compiled code, bytecode and feedback (grows while the JIT warms up). */
  heapCodeAfter1Bytes: number;
  heapCodeAfter100Bytes: number;

  modelBytes: number;
  modelBytesGzip: number;
  textureBytes: number;
  textureBytesGzip: number;
  assetFiles: FileBytes[];

  otherOriginRequests: number;
  otherOriginUrls: string[];
  pageErrors: string[];
  durationS: number;

  budgets: Record<BudgetKey, BudgetResult>;
}

const kB = (n: number) => formatValue(n, 'bytes');
const ms = (n: number) => formatValue(n, 'ms');
const count = (n: number) => formatValue(n, 'count');
const fileName = (f: FileBytes) => f.path.split('/').pop()!;
const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

/** The rows of the readable table, grouped like DESIGN.md §7. */
export function tableRows(r: BenchResults, b: Record<BudgetKey, BudgetResult>): TableRow[] {
  const onDemand = r.onDemandChunks.map((f) => `${fileName(f)} ${kB(f.gzipBytes)}`).join(', ');
  return [
    { section: 'Download, as loaded up to the first frame (gzip -9)' },
    { label: 'JS, default experience', value: kB(r.jsGzipBytes), note: files(r.jsFiles.length) },
    {
      label: 'JS, empty R3F + OrbitControls page',
      value: kB(r.baselineJsGzipBytes),
      note: files(r.baselineJsFiles.length),
    },
    budgetRow(b.jsGzipRatio, 'JS ratio, app / empty page'),
    budgetRow(
      b.levaGzipBytesInDefault,
      'leva in the default experience',
      onDemand ? `on demand: ${onDemand}` : undefined,
    ),
    budgetRow(b.modelBytesGzip, 'models', `${kB(r.modelBytes)} uncompressed`),
    {
      label: 'textures',
      value: kB(r.textureBytesGzip),
      note:
        r.textureBytesGzip === 0
          ? 'none downloaded'
          : r.assetFiles
              .filter((f) => !/\.(glb|gltf|bin|drc)$/i.test(f.path))
              .map(fileName)
              .join(', '),
    },
    { section: `First rendered frame (median of ${r.firstFrameRunsMs.length} runs)` },
    {
      label: 'app (viewer `ready`)',
      value: ms(r.firstFrameMs),
      note: r.firstFrameRunsMs.map((v) => v.toFixed(0)).join(', '),
    },
    {
      label: 'empty page',
      value: ms(r.baselineFirstFrameMs),
      note: r.baselineFirstFrameRunsMs.map((v) => v.toFixed(0)).join(', '),
    },
    budgetRow(b.firstFrameRatio, 'ratio, app / empty page'),
    {
      label: 'GPU idle after it, app / empty page',
      value: `${ms(r.firstFrameGpuIdleMs)} / ${ms(r.baselineFirstFrameGpuIdleMs)}`,
      note: 'when the first frame has certainly been drawn; no budget',
    },
    {
      section: `First rendered frame, CPU throttled ${r.cpuThrottlingRate}× (old phone; median of ${r.firstFrameRunsMsThrottled.length} runs)`,
    },
    {
      label: 'app, throttled',
      value: ms(r.firstFrameMsThrottled),
      note: r.firstFrameRunsMsThrottled.map((v) => v.toFixed(0)).join(', '),
    },
    {
      label: 'empty page, throttled',
      value: ms(r.baselineFirstFrameMsThrottled),
      note: r.baselineFirstFrameRunsMsThrottled.map((v) => v.toFixed(0)).join(', '),
    },
    budgetRow(b.firstFrameRatioThrottled, 'ratio, app / empty page, throttled'),
    {
      label: 'playing, throttled, p50 / p95',
      value: `${ms(r.frameMsP50PlayingThrottled)} / ${ms(r.frameMsP95PlayingThrottled)}`,
      note: `${count(r.framesPlayingThrottled)} frames; main-thread ms per frame, no budget`,
    },
    {
      section: `First rendered frame, repeat visit (same browser context; median of ${r.firstFrameRunsMsRepeatVisit.length} runs)`,
    },
    {
      label: 'app, repeat visit',
      value: ms(r.firstFrameMsRepeatVisit),
      note:
        `${r.firstFrameRunsMsRepeatVisit.map((v) => v.toFixed(0)).join(', ')}; ` +
        (r.repeatVisitServiceWorker ? 'service worker in control' : 'HTTP cache only, no service worker'),
    },
    {
      label: 'empty page, repeat visit',
      value: ms(r.baselineFirstFrameMsRepeatVisit),
      note: r.baselineFirstFrameRunsMsRepeatVisit.map((v) => v.toFixed(0)).join(', '),
    },
    {
      label: 'ratio, app / empty page, repeat visit',
      value: formatValue(r.firstFrameRatioRepeatVisit, 'ratio'),
      note: 'no budget',
    },
    { section: 'Main-thread time per frame, GL draw excluded' },
    {
      label: 'playing, p50',
      value: ms(r.frameMsP50Playing),
      note: `${count(r.framesPlaying)} frames, max ${ms(r.frameMsMaxPlaying)}`,
    },
    budgetRow(b.frameMsP95Playing, 'playing, p95'),
    {
      label: 'scrubbing, p50',
      value: ms(r.frameMsP50Scrubbing),
      note: `${count(r.seeks)} seeks, ${count(r.framesScrubbing)} frames, max ${ms(r.frameMsMaxScrubbing)}`,
    },
    budgetRow(b.frameMsP95Scrubbing, 'scrubbing, p95'),
    { section: 'Rendering (renderer.info, all passes of one frame)' },
    budgetRow(b.drawCalls, 'draw calls, default view (t = 0)'),
    budgetRow(b.triangles, 'triangles, default view (t = 0)'),
    budgetRow(b.drawCallsFluoro, 'draw calls, with X-ray inset', `most: ${r.fluoroAt}`),
    budgetRow(b.trianglesFluoro, 'triangles, with X-ray inset'),
    {
      label: 'draw calls / triangles, busiest step',
      value: `${count(r.drawCallsMax)} / ${count(r.trianglesMax)}`,
      note: r.maxAt,
    },
    {
      label: 'draw calls / triangles, split view',
      value: `${count(r.drawCallsSplit)} / ${count(r.trianglesSplit)}`,
    },
    {
      section:
        `Long run: ${count(r.loops)} accelerated loops of both procedures, each changing ` +
        `${[...new Set(r.loopChanges.map((c) => c.split('=')[0]))].join(', ')}`,
    },
    { label: 'geometries, after 1 → after N', value: `${r.geometriesAfter1} → ${r.geometriesAfter100}` },
    budgetRow(b.geometriesGrowth, 'geometries, growth'),
    { label: 'textures, after 1 → after N', value: `${r.texturesAfter1} → ${r.texturesAfter100}` },
    budgetRow(b.texturesGrowth, 'textures, growth'),
    {
      label: 'JS heap, after 1 → after N',
      value: `${kB(r.heapAfter1Bytes)} → ${kB(r.heapAfter100Bytes)}`,
      note: r.loopSeries.map((c) => `${c.loop}: ${kB(c.heapBytes)}`).join(', '),
    },
    {
      label: 'JS heap, growth',
      value: formatValue(r.heapGrowthPct, 'pct'),
      note: 'no budget: includes compiled code, which grows while the JIT warms up',
    },
    {
      label: 'of which JS data (snapshot)',
      value: `${kB(r.heapDataAfter1Bytes)} → ${kB(r.heapDataAfter100Bytes)}`,
    },
    budgetRow(
      b.heapJsDataGrowthPct,
      'JS data, growth',
      r.heapJsDataGrowthByKind.length > 0
        ? `most: ${r.heapJsDataGrowthByKind
            .slice(0, 3)
            .map((k) => `${k.kind} +${kB(k.bytesDelta)}`)
            .join(', ')}`
        : undefined,
    ),
    {
      label: 'of which compiled code (snapshot)',
      value: `${kB(r.heapCodeAfter1Bytes)} → ${kB(r.heapCodeAfter100Bytes)}`,
      note: formatValue(r.heapCodeAfter100Bytes - r.heapCodeAfter1Bytes, 'bytes').replace(/^(?!-)/, '+'),
    },
    { section: 'Privacy' },
    budgetRow(
      b.otherOriginRequests,
      'requests to other origins',
      r.otherOriginUrls.slice(0, 3).join(' ') || undefined,
    ),
  ];
}

/** Check the budgets and lay out the table and the JSON object of a run. */
export function benchReport(
  results: BenchResults,
  budgets: Record<BudgetKey, Budget>,
): { json: BenchResults & { budgetsFailed: BudgetKey[] }; table: string } {
  const checked = evaluateBudgets<BudgetKey>(results, budgets);
  const failed = failedBudgets(checked);
  const json = { ...results, budgets: checked, budgetsFailed: failed };
  const keys = Object.keys(checked) as BudgetKey[];
  const title =
    `Spine Procedure Viewer benchmark, ${results.mode} run (${results.loops} loops, ${results.seeks} seeks) · ` +
    `${results.browser} · ${results.gl} · ${results.cpus} CPUs · ${results.durationS} s`;
  const summary = [
    '',
    `${keys.length - failed.length} of ${keys.length} budgets met` +
      (failed.length > 0
        ? `; over budget: ${failed.map((k) => `${k} (${formatValue(checked[k].value, checked[k].unit)}, ${formatBudget(checked[k])})`).join(', ')}`
        : ''),
    `Budgets: bench/budgets.ts, from ${results.budgetsSource}.`,
    'Software GL: compare the ratios within one run; absolute times are noisy.',
  ];
  if (results.pageErrors.length > 0)
    summary.push(`Page errors: ${results.pageErrors.slice(0, 5).join(' | ')}`);
  return { json, table: [formatTable(title, tableRows(results, checked)), ...summary].join('\n') };
}
