import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, disableWebGL, waitForViewerReady } from './support/browser';
import { createHostSite, page as html, type HostSite } from './support/hostSite';
import { cutOff, essentialsOutOfView, measurePanels, overlaps, squeezed, stageShare } from './support/layout';
import { browserSuite } from './support/suite';
import { ARTIFACTS, seekAndSettle } from './support/viewerPage';
import { screenshotOf } from './support/screenshotOf';

/*
 * Panels must not cover what matters: from 320×256 to 1920×1080, at 200 % and 400 % zoom and in a small embed,
 * every visible panel and control of the viewer (top bar items, caption, control bar, view toggles, the More
 * menu, notices, readouts, cure indicator, fluoro panels with their title and X-ray badge, the transcript) is
 * measured in the shadow root; no two may overlap and none may be cut off. The caption's title and the play
 * controls are in view without scrolling, and a phone held upright gives the 3D view the larger share.
 */
let site: HostSite;
beforeAll(() => {
  site = createHostSite();
  mkdirSync(ARTIFACTS, { recursive: true });
});
const suite = browserSuite({ root: () => site.root });
afterAll(() => site?.remove());

interface Scenario {
  name: string;
  /** Seek to this share of the current step, or of the named step (the X-ray is on during its shots). */
  seek?: { progress: number; step?: string };
  /** Options set on the open viewer as attributes (live settings: view, panel, lang). */
  set?: Record<string, string>;
  /** An X-ray panel with its title and the "X-ray on" badge must show (and the clinician's readouts). */
  xray?: boolean;
  /** Also at the small and zoomed sizes (chosen scenarios only: each costs frames of software GL). */
  allSizes?: boolean;
  /** Open the More menu first (where the viewer folds its secondary controls); closed again after. */
  openMore?: boolean;
}

/**
 * One page per audience and size, its scenarios reached in turn as a user would (a menu opened, a step sought, a
 * setting changed): software GL spends its time on pixels, and a page load draws about ten frames.
 */
interface ViewerSetup {
  name: string;
  /** Options, as a query string for the page and as attributes for the embed. */
  options: Record<string, string>;
  webgl: boolean;
  scenarios: Scenario[];
}

const SETUPS: ViewerSetup[] = [
  {
    name: 'patient',
    options: {},
    webgl: true,
    scenarios: [
      { name: 'default', allSizes: true },
      { name: 'more-menu', allSizes: true, openMore: true },
      { name: 'hardening', seek: { step: 'cement-hardening', progress: 0.5 } },
    ],
  },
  {
    name: 'clinician',
    options: { audience: 'clinician', step: 'access' },
    webgl: true,
    scenarios: [
      { name: 'clinician-xray', seek: { progress: 0.4 }, xray: true, allSizes: true },
      { name: 'split', set: { view: 'split' }, xray: true },
      // A patient information panel open beside (or under) the stage, the readouts and the X-ray; in Spanish:
      // longer labels in the top bar and the controls.
      { name: 'patient-panel', set: { view: '3d', panel: 'risks', lang: 'es' }, xray: true },
    ],
  },
  // At the step with the cure indicator, and a bad value, so the notices show beside the transcript.
  {
    name: 'no-webgl',
    options: { procedure: 'vertebroplasty', audience: 'clinician', step: 'cement-hardening', grade: '7' },
    webgl: false,
    scenarios: [{ name: 'no-webgl', allSizes: true }],
  },
];

interface Size {
  name: string;
  width: number;
  height: number;
  /** A <spine-procedure-viewer> element of this size in a larger page, instead of the standalone page. */
  embed?: boolean;
  /** Browser zoom: the page gets width/zoom × height/zoom CSS pixels at zoom× device pixels. */
  zoom?: number;
  /** Only in scenarios that ask for all sizes. */
  extra?: boolean;
}

const SIZES: Size[] = [
  { name: 'phone', width: 375, height: 667 },
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'desktop', width: 1920, height: 1080 },
  { name: 'embed-360x400', width: 360, height: 400, embed: true },
  { name: 'tiny-320x256', width: 320, height: 256, extra: true },
  { name: 'landscape-phone-200%', width: 1334, height: 750, zoom: 2, extra: true },
  { name: 'laptop-1280x720-200%', width: 1280, height: 720, zoom: 2, extra: true },
  // A small laptop: the clinician's top bar beside a narrower stage.
  { name: 'laptop-1100x760', width: 1100, height: 760, extra: true },
  { name: 'laptop-1280x1024-400%', width: 1280, height: 1024, zoom: 4, extra: true },
];

