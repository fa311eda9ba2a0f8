import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, disableWebGL, waitForViewerReady } from './support/browser';
import { createHostSite, page as html, type HostSite } from './support/hostSite';
import { cutOff, essentialsOutOfView, measurePanels, overlaps, squeezed, stageShare } from './support/layout';
import { browserSuite } from './support/suite';
import { ARTIFACTS, seekAndSettle } from './support/viewerPage';

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
  /** Options, as a query string for the page and as attributes for the embed. */
  options: Record<string, string>;
  webgl: boolean;
  /** Seek to this share of the current step (the X-ray is on during its shots). */
  progress?: number;
  /** An X-ray panel with its title and the "X-ray on" badge must show (and the clinician's readouts). */
  xray?: boolean;
  /** Also at the small and zoomed sizes (each page load costs seconds in software GL: chosen scenarios only). */
  allSizes?: boolean;
  /** Open the More menu first (where the viewer folds its secondary controls). */
  openMore?: boolean;
}

const SCENARIOS: Scenario[] = [
  { name: 'default', options: {}, webgl: true, allSizes: true },
  { name: 'more-menu', options: {}, webgl: true, allSizes: true, openMore: true },
  { name: 'hardening', options: { step: 'cement-hardening' }, webgl: true, progress: 0.5 },
  {
    name: 'clinician-xray',
    options: { audience: 'clinician', step: 'access' },
    webgl: true,
    progress: 0.4,
    xray: true,
    allSizes: true,
  },
  {
    name: 'split',
    options: { audience: 'clinician', view: 'split', step: 'access' },
    webgl: true,
    progress: 0.4,
    xray: true,
  },
  // A patient information panel open beside (or under) the stage, the readouts and the X-ray.
  {
    name: 'patient-panel',
    // In Spanish: longer labels in the top bar and the controls.
    options: { audience: 'clinician', step: 'access', panel: 'risks', lang: 'es' },
    webgl: true,
    progress: 0.4,
    xray: true,
  },
  // At the step with the cure indicator, and a bad value, so the notices show beside the transcript.
  {
    name: 'no-webgl',
    options: { procedure: 'vertebroplasty', audience: 'clinician', step: 'cement-hardening', grade: '7' },
    webgl: false,
    allSizes: true,
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

const sizesOf = (scenario: Scenario) => SIZES.filter((s) => scenario.allSizes || !s.extra);

async function open(
  context: BrowserContext,
  scenario: Scenario,
  size: Size,
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectErrors(page);
  if (size.embed) {
    const attributes = Object.entries(scenario.options)
      .map(([k, v]) => ` ${k}="${v}"`)
      .join('');
    const name = `embed-${scenario.name}.html`;
    site.write(
      name,
      html(
        `<p>Text before the viewer.</p><spine-procedure-viewer${attributes} style="display:block;width:${size.width}px;height:${size.height}px"></spine-procedure-viewer>`,
        '<script type="module" src="/viewer/spine-procedure-viewer.js"></script>',
      ),
    );
    await page.goto(`${suite.origin}/${name}`);
  } else {
    await page.goto(`${suite.origin}/viewer/index.html?${new URLSearchParams(scenario.options).toString()}`);
  }
  await waitForViewerReady(page);
  return { page, errors };
}

// One test per scenario and size, each with its own time: a slow software GPU at one size cannot use up the others'.
describe('layout: panels never overlap or get cut off', () => {
  for (const scenario of SCENARIOS)
    for (const size of sizesOf(scenario))
      it(`${scenario.name} at ${size.name}`, async () => {
        const problems: string[] = [];
        const zoom = size.zoom ?? 1;
        const viewport = size.embed
          ? { width: 800, height: 600 }
          : { width: Math.round(size.width / zoom), height: Math.round(size.height / zoom) };
        const context = await suite.browser.newContext({ viewport, deviceScaleFactor: zoom });
        if (!scenario.webgl) await disableWebGL(context);
        const { page, errors } = await open(context, scenario, size);
        if (scenario.progress !== undefined) {
          const t = await page.evaluate((p) => {
            const el = document.querySelector('spine-procedure-viewer') as HTMLElement & {
              currentTime: number;
              steps: { start: number; end: number }[];
            };
            const step = el.steps.find((s) => s.start <= el.currentTime && el.currentTime < s.end)!;
            return step.start + (step.end - step.start) * p;
          }, scenario.progress);
          await seekAndSettle(page, t);
        }
        const where = `${scenario.name} @ ${size.name}`;
        if (scenario.openMore) {
          const more = page.locator('spine-procedure-viewer .spv-more-toggle');
          // Only small viewers fold controls into the menu; larger ones show them all.
          if (await more.isVisible()) {
            await more.click();
            await page.locator('spine-procedure-viewer .spv-more').waitFor();
          } else
            expect(size.width / zoom, `${where}: a small viewer has a More menu`).toBeGreaterThanOrEqual(640);
        }
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
        if (scenario.xray && (insetFits || scenario.options.view === 'split')) {
          const names = boxes.map((b) => b.name.replace(/ \d$/, ''));
          expect(names, `${where}: X-ray panel with title and badge`).toEqual(
            expect.arrayContaining(['fluoro panel', 'fluoro title', 'x-ray badge', 'readouts']),
          );
        }
        if (!scenario.webgl) {
          // Without 3D: the transcript and the notices, and none of the overlays that belong over the 3D view.
          const names = boxes.map((b) => b.name);
          // (At the smallest sizes and zooms the caption and the controls come first: the notices and the
          // transcript are then in the stage's own scroll, under the top bar.)
          if (!size.extra) expect(names).toEqual(expect.arrayContaining(['transcript', 'notices']));
          else
            expect(
              await page.evaluate(
                () =>
                  document
                    .querySelector('spine-procedure-viewer')!
                    .shadowRoot!.querySelector('.spv-fallback')!.scrollHeight > 0,
              ),
              `${where}: the transcript can be scrolled to`,
            ).toBe(true);
          expect(
            names.filter((n) => /cure|follow|fluoro|x-ray/.test(n)),
            `${where}: 3D-only overlays`,
          ).toEqual([]);
        }
        // One picture per scenario and base size to look at (software GL makes each one slow).
        if (!size.extra)
          await page
            .locator('spine-procedure-viewer')
            .screenshot({ path: `${ARTIFACTS}/layout-${scenario.name}-${size.name}.png`, timeout: 90_000 });
        expect(errors, where).toEqual([]);
        await context.close();
        expect(problems).toEqual([]);
      }, 240_000);
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
