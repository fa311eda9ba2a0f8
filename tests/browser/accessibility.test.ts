import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/messages/en.json';
import { collectErrors, disableWebGL, waitForViewerReady } from './support/browser';
import { axeViolations } from './support/axe';
import { measureContrast, type ContrastProbe } from './support/contrast';
import { browserSuite } from './support/suite';
import { openViewer, seekAndSettle } from './support/viewerPage';

const suite = browserSuite();
const EN: Record<string, string> = en;
const V = 'spine-procedure-viewer';

/** Zero axe violations (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA), in the page and the viewer's open shadow root. */
async function expectNoViolations(page: Page, where: string): Promise<void> {
  const found = await axeViolations(page);
  expect(found, `${where}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

/** Text of an element inside the viewer's shadow root. */
const shadowText = (page: Page, selector: string) =>
  page.evaluate(
    ([host, sel]) => document.querySelector(host!)!.shadowRoot!.querySelector(sel!)?.textContent ?? null,
    [V, selector],
  );

describe('accessibility: axe-core finds no WCAG 2.2 AA violation', () => {
  it('standalone page at t=0: the 3D region is named and described, the step is announced', async () => {
    const v = await openViewer(suite.browser, suite.origin, '');
    await expectNoViolations(v.page, 'standalone t=0');
    const region = v.page.locator(`${V} .spv-scene`);
    expect(await region.getAttribute('aria-label')).toBe(EN['a11y.scene.name']);
    const description = await shadowText(v.page, '#spv-scene-description');
    expect(description).toContain(EN['step.overview.title']);
    expect(description).toContain('Step 1 of');
    // The live region says the title and the caption, not the title alone.
    const live = await v.page.locator(`${V} .spv-sr-only[role="status"]`).textContent();
    expect(live).toContain(EN['step.overview.title']);
    expect(live!.length).toBeGreaterThan(EN['step.overview.title']!.length + 20);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('a fluoroscopy step: the X-ray inset is announced with its view and what it shows', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?step=access');
    await seekAndSettle(v.page, (await v.state()).time + 3);
    expect((await v.state()).step).toBe('access');
    const inset = v.page.locator(`${V} .spv-fluoro-panel:not([hidden])`).first();
    expect(await inset.getAttribute('role')).toBe('img');
    const name = (await inset.getAttribute('aria-label')) ?? '';
    expect(name).toMatch(new RegExp(`${EN['fluoro.ap']}|${EN['fluoro.lateral']}`));
    expect(name).toContain(EN['fluoro.title']);
    expect(await shadowText(v.page, '#spv-scene-description')).toContain(EN['step.access.title']);
    await expectNoViolations(v.page, 'fluoro step');
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('with the step list open', async () => {
    const v = await openViewer(suite.browser, suite.origin, '');
    await v.page.locator(`${V} .spv-steps-toggle`).click();
    await v.page.locator(`${V} .spv-steps`).waitFor();
    await v.screenshot('a11y-step-list-open');
    await expectNoViolations(v.page, 'step list open');
    await v.close();
  });

  it('clinician audience with its settings panel open (leva, themed)', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?audience=clinician');
    await v.page.locator(`${V} button`, { hasText: EN['controls.settings'] }).click();
    await v.page.waitForSelector('.spv-clinician-panel select');
    await v.page.waitForTimeout(200);
    await v.screenshot('a11y-clinician-settings-open');
    await expectNoViolations(v.page, 'clinician settings open');
    // Its targets are at least 24 px (WCAG 2.5.8), checkboxes included.
    const sizes = await v.page.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLElement>(
          '.spv-clinician-panel select, .spv-clinician-panel input + label',
        ),
      ).map((el) => {
        const box = (el.tagName === 'SELECT' ? el.parentElement! : el).getBoundingClientRect();
        return Math.min(box.width, box.height);
      }),
    );
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    await v.close();
  });

  it('a patient information panel open (?panel=risks)', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?panel=risks');
    await expectNoViolations(v.page, 'panel=risks');
    await v.close();
  });

  it('embed.html', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 900, height: 560 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${suite.origin}/embed.html`);
    await waitForViewerReady(page);
    await expectNoViolations(page, 'embed.html');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the no-WebGL transcript: its scrolling box is focusable and named', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 760 } });
    await disableWebGL(context);
    const page = await context.newPage();
    await page.goto(`${suite.origin}/index.html`);
    await waitForViewerReady(page);
    const box = page.locator(`${V} .spv-fallback`);
    expect(await box.getAttribute('tabindex')).toBe('0');
    expect(await box.getAttribute('aria-label')).toBe(EN['controls.transcript']);
    // No 3D view: no buttons to move it.
    expect(await page.locator(`${V} .spv-camera-buttons`).count()).toBe(0);
    await expectNoViolations(page, 'no-WebGL transcript');
    await context.close();
  });
});

