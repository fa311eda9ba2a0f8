/**
 * The budgets `npm run bench` checks, in one place. Source: ../shared/DESIGN.md §7 "Budgets" (the model size also
 * in docs/models.md, "Budget"). Every budget is an upper bound: a figure passes when it is ≤ `max`.
 */
export const BUDGETS_SOURCE = '../shared/DESIGN.md §7 (Budgets); model size: docs/models.md (Budget)';

export type BudgetUnit = 'ratio' | 'ms' | 'count' | 'bytes' | 'pct';

export interface Budget {
  /** What the figure is, as printed in the table. */
  label: string;
  max: number;
  /** Where the design wants the figure to be; printed next to the budget, never checked. */
  aim?: number;
  unit: BudgetUnit;
  source: string;
}

const DESIGN = 'DESIGN.md §7';

export const BUDGETS = {
  jsGzipRatio: {
    label: 'JS gzip, app / empty R3F + OrbitControls page',
    max: 1.1,
    unit: 'ratio',
    source: DESIGN,
  },
  levaGzipBytesInDefault: {
    label: 'leva in the default experience (gzip)',
    max: 0,
    unit: 'bytes',
    source: DESIGN,
  },
  firstFrameRatio: {
    label: 'first rendered frame, app / empty page',
    max: 2,
    aim: 1.3,
    unit: 'ratio',
    source: DESIGN,
  },
  firstFrameRatioThrottled: {
    label: 'first rendered frame, app / empty page, CPU throttled 4×',
    max: 2,
    aim: 1.3,
    unit: 'ratio',
    source: DESIGN,
  },
  frameMsP95Playing: { label: 'main-thread ms per frame p95, playing', max: 4, unit: 'ms', source: DESIGN },
  frameMsP95Scrubbing: {
    label: 'main-thread ms per frame p95, scrubbing',
    max: 4,
    unit: 'ms',
    source: DESIGN,
  },
  drawCalls: { label: 'draw calls, default view', max: 80, unit: 'count', source: DESIGN },
  triangles: { label: 'triangles, default view', max: 350_000, unit: 'count', source: DESIGN },
  drawCallsFluoro: { label: 'draw calls, default view with fluoro', max: 80, unit: 'count', source: DESIGN },
  trianglesFluoro: {
    label: 'triangles, default view with fluoro',
    max: 350_000,
    unit: 'count',
    source: DESIGN,
  },
  geometriesGrowth: { label: 'geometries, after N loops − after 1', max: 0, unit: 'count', source: DESIGN },
  texturesGrowth: { label: 'textures, after N loops − after 1', max: 0, unit: 'count', source: DESIGN },
  heapJsDataGrowthPct: {
    label: 'JS data (heap snapshot: objects, arrays, closures, strings), growth after N loops vs 1',
    max: 1,
    unit: 'pct',
    source: DESIGN,
  },
  modelBytesGzip: {
    label: 'models, default view (gzip)',
    max: 600_000,
    unit: 'bytes',
    source: `${DESIGN}; docs/models.md (Budget)`,
  },
  otherOriginRequests: { label: 'requests to other origins', max: 0, unit: 'count', source: DESIGN },
} as const satisfies Record<string, Budget>;

export type BudgetKey = keyof typeof BUDGETS;
