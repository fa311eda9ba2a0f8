import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { disableWebGL } from './support/browser';
import { browserSuite } from './support/suite';
import { openViewer, seekAndSettle } from './support/viewerPage';

const suite = browserSuite();
const PHONE = { width: 375, height: 667 };
const LAPTOP = { width: 1280, height: 800 };

type Viewer = HTMLElement & { paused: boolean; view: string; play(): Promise<void>; pause(): void };

const inViewer = (page: Page, selector: string) => page.locator(`spine-procedure-viewer ${selector}`);

/** The focused element inside the viewer, as its tag and class. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.querySelector('spine-procedure-viewer')!.shadowRoot!
      .activeElement as HTMLElement | null;
    return a ? `${a.tagName.toLowerCase()}.${a.className}` : null;
  });

const pickerOpen = (page: Page) =>
  page.evaluate(
    () =>
      document
        .querySelector('spine-procedure-viewer')!
        .shadowRoot!.querySelector('.spv-picker:popover-open') !== null,
  );

const paused = (page: Page) =>
  page.evaluate(() => (document.querySelector('spine-procedure-viewer') as Viewer).paused);

const cameraFollow = (page: Page) => inViewer(page, '.spv-follow').count();

/** The canvas's centre in page pixels (nothing of the viewer's own lies over it in these tests). */
async function canvasCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = (await inViewer(page, 'canvas').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height * 0.45 };
}

