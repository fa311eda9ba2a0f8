import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/messages/en.json';
import { findStep, timelineFor } from '../../src/procedure/timeline';
import { disableWebGL, waitForViewerReady } from './support/browser';
import { pngVariety } from './support/imageStats';
import { browserSuite } from './support/suite';
import { openViewer, seekAndSettle } from './support/viewerPage';

const suite = browserSuite();
const KP = timelineFor('kyphoplasty');
const VP = timelineFor('vertebroplasty');

interface Side {
  procedure: string;
  name: string;
  canvas: { x: number; y: number; width: number; height: number };
}

interface CompareState {
  view: string;
  step: string;
  compare: {
    procedure: string;
    step: string;
    time: number;
    held: boolean;
    wedgeAngleDeg: number;
    cementVolumeMl: number;
    anteriorHeightPct: number;
  } | null;
}

const viewer = (page: Page) => page.locator('spine-procedure-viewer');

/** Both sides once the other procedure's canvas has drawn: name, readouts filled, canvas box. */
async function sides(page: Page): Promise<Side[]> {
  await page.waitForFunction(() => {
    const root = document.querySelector('spine-procedure-viewer')!.shadowRoot!;
    const infos = root.querySelectorAll('.spv-compare-info');
    return (
      infos.length === 2 &&
      root.querySelectorAll('.spv-scene canvas').length === 2 &&
      [...infos].every((i) => i.querySelector('[data-readout="cement"]')!.textContent !== '')
    );
  });
  // Let the other canvas draw its frame (and its instruments chunk arrive).
  await page.waitForTimeout(1500);
  return page.evaluate(() => {
    const root = document.querySelector('spine-procedure-viewer')!.shadowRoot!;
    const scene = root.querySelector<HTMLElement>('.spv-scene')!;
    return [...root.querySelectorAll<HTMLElement>('.spv-compare-info')].map((info) => {
      const procedure = info.dataset.procedure!;
      const canvas =
        procedure === scene.dataset.compare
          ? scene.querySelector(':scope > .spv-canvas')!
          : root.querySelector(`.spv-compare-canvas[data-procedure="${procedure}"]`)!;
      const r = canvas.getBoundingClientRect();
      return {
        procedure,
        name: info.querySelector('.spv-compare-name')!.textContent!,
        canvas: { x: r.x, y: r.y, width: r.width, height: r.height },
      };
    });
  });
}

async function canvasVariety(page: Page, side: Side): Promise<number> {
  const png = await page.screenshot({ clip: side.canvas });
  return pngVariety(page, png);
}

const state = (page: Page) =>
  page.evaluate(
    () => document.querySelector('spine-procedure-viewer')!.getState() as unknown as CompareState,
  );

