import { describe, expect, it } from 'vitest';
import { BUDGETS, type BudgetKey } from '../../../bench/budgets';
import { benchReport, type BenchResults } from '../../../bench/lib/results';

function results(overrides: Partial<BenchResults> = {}): BenchResults {
  const file = (path: string, gzipBytes: number) => ({
    path,
    bytes: gzipBytes * 3,
    gzipBytes,
    hasLeva: false,
  });
  return {
    mode: 'quick',
    date: '2026-01-01T00:00:00.000Z',
    browser: 'Chromium 143',
    gl: 'SwiftShader',
    cpus: 2,
    budgetsSource: 'DESIGN.md §7',
    jsGzipBytes: 330_000,
    jsBytes: 990_000,
    baselineJsGzipBytes: 316_000,
    baselineJsBytes: 948_000,
    jsGzipRatio: 1.044,
    jsFiles: [file('/assets/index.js', 330_000)],
    baselineJsFiles: [file('/assets/index.js', 316_000)],
    levaGzipBytesInDefault: 0,
    onDemandChunks: [file('/assets/ClinicianPanel-x.js', 73_000)],
    firstFrameMs: 400,
    baselineFirstFrameMs: 350,
    firstFrameRatio: 1.143,
    firstFrameRunsMs: [390, 400, 420],
    appLoadTimeline: [{ path: '/assets/index.js', startMs: 5, endMs: 20 }],
    baselineFirstFrameRunsMs: [340, 350, 360],
    firstFrameGpuIdleMs: 2500,
    baselineFirstFrameGpuIdleMs: 360,
    cpuThrottlingRate: 4,
    firstFrameMsThrottled: 1500,
    baselineFirstFrameMsThrottled: 1000,
    firstFrameRatioThrottled: 1.5,
    firstFrameRunsMsThrottled: [1500, 1600],
    baselineFirstFrameRunsMsThrottled: [950, 1050],
    frameMsP50PlayingThrottled: 1.2,
    frameMsP95PlayingThrottled: 2.4,
    framesPlayingThrottled: 40,
    firstFrameMsRepeatVisit: 300,
    firstFrameRunsMsRepeatVisit: [290, 300, 310],
    baselineFirstFrameMsRepeatVisit: 250,
    baselineFirstFrameRunsMsRepeatVisit: [240, 250, 260],
    firstFrameRatioRepeatVisit: 1.2,
    repeatVisitServiceWorker: false,
    frameMsP50Playing: 0.3,
    frameMsP95Playing: 0.6,
    frameMsMaxPlaying: 1,
    framesPlaying: 50,
    frameMsP50Scrubbing: 0.2,
    frameMsP95Scrubbing: 0.5,
    frameMsMaxScrubbing: 1.2,
    seeks: 100,
    framesScrubbing: 100,
    drawCalls: 10,
    triangles: 156_000,
    drawCallsFluoro: 35,
    trianglesFluoro: 322_000,
    fluoroAt: 'kyphoplasty balloon-insertion',
    drawCallsMax: 35,
    trianglesMax: 322_000,
    maxAt: 'kyphoplasty balloon-insertion',
    drawCallsSplit: 32,
    trianglesSplit: 317_000,
    loops: 5,
    loopChanges: ['level=T12', 'grade=3', 'lang=es', 'view=split'],
    framesPerLoop: 28,
    loopSeries: [
      { loop: 1, geometries: 24, textures: 3, heapBytes: 8_000_000 },
      { loop: 5, geometries: 24, textures: 3, heapBytes: 8_200_000 },
    ],
    geometriesAfter1: 24,
    geometriesAfter100: 24,
    texturesAfter1: 3,
    texturesAfter100: 3,
    geometriesGrowth: 0,
    texturesGrowth: 0,
    heapAfter1Bytes: 8_000_000,
    heapAfter100Bytes: 8_200_000,
    heapGrowthPct: 2.5,
    heapDataAfter1Bytes: 3_000_000,
    heapDataAfter100Bytes: 3_010_000,
    heapDataGrowthPct: 0.33,
    heapJsDataGrowthPct: 0.33,
    heapJsDataGrowthByKind: [
      { kind: 'Vector3', countDelta: 100, bytesDelta: 4000 },
      { kind: 'closure onChange', countDelta: 10, bytesDelta: 320 },
    ],
    heapCodeAfter1Bytes: 4_000_000,
    heapCodeAfter100Bytes: 4_190_000,
    modelBytes: 2_000_000,
    modelBytesGzip: 550_000,
    textureBytes: 0,
    textureBytesGzip: 0,
    assetFiles: [],
    otherOriginRequests: 0,
    otherOriginUrls: [],
    pageErrors: [],
    durationS: 180,
    budgets: {} as BenchResults['budgets'],
    ...overrides,
  };
}

