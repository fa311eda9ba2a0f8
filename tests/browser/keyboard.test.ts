import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/messages/en.json';
import { browserSuite } from './support/suite';
import { openViewer, viewerControl } from './support/viewerPage';

const suite = browserSuite();
const EN: Record<string, string> = en;
const V = 'spine-procedure-viewer';

/** What has keyboard focus, through the viewer's shadow root: its class, name and whether it is in leva's panel. */
interface Focused {
  tag: string;
  className: string;
  name: string;
  inSettings: boolean;
}

const focused = (page: Page): Promise<Focused | null> =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return null;
    const el = active as HTMLElement;
    // A field is named by its <label>'s words (a select's, not its options' text).
    const label = el.closest('label');
    const labelled = label ? (label.querySelector('span') ?? label).textContent?.trim() : null;
    const name = el.getAttribute('aria-label') ?? labelled ?? (el.textContent ?? '').trim().slice(0, 60);
    return {
      tag: el.tagName,
      className: typeof el.className === 'string' ? el.className : '',
      name,
      inSettings: el.closest('.spv-clinician-panel') !== null,
    };
  });

/** The camera's orbit as last drawn (the controller's read-only pose, written in place by the camera rig). */
const pose = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('spine-procedure-viewer') as unknown as {
      controller: { renderer: { camera: { pose: { azimuth: number; polar: number; distance: number } } } };
    };
    return { ...el.controller.renderer.camera.pose };
  });

const settle = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Press Tab until focus comes round again; the stops in order. */
async function tabStops(page: Page, max = 60): Promise<Focused[]> {
  const stops: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (!now) break;
    if (stops.some((s) => s.className === now.className && s.name === now.name)) break;
    stops.push(now);
  }
  return stops;
}