describe('compare view: kyphoplasty and vertebroplasty side by side on one timeline', () => {
  it('draws both sides, labelled, aligned by step; vertebroplasty waits through the balloon; the result states the differences', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?view=compare&step=balloon-inflation', {
      width: 1280,
      height: 800,
    });
    const [left, right] = await sides(v.page);
    expect(left!.procedure).toBe('kyphoplasty');
    expect(right!.procedure).toBe('vertebroplasty');
    expect(left!.name).toBe(en['procedure.kyphoplasty']);
    expect(right!.name).toBe(en['procedure.vertebroplasty']);
    expect(left!.canvas.x + left!.canvas.width).toBeLessThanOrEqual(right!.canvas.x + 1);
    // Each side framed large: at least a quarter of the viewer's width and 40 % of its height.
    for (const side of [left!, right!]) {
      expect(side.canvas.width).toBeGreaterThan(1280 / 4);
      expect(side.canvas.height).toBeGreaterThan(800 * 0.4);
      expect(await canvasVariety(v.page, side), `${side.procedure} drawn`).toBeGreaterThan(0.1);
    }
    await v.screenshot('compare-balloon-1280');
    // The view row stays one line: compare shows no X-ray, so it offers no X-ray polarity menu.
    const row = await v.page.evaluate(() => {
      const root = document.querySelector('spine-procedure-viewer')!.shadowRoot!;
      const top = (selector: string) => root.querySelector(selector)!.getBoundingClientRect().top;
      return {
        toggles: top('.spv-view-row .spv-view-toggles'),
        takeHome: top('.spv-view-row .spv-take-home'),
      };
    });
    expect(Math.abs(row.takeHome - row.toggles), 'take-home buttons on the view row').toBeLessThan(12);

    let s = await state(v.page);
    expect(s.view).toBe('compare');
    expect(s.step).toBe('balloon-inflation');
    expect(s.compare).toMatchObject({
      procedure: 'vertebroplasty',
      step: 'access',
      held: true,
      cementVolumeMl: 0,
    });
    await expect
      .poll(() => viewer(v.page).locator('.spv-compare-note').innerText())
      .toBe(en['compare.noBalloon']);
    // The view menu offers the comparison, and it is the chosen view.
    const select = viewer(v.page).locator('.spv-view-toggles select').first();
    expect(await select.inputValue()).toBe('compare');
    expect(await select.locator('option[value="compare"]').innerText()).toBe(en['view.compare']);

    // A shared step: the same fraction of the step on both sides.
    const kpCement = findStep(KP, 'cement-injection')!;
    const vpCement = findStep(VP, 'cement-injection')!;
    await seekAndSettle(v.page, kpCement.start + 0.6 * (kpCement.end - kpCement.start));
    s = await state(v.page);
    expect(s.compare!.step).toBe('cement-injection');
    expect(s.compare!.held).toBe(false);
    expect(s.compare!.time).toBeCloseTo(vpCement.start + 0.6 * (vpCement.end - vpCement.start), 3);
    expect(s.compare!.cementVolumeMl).toBeGreaterThan(0);
    expect(await viewer(v.page).locator('.spv-compare-note').count()).toBe(0);

    // The result: the differences in one short passage, vertebroplasty's cement set but its height not restored.
    const result = findStep(KP, 'result')!;
    await seekAndSettle(v.page, result.start + 0.7 * (result.end - result.start));
    s = await state(v.page);
    expect(s.compare!.step).toBe('result');
    const kpState = (await v.state()) as unknown as { anteriorHeightPct: number };
    expect(kpState.anteriorHeightPct).toBeGreaterThan(s.compare!.anteriorHeightPct);
    const difference = await viewer(v.page).locator('.spv-compare-difference').innerText();
    expect(difference).toBe(en['compare.result'].replace('{pct}', '33'));
    await v.screenshot('compare-result-1280');
    expect(v.errors).toEqual([]);
    await v.close();
  }, 90_000);

  it('stacks the sides on a phone, kyphoplasty on top, both drawn, when the view property is set', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?step=cement-injection', {
      width: 375,
      height: 667,
    });
    expect(await viewer(v.page).locator('.spv-compare-info').count()).toBe(0);
    await v.page.evaluate(() => {
      (document.querySelector('spine-procedure-viewer') as HTMLElement & { view: string }).view = 'compare';
    });
    const [top, bottom] = await sides(v.page);
    expect(top!.procedure).toBe('kyphoplasty');
    expect(top!.canvas.y + top!.canvas.height).toBeLessThanOrEqual(bottom!.canvas.y + 1);
    for (const side of [top!, bottom!]) {
      expect(side.canvas.width).toBeGreaterThan(375 * 0.8);
      // The two pictures take the phone's height: over a third each (the caption keeps its title, under them).
      expect(side.canvas.height, `${side.procedure} picture height`).toBeGreaterThanOrEqual(667 * 0.34);
      expect(await canvasVariety(v.page, side), `${side.procedure} drawn`).toBeGreaterThan(0.05);
    }
    // Each side frames the treated vertebra large and at its centre (the main side's guided camera reports it).
    const subject = await v.page.evaluate(
      () => document.querySelector('spine-procedure-viewer')!.getRenderStats().subject,
    );
    const short = Math.min(top!.canvas.width, top!.canvas.height);
    expect(subject.radius, 'subject radius').toBeGreaterThanOrEqual(0.25 * short);
    expect(Math.abs(subject.x - top!.canvas.width / 2), 'subject across').toBeLessThan(
      0.05 * top!.canvas.width,
    );
    expect(Math.abs(subject.y - top!.canvas.height / 2), 'subject down').toBeLessThan(
      0.05 * top!.canvas.height,
    );
    // The headings lie on the pictures, within their own side; the caption's title stays in view under them.
    const boxes = await v.page.evaluate(() => {
      const root = document.querySelector('spine-procedure-viewer')!.shadowRoot!;
      const box = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      };
      return {
        names: [...root.querySelectorAll('.spv-compare-name')].map(box),
        readouts: [...root.querySelectorAll('.spv-compare-readouts')].map(box),
        title: box(root.querySelector('.spv-caption-title')!),
        caption: box(root.querySelector('.spv-caption')!),
      };
    });
    [top!, bottom!].forEach((side, i) => {
      for (const part of [boxes.names[i]!, boxes.readouts[i]!]) {
        expect(part.top).toBeGreaterThanOrEqual(side.canvas.y - 1);
        expect(part.bottom).toBeLessThanOrEqual(side.canvas.y + side.canvas.height + 1);
        expect(part.right).toBeLessThanOrEqual(side.canvas.x + side.canvas.width + 1);
      }
    });
    expect(boxes.title.top).toBeGreaterThanOrEqual(bottom!.canvas.y + bottom!.canvas.height - 1);
    expect(boxes.title.bottom).toBeLessThanOrEqual(boxes.caption.bottom + 1);
    expect((await state(v.page)).compare).toMatchObject({
      procedure: 'vertebroplasty',
      step: 'cement-injection',
    });
    await v.screenshot('compare-phone');
    // A tap on the other side plays and pauses the one timeline, as a tap on the main side does.
    const paused = () => v.page.evaluate(() => document.querySelector('spine-procedure-viewer')!.paused);
    const tapOther = () =>
      v.page.mouse.click(
        bottom!.canvas.x + bottom!.canvas.width / 2,
        bottom!.canvas.y + bottom!.canvas.height / 2,
      );
    await tapOther();
    await expect.poll(paused).toBe(false);
    await tapOther();
    await expect.poll(paused).toBe(true);
    // At the result the difference passage joins them; the pictures keep their room.
    const result = findStep(KP, 'result')!;
    await seekAndSettle(v.page, result.start + 0.7 * (result.end - result.start));
    await viewer(v.page).locator('.spv-compare-difference').waitFor();
    for (const side of await sides(v.page)) {
      expect(side.canvas.height, `${side.procedure} picture height`).toBeGreaterThanOrEqual(80);
      expect(side.canvas.y + side.canvas.height).toBeLessThanOrEqual(667);
    }
    await v.screenshot('compare-phone-result');
    expect(v.errors).toEqual([]);
    await v.close();
  }, 60_000);

  it('without WebGL shows the transcript, as every view does', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await disableWebGL(context);
    const page = await context.newPage();
    await page.goto(`${suite.origin}/index.html?view=compare`);
    await waitForViewerReady(page);
    expect(await viewer(page).locator('.spv-transcript').count()).toBe(1);
    expect(await viewer(page).locator('.spv-compare-info').count()).toBe(0);
    await context.close();
  }, 30_000);
});
