import type { BudgetKey } from '../budgets';
import type { FileBytes } from './bytes';
import { budgetRow, formatValue, type BudgetResult, type TableRow } from './report';
import type { BenchResults } from './results';

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