const REQUIRED_KEYS = [
  'jsGzipBytes',
  'baselineJsGzipBytes',
  'firstFrameMs',
  'baselineFirstFrameMs',
  'frameMsP95Playing',
  'frameMsP95Scrubbing',
  'drawCalls',
  'triangles',
  'drawCallsFluoro',
  'trianglesFluoro',
  'geometriesAfter1',
  'geometriesAfter100',
  'texturesAfter1',
  'texturesAfter100',
  'heapGrowthPct',
  'modelBytesGzip',
  'budgets',
  // Issue 13: old-phone, repeat-visit and JS data figures.
  'firstFrameRatio',
  'jsGzipRatio',
  'firstFrameMsThrottled',
  'baselineFirstFrameMsThrottled',
  'firstFrameRatioThrottled',
  'heapJsDataGrowthPct',
  'firstFrameMsRepeatVisit',
];

describe('bench report', () => {
  it('the JSON has the documented keys and a verdict for every budget', () => {
    const { json } = benchReport(results(), BUDGETS);
    for (const key of REQUIRED_KEYS) expect(json).toHaveProperty(key);
    expect(Object.keys(json.budgets).sort()).toEqual(Object.keys(BUDGETS).sort());
    expect(json.budgetsFailed).toEqual([]);
    expect(json.budgets.heapJsDataGrowthPct).toMatchObject({ value: 0.33, max: 1, pass: true });
    expect(json.budgets.firstFrameRatioThrottled).toMatchObject({ value: 1.5, max: 2, aim: 1.3, pass: true });
    expect(json.budgets).not.toHaveProperty('heapGrowthPct');
    expect(json.heapGrowthPct).toBe(2.5);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('marks misses in the JSON and the table, and names them in the summary', () => {
    const { json, table } = benchReport(
      results({
        jsGzipRatio: 1.18,
        firstFrameRatioThrottled: 2.6,
        heapJsDataGrowthPct: 1.4,
        heapGrowthPct: 14.7,
        geometriesGrowth: 2,
        geometriesAfter100: 26,
      }),
      BUDGETS,
    );
    expect(json.budgetsFailed).toEqual<BudgetKey[]>([
      'jsGzipRatio',
      'firstFrameRatioThrottled',
      'geometriesGrowth',
      'heapJsDataGrowthPct',
    ]);
    expect(table).toMatch(/JS ratio, app \/ empty page\s+1\.18×\s+≤ 1\.10×\s+FAIL/);
    expect(table).toMatch(/ratio, app \/ empty page, throttled\s+2\.60×\s+≤ 2\.00× \(aim 1\.30×\)\s+FAIL/);
    expect(table).toMatch(/JS data, growth\s+\+1\.4 %\s+≤ 1 %\s+FAIL\s+most: Vector3 \+4\.0 kB/);
    expect(table).toMatch(/JS heap, growth\s+\+14\.7 %\s+no budget/);
    expect(table).toMatch(/geometries, after 1 → after N\s+24 → 26/);
    expect(table).toMatch(/11 of 15 budgets met; over budget: jsGzipRatio \(1\.18×, ≤ 1\.10×\)/);
    expect(table).toContain('Software GL: compare the ratios within one run');
  });

  it('prints one row per budget', () => {
    const { table } = benchReport(results(), BUDGETS);
    const verdicts = table.split('\n').filter((l) => / (pass|FAIL)( |$)/.test(l));
    expect(verdicts).toHaveLength(Object.keys(BUDGETS).length);
    expect(table).toContain('15 of 15 budgets met');
    expect(table).toMatch(/of which JS data \(snapshot\)\s+3\.00 MB → 3\.01 MB/);
    expect(table).toMatch(/app, throttled\s+1500\.00 ms/);
    expect(table).toMatch(
      /app, repeat visit\s+300\.00 ms\s+290, 300, 310; HTTP cache only, no service worker/,
    );
    expect(table).toMatch(
      /Long run: 5 accelerated loops of both procedures, each changing level, grade, lang, view/,
    );
    expect(table).toMatch(/of which compiled code \(snapshot\)\s+4\.00 MB → 4\.19 MB\s+\+190\.0 kB/);
  });
});
