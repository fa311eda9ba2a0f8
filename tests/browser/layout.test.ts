import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, disableWebGL, waitForViewerReady } from './support/browser';
import { createHostSite, page as html, type HostSite } from './support/hostSite';
import { cutOff, measurePanels, overlaps, squeezed } from './support/layout';
import { browserSuite } from './support/suite';
import { ARTIFACTS, seekAndSettle } from './support/viewerPage';

/*
 * Panels must not cover what matters: at phone, laptop and desktop sizes and in a small embed, every visible
 * panel and control of the viewer (top bar items, caption, control bar, view toggles, notices, readouts, cure
 * indicator, fluoro panels with their title and X-ray badge, the transcript) is measured in the shadow root;
 * no two may overlap and none may be cut off.
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
}

const SCENARIOS: Scenario[] = [
  { name: 'default', options: {}, webgl: true },
  { name: 'hardening', options: { step: 'cement-hardening' }, webgl: true, progress: 0.5 },
  {
    name: 'clinician-xray',
    options: { audience: 'clinician', step: 'access' },
    webgl: true,
    progress: 0.4,
    xray: true,
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
    options: { audience: 'clinician', step: 'access', panel: 'risks' },
    webgl: true,
    progress: 0.4,
    xray: true,
  },
  // At the step with the cure indicator, and a bad value, so the notices show beside the transcript.
  {
    name: 'no-webgl',
    options: { procedure: 'vertebroplasty', audience: 'clinician', step: 'cement-hardening', grade: '7' },
    webgl: false,
  },
];

interface Size {
  name: string;
  width: number;
  height: number;
  /** A <spine-procedure-viewer> element of this size in a larger page, instead of the standalone page. */
  embed?: boolean;
}

const SIZES: Size[] = [
  { name: 'phone', width: 375, height: 667 },
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'desktop', width: 1920, height: 1080 },
  { name: 'embed-360x400', width: 360, height: 400, embed: true },
];

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

describe('layout: panels never overlap or get cut off', () => {
  for (const scenario of SCENARIOS)
    it(`${scenario.name} at ${SIZES.map((s) => s.name).join(', ')}`, async () => {
      const problems: string[] = [];
      for (const size of SIZES) {
        const viewport = size.embed ? { width: 800, height: 600 } : size;
        const context = await suite.browser.newContext({ viewport });
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
        const boxes = await measurePanels(page);
        const where = `${scenario.name} @ ${size.name}`;
        problems.push(...overlaps(boxes).map((p) => `${where}: overlap ${p}`));
        problems.push(...cutOff(boxes).map((p) => `${where}: cut off ${p}`));
        problems.push(...squeezed(boxes).map((p) => `${where}: squeezed ${p}`));
        if (scenario.xray) {
          const names = boxes.map((b) => b.name.replace(/ \d$/, ''));
          expect(names, `${where}: X-ray panel with title and badge`).toEqual(
            expect.arrayContaining(['fluoro panel', 'fluoro title', 'x-ray badge', 'readouts']),
          );
        }
        if (!scenario.webgl) {
          // Without 3D: the transcript and the notices, and none of the overlays that belong over the 3D view.
          const names = boxes.map((b) => b.name);
          expect(names).toEqual(expect.arrayContaining(['transcript', 'notices']));
          expect(
            names.filter((n) => /cure|follow|fluoro|x-ray/.test(n)),
            `${where}: 3D-only overlays`,
          ).toEqual([]);
        }
        await page
          .locator('spine-procedure-viewer')
          .screenshot({ path: `${ARTIFACTS}/layout-${scenario.name}-${size.name}.png` });
        expect(errors, where).toEqual([]);
        await context.close();
      }
      expect(problems).toEqual([]);
    }, 240_000);
});
