import type { Browser } from 'playwright-core';
import {
  glRenderer,
  loadToFirstFrame,
  revisitToFirstFrame,
  type LoadedPage,
  type PageKind,
  type RequestLog,
} from './load';

/** How many loads of each kind, and how slow the throttled ones are. */
export interface FirstFramePlan {
  /** First-time visits of each page (each followed by a repeat visit in the same browser context). */
  runs: number;
  /** First-time visits of each page with the CPU throttled. */
  throttledRuns: number;
  cpuThrottlingRate: number;
}

export interface FirstFrameFigures {
  gl: string;
  appRuns: number[];
  baselineRuns: number[];
  /** When the GPU had drawn the first frame's work (see `LoadedPage.gpuIdleMs`), first visits. */
  appGpuIdleRuns: number[];
  baselineGpuIdleRuns: number[];
  /** What the first app and baseline visits fetched before their first frame. */
  appResources: LoadedPage['resources'];
  baselineResources: LoadedPage['resources'];
  appRepeatRuns: number[];
  baselineRepeatRuns: number[];
  /** A service worker controlled the app's repeat visits (all of them). */
  repeatVisitServiceWorker: boolean;
  appThrottledRuns: number[];
  baselineThrottledRuns: number[];
  errors: string[];
}

/**
 * Every first-frame figure, app and empty page alternating so that both see the same machine: first visits (each
 * followed by a repeat visit of the same page in the same context), then first visits with the CPU throttled.
 */
export async function measureFirstFrames(
  browser: Browser,
  urls: Record<PageKind, string>,
  requests: RequestLog,
  plan: FirstFramePlan,
  log: (message: string) => void,
): Promise<FirstFrameFigures> {
  const errors: string[] = [];
  const collect = (kind: PageKind, page: LoadedPage) =>
    errors.push(...page.errors.map((e) => (kind === 'baseline' ? `baseline: ${e}` : e)));

  // Warm the browser (GPU process, SwiftShader) once.
  const warm = await loadToFirstFrame(browser, urls.baseline, 'baseline', requests);
  const gl = await glRenderer(warm.page);
  await warm.context.close();

  const out: FirstFrameFigures = {
    gl,
    appRuns: [],
    baselineRuns: [],
    appGpuIdleRuns: [],
    baselineGpuIdleRuns: [],
    appResources: [],
    baselineResources: [],
    appRepeatRuns: [],
    baselineRepeatRuns: [],
    repeatVisitServiceWorker: true,
    appThrottledRuns: [],
    baselineThrottledRuns: [],
    errors,
  };

  for (let i = 0; i < plan.runs; i++) {
    const times: string[] = [];
    for (const kind of ['app', 'baseline'] as const) {
      const first = await loadToFirstFrame(browser, urls[kind], kind, requests);
      try {
        collect(kind, first);
        const again = await revisitToFirstFrame(first, urls[kind], kind);
        collect(kind, again);
        if (kind === 'app') {
          out.appRuns.push(first.firstFrameMs);
          out.appGpuIdleRuns.push(first.gpuIdleMs);
          out.appRepeatRuns.push(again.firstFrameMs);
          if (i === 0) out.appResources = first.resources;
          out.repeatVisitServiceWorker &&= again.serviceWorker;
        } else {
          out.baselineRuns.push(first.firstFrameMs);
          out.baselineGpuIdleRuns.push(first.gpuIdleMs);
          out.baselineRepeatRuns.push(again.firstFrameMs);
          if (i === 0) out.baselineResources = first.resources;
        }
        times.push(
          `${kind} ${first.firstFrameMs.toFixed(0)} ms (GPU idle ${first.gpuIdleMs.toFixed(0)} ms; ` +
            `again ${again.firstFrameMs.toFixed(0)} ms)`,
        );
      } finally {
        await first.context.close();
      }
    }
    log(`first frame, run ${i + 1}/${plan.runs}: ${times.join(', ')}`);
  }

  const rate = plan.cpuThrottlingRate;
  for (let i = 0; i < plan.throttledRuns; i++) {
    const times: string[] = [];
    for (const kind of ['app', 'baseline'] as const) {
      const loaded = await loadToFirstFrame(browser, urls[kind], kind, requests, { cpuThrottlingRate: rate });
      try {
        collect(kind, loaded);
        (kind === 'app' ? out.appThrottledRuns : out.baselineThrottledRuns).push(loaded.firstFrameMs);
        times.push(`${kind} ${loaded.firstFrameMs.toFixed(0)} ms`);
      } finally {
        await loaded.context.close();
      }
    }
    log(`first frame, CPU throttled ${rate}×, run ${i + 1}/${plan.throttledRuns}: ${times.join(', ')}`);
  }
  return out;
}