async function open(
  context: BrowserContext,
  setup: ViewerSetup,
  size: Size,
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectErrors(page);
  if (size.embed) {
    const attributes = Object.entries(setup.options)
      .map(([k, v]) => ` ${k}="${v}"`)
      .join('');
    const name = `embed-${setup.name}.html`;
    site.write(
      name,
      html(
        `<p>Text before the viewer.</p><spine-procedure-viewer${attributes} style="display:block;width:${size.width}px;height:${size.height}px"></spine-procedure-viewer>`,
        '<script type="module" src="/viewer/spine-procedure-viewer.js"></script>',
      ),
    );
    await page.goto(`${suite.origin}/${name}`);
  } else {
    await page.goto(`${suite.origin}/viewer/index.html?${new URLSearchParams(setup.options).toString()}`);
  }
  await waitForViewerReady(page);
  return { page, errors };
}

/** Bring the open viewer to the scenario's state: seek, set options (waiting for a new language's words). */
async function enter(page: Page, scenario: Scenario): Promise<void> {
  if (scenario.seek) {
    const t = await page.evaluate(({ progress, step: id }) => {
      const el = document.querySelector('spine-procedure-viewer') as HTMLElement & {
        currentTime: number;
        steps: { id: string; start: number; end: number }[];
      };
      const step = el.steps.find((s) =>
        id ? s.id === id : s.start <= el.currentTime && el.currentTime < s.end,
      )!;
      return step.start + (step.end - step.start) * progress;
    }, scenario.seek);
    await seekAndSettle(page, t);
  }
  if (scenario.set) {
    const caption = page.locator('spine-procedure-viewer .spv-caption-title');
    const before = await caption.textContent();
    await page.evaluate((options) => {
      const el = document.querySelector('spine-procedure-viewer')!;
      for (const [name, value] of Object.entries(options)) el.setAttribute(name, value);
    }, scenario.set);
    if (scenario.set.lang)
      await expect.poll(() => caption.textContent(), { timeout: 20_000 }).not.toBe(before);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
}

/** The scenario's layout problems on the open page (and its expectations, checked at once). */
async function problemsOf(page: Page, setup: ViewerSetup, scenario: Scenario, size: Size): Promise<string[]> {
  const problems: string[] = [];
  const zoom = size.zoom ?? 1;
  const where = `${scenario.name} @ ${size.name}`;
  const more = page.locator('spine-procedure-viewer .spv-more-toggle');
  // Only small viewers fold controls into the menu; larger ones show them all.
  const moreOpened = Boolean(scenario.openMore) && (await more.isVisible());
  if (moreOpened) {
    await more.click();
    await page.locator('spine-procedure-viewer .spv-more').waitFor();
  } else if (scenario.openMore)
    expect(size.width / zoom, `${where}: a small viewer has a More menu`).toBeGreaterThanOrEqual(640);
  const boxes = await measurePanels(page);
  if (process.env.DEBUG_LAYOUT) console.log(where, JSON.stringify(boxes));
  // (An open More menu in a viewer under 300 px high may scroll the caption away: the reader chose the menu.)
  const menuOnTiny = scenario.openMore && size.height / zoom < 300;
  if (!size.embed && !menuOnTiny)
    problems.push(...(await essentialsOutOfView(page)).map((p) => `${where}: ${p}`));
  if (size.name === 'phone' && scenario.name === 'default')
    expect(await stageShare(page), `${where}: the 3D view's share`).toBeGreaterThan(0.5);
  problems.push(...overlaps(boxes).map((p) => `${where}: overlap ${p}`));
  problems.push(...cutOff(boxes).map((p) => `${where}: cut off ${p}`));
  problems.push(...squeezed(boxes).map((p) => `${where}: squeezed ${p}`));
  // A stage too small for a readable inset shows the 3D view alone (fluoroLayout's MIN_INSET_PX).
  const insetFits = await page.evaluate(() => {
    const stage = document
      .querySelector('spine-procedure-viewer')!
      .shadowRoot!.querySelector('.spv-stage')!
      .getBoundingClientRect();
    return Math.min(stage.width * 0.34, stage.height * 0.5) >= 96;
  });
  if (scenario.xray && (insetFits || scenario.set?.view === 'split')) {
    const names = boxes.map((b) => b.name.replace(/ \d$/, ''));
    expect(names, `${where}: X-ray panel with title and badge`).toEqual(
      expect.arrayContaining(['fluoro panel', 'fluoro title', 'x-ray badge', 'readouts']),
    );
  }
  if (!setup.webgl) {
    // Without 3D: the transcript and the notices, and none of the overlays that belong over the 3D view.
    const names = boxes.map((b) => b.name);
    // (At the smallest sizes and zooms the caption and the controls come first: the notices and the
    // transcript are then in the stage's own scroll, under the top bar.)
    if (!size.extra) expect(names).toEqual(expect.arrayContaining(['transcript', 'notices']));
    else
      expect(
        await page.evaluate(
          () =>
            document.querySelector('spine-procedure-viewer')!.shadowRoot!.querySelector('.spv-fallback')!
              .scrollHeight > 0,
        ),
        `${where}: the transcript can be scrolled to`,
      ).toBe(true);
    expect(
      names.filter((n) => /cure|follow|fluoro|x-ray/.test(n)),
      `${where}: 3D-only overlays`,
    ).toEqual([]);
  }
  // One picture per scenario and base size to look at (a More menu that is not there adds none).
  if (!size.extra && (moreOpened || !scenario.openMore))
    await screenshotOf(page.locator('spine-procedure-viewer'), {
      path: `${ARTIFACTS}/layout-${scenario.name}-${size.name}.png`,
    });
  if (moreOpened) {
    await more.click();
    await page.locator('spine-procedure-viewer .spv-more').waitFor({ state: 'hidden' });
  }
  return problems;
}

// One test per size, each with its own time: a slow software GPU at one size cannot use up the others'.
describe('layout: panels never overlap or get cut off', () => {
  for (const size of SIZES)
    it(`at ${size.name}: ${SETUPS.flatMap((s) => s.scenarios)
      .filter((s) => s.allSizes || !size.extra)
      .map((s) => s.name)
      .join(', ')}`, async () => {
      const problems: string[] = [];
      const zoom = size.zoom ?? 1;
      const viewport = size.embed
        ? { width: 800, height: 600 }
        : { width: Math.round(size.width / zoom), height: Math.round(size.height / zoom) };
      for (const setup of SETUPS) {
        const scenarios = setup.scenarios.filter((s) => s.allSizes || !size.extra);
        if (scenarios.length === 0) continue;
        const context = await suite.browser.newContext({ viewport, deviceScaleFactor: zoom });
        if (!setup.webgl) await disableWebGL(context);
        const { page, errors } = await open(context, setup, size);
        for (const scenario of scenarios) {
          await enter(page, scenario);
          problems.push(...(await problemsOf(page, setup, scenario, size)));
        }
        expect(errors, `${setup.name} @ ${size.name}`).toEqual([]);
        await context.close();
      }
      expect(problems).toEqual([]);
    }, 400_000);
});

describe('the control row on a phone', () => {
  it('keeps play, the time, the narration, steps and More on one line, in English and in Spanish', async () => {
    for (const lang of ['en', 'es']) {
      const context = await suite.browser.newContext({ viewport: { width: 375, height: 667 } });
      const page = await context.newPage();
      // Several levels: the longest time text ("0:00 de 3:08").
      await page.goto(`${suite.origin}/viewer/index.html?lang=${lang}&levels=T12,L1`);
      await waitForViewerReady(page);
      const rows = await page.evaluate(() => {
        const row = document
          .querySelector('spine-procedure-viewer')!
          .shadowRoot!.querySelector('.spv-controls-row')!;
        const tops = Array.from(row.children)
          .map((el) => el.getBoundingClientRect())
          .filter((box) => box.width > 0)
          .map((box) => Math.round(box.top + box.height / 2));
        return new Set(tops).size;
      });
      expect(rows, `${lang}: lines in the control row`).toBe(1);
      await context.close();
    }
  });
});