describe('level, shape and grade picker on the chip', () => {
  it('by mouse: the chip opens three menus that apply at once; Close gives focus back to the chip', async () => {
    const v = await openViewer(suite.browser, suite.origin, '', LAPTOP);
    const chip = inViewer(v.page, 'button.spv-level-chip');
    expect(await chip.getAttribute('aria-expanded')).toBe('false');
    // A patient reads plain words; a clinician the shape's term and the Genant grade.
    expect(await chip.innerText()).toContain('L1 · moderate fracture');
    await chip.click();
    expect(await pickerOpen(v.page)).toBe(true);
    // (The popover's toggle event comes as a task after it opens: the chip's state follows it.)
    await expect.poll(() => chip.getAttribute('aria-expanded')).toBe('true');
    // Focus moves to the first menu.
    await expect.poll(() => focused(v.page)).toBe('select.');
    await v.screenshot('interaction-picker-laptop');
    const dialog = v.page.getByRole('dialog', { name: 'The fracture shown' });
    await dialog.getByLabel(/^Level/).selectOption('T8');
    await dialog.getByLabel('Fracture shape').selectOption('biconcave');
    await dialog.getByLabel('Genant grade').selectOption('3');
    const state = await v.state();
    expect([state.level, state.morphology, state.grade]).toEqual(['T8', 'biconcave', 3]);
    expect(await chip.innerText()).toContain('T8 · severe fracture');
    expect(await pickerOpen(v.page), 'stays open while choosing').toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await pickerOpen(v.page)).toBe(false);
    expect(await focused(v.page)).toBe('button.spv-level-chip');
    await expect.poll(() => chip.getAttribute('aria-expanded')).toBe('false');
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('by keyboard, in Spanish: Enter opens, arrows change the menus, Escape closes back to the chip', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?lang=es', PHONE);
    const chip = v.page.getByRole('button', {
      name: /^L1 · fractura moderada\s*, cambiar la vértebra/,
    });
    await chip.focus();
    await v.page.keyboard.press('Enter');
    expect(await pickerOpen(v.page)).toBe(true);
    await v.screenshot('interaction-picker-phone');
    // The panel lies inside the viewport on a phone.
    const box = (await inViewer(v.page, '.spv-picker').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    const dialog = v.page.getByRole('dialog', { name: 'La fractura que se muestra' });
    await expect
      .poll(() =>
        dialog.getByLabel(/^Nivel/).evaluate((e) => e === (e.getRootNode() as ShadowRoot).activeElement),
      )
      .toBe(true);
    await v.page.keyboard.press('ArrowDown'); // L1 → L2
    await v.page.keyboard.press('Tab');
    await v.page.keyboard.press('ArrowDown'); // cuña → bicóncava
    await v.page.keyboard.press('Tab');
    await v.page.keyboard.press('ArrowUp'); // grado 2 → grado 1
    expect(await dialog.getByLabel('Grado de Genant').inputValue()).toBe('1');
    const state = await v.state();
    expect([state.level, state.morphology, state.grade]).toEqual(['L2', 'biconcave', 1]);
    await v.page.keyboard.press('Escape');
    expect(await pickerOpen(v.page)).toBe(false);
    await expect.poll(() => focused(v.page)).toBe('button.spv-level-chip');
    expect(await chip.count(), 'the old summary is gone').toBe(0);
    expect(await inViewer(v.page, 'button.spv-level-chip').innerText()).toContain('L2 · fractura leve');
    expect(await paused(v.page), 'no key reached the player').toBe(true);
    expect(v.errors).toEqual([]);
    await v.close();
  });
});

describe('X-ray views: AP only, lateral only, both', () => {
  const names = (page: Page) =>
    inViewer(page, '.spv-fluoro-panel:not([hidden]) .spv-fluoro-name').allTextContents();

  for (const size of [PHONE, LAPTOP]) {
    it(`view=ap and view=lateral show that one image whatever the step takes (${size.width}×${size.height})`, async () => {
      // Cement injection is watched on lateral images: the AP view still shows AP.
      const v = await openViewer(suite.browser, suite.origin, '?view=ap&step=cement-injection', size);
      expect(await names(v.page)).toEqual(['AP view']);
      await v.screenshot(`interaction-view-ap-${size.width}`);
      // A phone folds the view toggles into the More menu: open it to choose, close it to look (an open menu
      // takes height from the stage).
      const more = inViewer(v.page, '.spv-more-toggle');
      const folded = await more.isVisible();
      const menu = inViewer(v.page, '.spv-view-toggles select').first();
      const choose = async (view: string) => {
        if (folded) await more.click();
        await menu.selectOption(view);
        if (folded) await v.page.keyboard.press('Escape');
        await v.page.evaluate(
          () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
        );
      };
      if (folded) await more.click();
      expect(
        await menu.locator('option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value)),
      ).toEqual(['3d', 'fluoro', 'ap', 'lateral', 'split', 'compare']);
      if (folded) await v.page.keyboard.press('Escape');
      await choose('lateral');
      expect(
        await v.page.evaluate(() => (document.querySelector('spine-procedure-viewer') as Viewer).view),
      ).toBe('lateral');
      expect(await names(v.page)).toEqual(['Lateral view']);
      await seekAndSettle(v.page, 27); // targeting takes its AP now: the lateral view keeps lateral
      expect(await names(v.page)).toEqual(['Lateral view']);
      await v.screenshot(`interaction-view-lateral-${size.width}`);
      await choose('split');
      expect(await names(v.page)).toEqual(['AP view', 'Lateral view']);
      await v.screenshot(`interaction-view-split-${size.width}`);
      await choose('fluoro');
      expect(await names(v.page), 'fluoro follows the step: targeting ends on its AP').toEqual(['AP view']);
      expect(v.errors).toEqual([]);
      await v.close();
    });
  }

  it('an unknown view gives a notice and the 3D view', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?view=oblique');
    expect(await inViewer(v.page, '.spv-notice').allTextContents()).toEqual([
      expect.stringContaining('use 3d, fluoro, ap, lateral, split or compare'),
    ]);
    expect(
      await v.page.evaluate(() => (document.querySelector('spine-procedure-viewer') as Viewer).view),
    ).toBe('3d');
    await v.close();
  });
});

describe('tap and drag on the 3D view', () => {
  it('a click plays and pauses; a drag orbits without playing; a tap leaves the guided camera alone', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?t=2', LAPTOP);
    const c = await canvasCentre(v.page);
    expect(await paused(v.page)).toBe(true);
    await v.page.mouse.click(c.x, c.y);
    expect(await paused(v.page), 'a click plays').toBe(false);
    expect(await cameraFollow(v.page), 'still the guided camera').toBe(0);
    await v.page.mouse.click(c.x, c.y);
    expect(await paused(v.page), 'a second click pauses').toBe(true);
    const before = (await v.state()).time;
    // A drag: down, a few moves, up at another place.
    await v.page.mouse.move(c.x, c.y);
    await v.page.mouse.down();
    for (let i = 1; i <= 6; i++) await v.page.mouse.move(c.x + i * 15, c.y + i * 4);
    await v.page.mouse.up();
    expect(await paused(v.page), 'the end of a drag does not play').toBe(true);
    expect((await v.state()).time).toBe(before);
    expect(await cameraFollow(v.page), 'a drag leaves the guided camera').toBe(1);
    // The way back to the guided camera; a click on the button is not a tap on the view.
    await inViewer(v.page, '.spv-follow').click();
    expect(await cameraFollow(v.page)).toBe(0);
    expect(await paused(v.page)).toBe(true);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('a touch tap plays, like a click', async () => {
    const context = await suite.browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${suite.origin}/index.html?t=2`);
    await page.evaluate(
      () => (document.querySelector('spine-procedure-viewer') as unknown as { ready: Promise<void> }).ready,
    );
    const c = await canvasCentre(page);
    await page.touchscreen.tap(c.x, c.y);
    await expect.poll(() => paused(page)).toBe(false);
    await page.touchscreen.tap(c.x, c.y);
    await expect.poll(() => paused(page)).toBe(true);
    expect(await cameraFollow(page)).toBe(0);
    await context.close();
  });
});

describe('jumping to a step', () => {
  it('Next lands where the step’s action shows: a balloon already inflating, cement already flowing', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?step=balloon-insertion', LAPTOP);
    const next = v.page.getByRole('button', { name: 'Next step' });
    await next.click();
    let s = await v.state();
    expect(s.step).toBe('balloon-inflation');
    expect(s.balloonPressurePsi as number).toBeGreaterThan(0);
    expect(s.balloonVolumeMl as number).toBeGreaterThan(0);
    expect(s.cameraBlend, 'the camera has arrived at the step’s shot').toBe(1);
    await v.screenshot('interaction-next-balloon-inflation');
    await next.click(); // balloon removal
    await next.click();
    s = await v.state();
    expect(s.step).toBe('cement-injection');
    expect(s.cementVolumeMl as number).toBeGreaterThan(0);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('?step=access opens with the needle partway in', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?step=access', LAPTOP);
    const s = await v.state();
    expect(s.step).toBe('access');
    expect(s.stepProgress).toBeGreaterThan(0.1);
    expect(s.stepProgress).toBeLessThan(0.75);
    await seekAndSettle(v.page, s.time - s.stepProgress * 14);
    const start = await v.state();
    expect(s.cannulaDepthMm as number).toBeGreaterThan((start.cannulaDepthMm as number) + 2);
    await v.close();
  });
});

describe('without WebGL', () => {
  it('the 3D-only controls are left out; the captions menu and the level picker stay', async () => {
    const v = await openViewer(suite.browser, suite.origin, '', LAPTOP, { init: disableWebGL });
    expect(await inViewer(v.page, '.spv-fallback').count()).toBe(1);
    expect(await inViewer(v.page, 'canvas').count()).toBe(0);
    const toggles = inViewer(v.page, '.spv-view-toggles');
    expect(await toggles.locator('input[type="checkbox"]').count(), 'no cutaway or labels').toBe(0);
    expect(await toggles.locator('select').count(), 'only the captions menu').toBe(1);
    expect(await toggles.getByLabel('Caption for').count()).toBe(1);
    expect(await inViewer(v.page, '.spv-follow').count()).toBe(0);
    expect(await inViewer(v.page, 'button.spv-level-chip').count()).toBe(1);
    await v.close();
  });
});

describe('labels on a phone', () => {
  /** The rectangles of the labels that are shown (not hidden by the step or by the declutter). */
  const shownLabels = (page: Page) =>
    page.evaluate(() =>
      Array.from(
        document
          .querySelector('spine-procedure-viewer')!
          .shadowRoot!.querySelectorAll<HTMLElement>('.spv-label'),
      )
        .filter((e) => getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).display !== 'none')
        .map((e) => {
          const r = e.getBoundingClientRect();
          return { text: e.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }),
    );

  for (const step of ['overview', 'balloon-inflation', 'result']) {
    it(`no two labels overlap at 375×667 (${step}); the treated level keeps its name`, async () => {
      const v = await openViewer(suite.browser, suite.origin, `?labels=true&level=T12&step=${step}`, PHONE);
      await seekAndSettle(v.page, (await v.state()).time);
      await seekAndSettle(v.page, (await v.state()).time);
      const labels = await shownLabels(v.page);
      await v.screenshot(`interaction-labels-phone-${step}`);
      expect(labels.length).toBeGreaterThan(1);
      expect(labels.map((l) => l.text)).toContain('T12');
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i]!;
          const b = labels[j]!;
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(overlap, `${a.text} and ${b.text} overlap`).toBe(false);
        }
      await v.close();
    });
  }
});