/** The shapes that identify controls, against what is behind them (WCAG 1.4.11: at least 3:1). */
const BAR = { selector: `${V} >>> .spv-controls`, prop: 'backgroundColor' } as const;
const TRACK = { selector: `${V} >>> .spv-scrubber-track`, prop: 'backgroundColor' } as const;
const VIEWER_PROBES: ContrastProbe[] = [
  {
    name: 'scrubber track on the bar',
    selector: `${V} >>> .spv-scrubber-track`,
    fore: 'backgroundColor',
    against: BAR,
  },
  // The played part against the bar (the thumb, not the fill's edge on the track, marks the position).
  {
    name: 'scrubber fill on the bar',
    selector: `${V} >>> .spv-scrubber-fill`,
    fore: 'backgroundColor',
    against: BAR,
  },
  // The thumb is larger than the track: its ring shows against the bar, its white face against the track.
  {
    name: 'thumb ring on the bar',
    selector: `${V} >>> .spv-scrubber-thumb`,
    fore: 'borderTopColor',
    against: BAR,
  },
  {
    name: 'thumb face on the track',
    selector: `${V} >>> .spv-scrubber-thumb`,
    fore: 'backgroundColor',
    against: TRACK,
  },
  // Chapter marks stand out above and below the track, and cross it.
  {
    name: 'chapter mark on the bar',
    selector: `${V} >>> .spv-chapter-mark`,
    fore: 'backgroundColor',
    against: BAR,
  },
  {
    name: 'chapter mark on the track',
    selector: `${V} >>> .spv-chapter-mark`,
    fore: 'backgroundColor',
    against: TRACK,
  },
  {
    name: 'button border',
    selector: `${V} >>> .spv-steps-toggle`,
    fore: 'borderTopColor',
    against: 'parent',
  },
  { name: 'select border', selector: `${V} >>> .spv-rate select`, fore: 'borderTopColor', against: 'parent' },
  {
    name: 'patient tab border',
    selector: `${V} >>> .spv-patient-tab`,
    fore: 'borderTopColor',
    against: 'parent',
  },
  {
    name: 'camera button border',
    selector: `${V} >>> .spv-camera-button`,
    fore: 'borderTopColor',
    against: 'parent',
  },
];

describe('accessibility: non-text contrast of controls is at least 3:1', () => {
  it('scrubber track, fill, thumb, chapter marks, button and select borders; leva fields and checkboxes', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?audience=clinician');
    const viewer = await measureContrast(v.page, VIEWER_PROBES);
    await v.page.locator(`${V} button`, { hasText: EN['controls.settings'] }).click();
    await v.page.waitForSelector('.spv-clinician-panel select');
    const panelBody = '.spv-clinician-panel select';
    const leva = await measureContrast(v.page, [
      {
        name: 'leva field',
        selector: `${panelBody} + div`,
        fore: 'backgroundColor',
        against: 'parent',
      },
      {
        name: 'leva checkbox',
        selector: '.spv-clinician-panel input[type="checkbox"] + label',
        fore: 'backgroundColor',
        against: 'parent',
      },
    ]);
    const all = [...viewer, ...leva];
    expect(all.length).toBe(VIEWER_PROBES.length + 2);
    for (const pair of all) expect(pair.ratio, JSON.stringify(pair)).toBeGreaterThanOrEqual(3);
    await v.close();
  });
});
