import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STRICT_CSP } from './support/hostSite';
import { browserSuite } from './support/suite';
import { nerveYellowShares, pngVariety, screenshotDifference } from './support/imageStats';
import { openViewer, seekAndSettle } from './support/viewerPage';
import { screenshotOf } from './support/screenshotOf';

/** When set, every response (pages, scripts, the decoding worker) carries the strict CSP of the README. */
let strictCspEverywhere = false;
const suite = browserSuite({
  headers: (): Record<string, string> =>
    strictCspEverywhere ? { 'Content-Security-Policy': STRICT_CSP } : {},
});

describe('the spine', () => {
  it('upright lateral overview with level labels, then the user orbits and returns to the guided camera', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?level=L1');
    const canvas = v.page.locator('spine-procedure-viewer canvas');
    await v.page
      .locator('spine-procedure-viewer .spv-switch', { hasText: 'Labels' })
      .locator('input')
      .check();
    await seekAndSettle(v.page, 1);
    const labels = await v.page.locator('spine-procedure-viewer .spv-label-level').allTextContents();
    expect(labels).toEqual([
      'T1',
      'T2',
      'T3',
      'T4',
      'T5',
      'T6',
      'T7',
      'T8',
      'T9',
      'T10',
      'T11',
      'T12',
      'L1',
      'L2',
      'L3',
      'L4',
      'L5',
    ]);
    const guided = await screenshotOf(canvas, { path: 'test-artifacts/anatomy-overview-labels.png' });
    expect(await pngVariety(v.page, guided)).toBeGreaterThan(0.1);

    // Orbit with the mouse: the camera turns to the side and the "follow" control appears.
    const box = (await canvas.boundingBox())!;
    await v.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await v.page.mouse.down();
    await v.page.mouse.move(box.x + box.width / 2 + 260, box.y + box.height / 2 + 30, { steps: 12 });
    await v.page.mouse.up();
    await seekAndSettle(v.page, 1);
    const orbited = await screenshotOf(canvas, { path: 'test-artifacts/anatomy-orbited.png' });
    expect(await screenshotDifference(v.page, guided, orbited)).toBeGreaterThan(0.05);
    const follow = v.page.locator('spine-procedure-viewer .spv-follow');
    await follow.click();
    await seekAndSettle(v.page, 1);
    expect(await follow.count()).toBe(0);
    const back = await screenshotOf(canvas);
    expect(await screenshotDifference(v.page, guided, back)).toBeLessThan(0.01);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('lateral view and cutaway of the treated level; the cutaway can be switched off', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?step=cement-hardening');
    const canvas = v.page.locator('spine-procedure-viewer canvas');
    await seekAndSettle(v.page, (await v.state()).time + 4);
    await screenshotOf(canvas, { path: 'test-artifacts/anatomy-lateral.png' });
    await seekAndSettle(v.page, 62);
    const cut = await screenshotOf(canvas, { path: 'test-artifacts/anatomy-cutaway.png' });
    await v.page
      .locator('spine-procedure-viewer .spv-switch', { hasText: 'Cutaway' })
      .locator('input')
      .uncheck();
    await seekAndSettle(v.page, 62);
    const ghost = await screenshotOf(canvas, { path: 'test-artifacts/anatomy-cutaway-off.png' });
    expect(await screenshotDifference(v.page, cut, ghost)).toBeGreaterThan(0.01);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('the section across the spine at access shows the sac and cord in the canal, and which way is which', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?level=T8&step=access');
    const canvas = v.page.locator('spine-procedure-viewer canvas');
    const step = (id: string) =>
      v.page.evaluate(
        (wanted) =>
          document
            .querySelector('spine-procedure-viewer')!
            .steps.find((s: { id: string }) => s.id === wanted)!,
        id,
      );
    const access = await step('access');
    const at = access.start + 0.7 * (access.end - access.start);
    // Which section tags show (drei's Html draws them over the canvas; the declutter hides what does not fit).
    const tagsShown = () =>
      v.page.$$eval('spine-procedure-viewer .spv-section-tag', (tags) =>
        tags
          .filter(
            (t) => getComputedStyle(t).display !== 'none' && getComputedStyle(t).visibility !== 'hidden',
          )
          .map((t) => t.textContent),
      );
    // Above the X-ray inset, where the section lies.
    const above = { x0: 0, y0: 0, x1: 1, y1: 0.55 };
    await seekAndSettle(v.page, at);
    const cut = await screenshotOf(canvas, { path: 'test-artifacts/anatomy-T8-access-section.png' });
    const open = await nerveYellowShares(v.page, cut, above);
    expect((await tagsShown()).sort()).toEqual(['Back', 'Belly', 'Left', 'Right', 'Seen from the feet']);
    // Uncut, nothing shows the canal's content, and the tags have no section to orient.
    await v.page
      .locator('spine-procedure-viewer .spv-switch', { hasText: 'Cutaway' })
      .locator('input')
      .uncheck();
    await seekAndSettle(v.page, at);
    const closed = await nerveYellowShares(v.page, await screenshotOf(canvas), above);
    expect(await tagsShown()).toEqual([]);
    expect(open.sac, `sac yellow, open ${open.sac} vs closed ${closed.sac}`).toBeGreaterThan(
      closed.sac + 0.002,
    );
    expect(open.cord, `cord yellow, open ${open.cord} vs closed ${closed.cord}`).toBeGreaterThan(
      closed.cord + 0.001,
    );
    // The cord sits inside the sac: less of it than of the sac around it.
    expect(open.cord - closed.cord).toBeLessThan(open.sac - closed.sac);
    // Cut along the needle (the drilling), the tags go.
    await v.page
      .locator('spine-procedure-viewer .spv-switch', { hasText: 'Cutaway' })
      .locator('input')
      .check();
    const drilling = await step('drilling');
    await seekAndSettle(v.page, (drilling.start + drilling.end) / 2);
    expect(await tagsShown()).toEqual([]);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  for (const [level, grade, morphology] of [
    ['T8', 3, 'crush'],
    ['L4', 1, 'biconcave'],
  ] as const) {
    it(`${level} grade ${grade} ${morphology}: renders the chosen level`, async () => {
      const v = await openViewer(
        suite.browser,
        suite.origin,
        `?level=${level}&grade=${grade}&morphology=${morphology}&step=balloon-inflation`,
      );
      await seekAndSettle(v.page, (await v.state()).time + 9);
      const shot = await screenshotOf(v.page.locator('spine-procedure-viewer canvas'), {
        path: `test-artifacts/anatomy-${level}-${morphology}.png`,
      });
      expect(await pngVariety(v.page, shot)).toBeGreaterThan(0.1);
      const state = await v.state();
      expect(state.level).toBe(level);
      expect(v.errors).toEqual([]);
      await v.close();
    });
  }
});

interface DecodeMeasure {
  duration: number;
  detail: { decoder: 'wasm' | 'js'; thread: 'worker' | 'main'; decodeMs: number };
}

/** The model's decodes, as the viewer records them (performance measures named spine-model-decode). */
const decodeMeasures = (page: Page): Promise<DecodeMeasure[]> =>
  page.evaluate(() =>
    performance
      .getEntriesByName('spine-model-decode')
      .map((e) => ({ duration: e.duration, detail: (e as PerformanceMeasure).detail as never })),
  );

/** Records CSP violations in the page (an init script, outside the page's policy). */
const recordViolations = async (context: BrowserContext): Promise<void> => {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
};

const summary = (label: string, measures: DecodeMeasure[]): string =>
  `${label}: ${measures.length} views, decoding ${measures
    .reduce((n, m) => n + m.detail.decodeMs, 0)
    .toFixed(1)} ms (${measures[0]?.detail.decoder} in the ${measures[0]?.detail.thread} thread), ` +
  `longest round trip ${Math.max(...measures.map((m) => m.duration)).toFixed(1)} ms`;

describe('the compressed model (EXT_meshopt_compression)', () => {
  it('is decoded in a worker with WebAssembly where nothing refuses it', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?level=L1', undefined, {
      init: recordViolations,
    });
    const measures = await decodeMeasures(v.page);
    console.log(summary('no CSP', measures));
    expect(measures).toHaveLength(4); // positions, normals, occlusion colours, indices
    for (const m of measures) expect(m.detail).toMatchObject({ decoder: 'wasm', thread: 'worker' });
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('under the strict CSP on every response, falls back to pure JavaScript with no violation', async () => {
    strictCspEverywhere = true;
    try {
      const v = await openViewer(suite.browser, suite.origin, '?level=L1', undefined, {
        init: recordViolations,
      });
      const measures = await decodeMeasures(v.page);
      console.log(summary('strict CSP', measures));
      expect(measures).toHaveLength(4);
      for (const m of measures) expect(m.detail).toMatchObject({ decoder: 'js', thread: 'worker' });
      expect(await v.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
      const shot = await screenshotOf(v.page.locator('spine-procedure-viewer canvas'));
      // Decoded in a blank page: the strict policy (rightly) refuses the data: URL the helper uses.
      const blank = await suite.browser.newPage();
      expect(await pngVariety(blank, shot)).toBeGreaterThan(0.1);
      await blank.close();
      expect(v.errors).toEqual([]);
      await v.close();
    } finally {
      strictCspEverywhere = false;
    }
  });

  it('decodes on the main thread when the worker cannot load', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?level=L1', undefined, {
      init: (context) => context.route(/meshoptDecode\.worker.*\.js$/, (route) => route.abort()),
    });
    const measures = await decodeMeasures(v.page);
    console.log(summary('no worker', measures));
    expect(measures).toHaveLength(4);
    for (const m of measures) expect(m.detail).toMatchObject({ decoder: 'js', thread: 'main' });
    expect(v.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    await v.close();
  });
});