describe('keyboard only', () => {
  it('Tab reaches every control, the 3D view and the camera buttons', async () => {
    const v = await openViewer(suite.browser, suite.origin, '');
    const stops = await tabStops(v.page);
    const names = stops.map((s) => s.name);
    for (const name of [
      EN['procedure.kyphoplasty'],
      EN['a11y.scene.name'],
      EN['a11y.camera.left'],
      EN['a11y.camera.zoomIn'],
      EN['a11y.camera.reset'],
      EN['controls.scrubber'],
      EN['controls.play'],
      EN['controls.previousStep'],
      EN['controls.nextStep'],
      EN['controls.steps'],
    ])
      expect(names, `Tab stops: ${names.join(' | ')}`).toContain(name);
    for (const name of [EN['controls.language'], EN['controls.rate'], EN['controls.view']])
      expect(names, `Tab stops: ${names.join(' | ')}`).toContain(name);
    expect(stops.some((s) => s.className.includes('spv-patient-tab'))).toBe(true);
    expect(stops.some((s) => s.className.includes('spv-scrubber-track'))).toBe(true);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('plays and pauses; the step list opens with focus on the current step, Escape and a choice return focus', async () => {
    const v = await openViewer(suite.browser, suite.origin, '');
    const play = v.page.locator(`${V} .spv-play`);
    await play.focus();
    await v.page.keyboard.press('Enter');
    await v.page.waitForFunction(() => document.querySelector('spine-procedure-viewer')!.paused === false);
    await v.page.keyboard.press('Enter');
    await v.page.waitForFunction(() => document.querySelector('spine-procedure-viewer')!.paused === true);

    const toggle = v.page.locator(`${V} .spv-steps-toggle`);
    await toggle.focus();
    await v.page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const current = (await v.state()).step;
    let now = await focused(v.page);
    expect(now?.className).toContain('spv-step');
    expect(now?.name).toContain(EN[`step.${current}.title`]);
    await v.page.keyboard.press('ArrowDown');
    now = await focused(v.page);
    expect(now?.name, 'ArrowDown moves to the next step').not.toContain(EN[`step.${current}.title`]);
    await v.page.keyboard.press('Escape');
    expect(await v.page.locator(`${V} .spv-steps`).count()).toBe(0);
    expect((await focused(v.page))?.className).toContain('spv-steps-toggle');

    // Choose a step by keyboard: the viewer goes there, the list closes, focus is back on its button.
    await v.page.keyboard.press('Enter');
    await v.page.keyboard.press('ArrowDown');
    await v.page.keyboard.press('ArrowDown');
    const chosen = (await focused(v.page))!.name;
    await v.page.keyboard.press('Enter');
    await settle(v.page);
    expect(await v.page.locator(`${V} .spv-steps`).count()).toBe(0);
    expect((await focused(v.page))?.className).toContain('spv-steps-toggle');
    const step = (await v.state()).step;
    expect(chosen).toContain(EN[`step.${step}.title`]);

    // The Close button closes it too.
    await v.page.keyboard.press('Enter');
    await v.page.locator(`${V} .spv-steps-close`).focus();
    await v.page.keyboard.press('Enter');
    expect(await v.page.locator(`${V} .spv-steps`).count()).toBe(0);
    expect((await focused(v.page))?.className).toContain('spv-steps-toggle');
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('turns, zooms and resets the 3D view by keys and by the buttons', async () => {
    const v = await openViewer(suite.browser, suite.origin, '');
    await settle(v.page);
    const guided = await pose(v.page);
    expect(guided.distance).toBeGreaterThan(0);
    await v.page.locator(`${V} .spv-scene`).focus();
    const seekedFrom = (await v.state()).time;

    await v.page.keyboard.press('ArrowLeft');
    await settle(v.page);
    const turned = await pose(v.page);
    expect(Math.abs(turned.azimuth - guided.azimuth), 'ArrowLeft turns the view').toBeGreaterThan(0.2);
    expect((await v.state()).time, 'arrows on the 3D view do not seek').toBe(seekedFrom);
    expect(await v.page.locator(`${V} .spv-follow`).count(), 'free camera: "follow" is offered').toBe(1);

    await v.page.keyboard.press('ArrowUp');
    await settle(v.page);
    expect(Math.abs((await pose(v.page)).polar - turned.polar), 'ArrowUp tilts it').toBeGreaterThan(0.2);

    await v.page.keyboard.press('+');
    await settle(v.page);
    const zoomed = await pose(v.page);
    expect(zoomed.distance, '+ zooms in').toBeLessThan(turned.distance * 0.9);

    await v.page.keyboard.press('-');
    await v.page.keyboard.press('-');
    await settle(v.page);
    expect((await pose(v.page)).distance, '− zooms out').toBeGreaterThan(zoomed.distance * 1.4);

    await v.page.keyboard.press('0');
    await settle(v.page);
    const reset = await pose(v.page);
    expect(reset.distance, '0 resets to the guided framing').toBeCloseTo(guided.distance, 0);
    expect(reset.azimuth).toBeCloseTo(guided.azimuth, 2);
    expect(await v.page.locator(`${V} .spv-follow`).count()).toBe(0);

    // The visible buttons do the same, operated by keyboard.
    await v.page.locator(`${V} .spv-camera-button[data-nudge="in"]`).focus();
    await v.page.keyboard.press('Enter');
    await settle(v.page);
    expect((await pose(v.page)).distance).toBeLessThan(guided.distance * 0.9);
    await v.page.locator(`${V} .spv-camera-button[data-nudge="right"]`).focus();
    await v.page.keyboard.press('Space');
    await settle(v.page);
    expect(Math.abs((await pose(v.page)).azimuth - guided.azimuth)).toBeGreaterThan(0.2);
    await v.page.locator(`${V} .spv-camera-button[data-nudge="reset"]`).focus();
    await v.page.keyboard.press('Enter');
    await settle(v.page);
    expect((await pose(v.page)).distance).toBeCloseTo(guided.distance, 0);

    // Shift + arrows turn the view from elsewhere in the viewer (plain arrows there seek).
    await v.page.locator(`${V} .spv-play`).focus();
    const time = (await v.state()).time;
    await v.page.keyboard.press('Shift+ArrowRight');
    await settle(v.page);
    expect(Math.abs((await pose(v.page)).azimuth - guided.azimuth)).toBeGreaterThan(0.2);
    expect((await v.state()).time).toBe(time);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('clinician settings: opened, changed and closed by keyboard, in the tab order after its button', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?audience=clinician');
    const button = v.page.locator(`${V} button`, { hasText: EN['controls.settings'] });
    await button.focus();
    await v.page.keyboard.press('Enter');
    await v.page.waitForSelector('.spv-clinician-panel select');
    await v.page.waitForFunction(() => document.activeElement?.closest('.spv-clinician-panel') != null);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const first = await focused(v.page);
    expect(first?.inSettings, 'focus moves into the settings').toBe(true);

    // The first control is the level: change it with the keyboard.
    const before = (await v.state()).level;
    await v.page.locator('.spv-clinician-panel select[id="level"]').focus();
    await v.page.keyboard.press('ArrowDown');
    await v.page.waitForFunction(
      (level) =>
        (document.querySelector('spine-procedure-viewer')!.getState() as { level: string }).level !== level,
      before,
    );

    // Shift+Tab from the first control returns to the button; Tab from it goes back into the panel.
    await v.page.keyboard.press('Shift+Tab');
    expect((await focused(v.page))?.name).toContain(EN['controls.settings']);
    await v.page.keyboard.press('Tab');
    expect((await focused(v.page))?.inSettings).toBe(true);

    // Tab past the last control leaves the panel for the control after the button, inside the viewer.
    let last: Focused | null = null;
    for (let i = 0; i < 30; i++) {
      await v.page.keyboard.press('Tab');
      last = await focused(v.page);
      if (!last?.inSettings) break;
    }
    expect(last?.inSettings).toBe(false);
    expect(last?.name).not.toContain(EN['controls.settings']);

    // Escape in the panel closes it and puts focus back on the button.
    await v.page.locator('.spv-clinician-panel select').first().focus();
    await v.page.keyboard.press('Escape');
    expect(await v.page.locator('.spv-clinician-panel').count()).toBe(0);
    expect((await focused(v.page))?.name).toContain(EN['controls.settings']);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('changes the language by keyboard', async () => {
    const v = await openViewer(suite.browser, suite.origin, '');
    const select = await viewerControl(v.page, '.spv-language select');
    await select.focus();
    const before = await v.page.locator(`${V} .spv-root`).getAttribute('lang');
    await v.page.keyboard.press('ArrowDown');
    await v.page.waitForFunction(
      (lang) =>
        document
          .querySelector('spine-procedure-viewer')!
          .shadowRoot!.querySelector('.spv-root')!
          .getAttribute('lang') !== lang,
      before,
    );
    expect(await v.page.locator(`${V} .spv-root`).getAttribute('lang')).not.toBe(before);
    await v.close();
  });
});
