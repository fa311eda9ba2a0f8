import type { Budget, BudgetKey } from '../budgets';
import type { FileBytes } from './bytes';
import type { HeapKindGrowth } from './heap';
import type { LoopCheckpoint } from './loops';
import {
  evaluateBudgets,
  failedBudgets,
  formatBudget,
  formatTable,
  formatValue,
  type BudgetResult,
} from './report';
import { tableRows } from './table';

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
