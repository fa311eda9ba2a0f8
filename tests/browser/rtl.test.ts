import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cutOff, measurePanels, overlaps, squeezed } from './support/layout';
import { browserSuite } from './support/suite';
import { ARTIFACTS, openViewer, seekAndSettle } from './support/viewerPage';
import { screenshotOf } from './support/screenshotOf';

/*
 * Right to left, with a test-only pseudo-locale: English text, right-to-left direction. No right-to-left catalog
 * ships yet, so the test sets dir="rtl" on the viewer's root (.spv-root, in its open shadow root) by hand, as
 * textDirection() would for Arabic or Hebrew. The layout is in logical properties, so it must mirror: the play
 * button at the right end of the control bar, the procedure toggle at the right of the top bar, the caption
 * right-aligned; and no panel may overlap another or be cut off. The timeline keeps running left to right (see
 * .spv-scrubber-track in styles/controls.css), and the X-ray inset stays where the canvas puts it.
 */
const suite = browserSuite();

const SIZES = [
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
];

interface Rect {
  left: number;
  right: number;
}

/** Where things are in the viewer's shadow root, and the computed direction and alignment of the caption. */
function measure(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('spine-procedure-viewer')!.shadowRoot!;
    const rect = (selector: string) => {
      const r = root.querySelector(selector)!.getBoundingClientRect();
      return { left: r.left, right: r.right };
    };
    const caption = getComputedStyle(root.querySelector('.spv-caption-text')!);
    return {
      dir: root.querySelector('.spv-root')!.getAttribute('dir'),
      root: rect('.spv-root'),
      row: rect('.spv-controls-row'),
      play: rect('.spv-play'),
      topbar: rect('.spv-topbar'),
      toggle: rect('.spv-topbar > .spv-toggle'),
      track: rect('.spv-scrubber-track'),
      thumb: rect('.spv-scrubber-thumb'),
      trackDirection: getComputedStyle(root.querySelector('.spv-scrubber-track')!).direction,
      captionDirection: caption.direction,
      captionAlign: caption.textAlign,
    };
  });
}

/** Set the pseudo-locale's direction on the viewer's root and wait for two frames. */
async function setDir(page: Page, dir: 'ltr' | 'rtl'): Promise<void> {
  await page.evaluate(async (d) => {
    document
      .querySelector('spine-procedure-viewer')!
      .shadowRoot!.querySelector('.spv-root')!
      .setAttribute('dir', d);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, dir);
}

const near = (a: number, b: number, px = 2) => Math.abs(a - b) <= px;
const centre = (r: Rect) => (r.left + r.right) / 2;

describe('right to left (pseudo-locale: English text, dir="rtl")', () => {
  for (const size of SIZES)
    it(`mirrors the layout at ${size.width}×${size.height}, with nothing overlapping or cut off`, async () => {
      const v = await openViewer(suite.browser, suite.origin, '', size);
      const ltr = await measure(v.page);
      // English: left to right, the play button at the left end and the toggle at the left of the top bar.
      expect(ltr.dir).toBe('ltr');
      expect(near(ltr.play.left, ltr.row.left), 'LTR: play at the left').toBe(true);
      expect(near(ltr.toggle.left, ltr.topbar.left), 'LTR: toggle at the left').toBe(true);

      await setDir(v.page, 'rtl');
      const rtl = await measure(v.page);
      expect(rtl.dir).toBe('rtl');
      // (a) Mirrored.
      expect(near(rtl.play.right, rtl.row.right), `RTL: play at the right end (${JSON.stringify(rtl)})`).toBe(
        true,
      );
      expect(rtl.play.left).toBeGreaterThan(centre(rtl.row));
      expect(
        near(rtl.toggle.right, rtl.topbar.right),
        `RTL: toggle at the right (${JSON.stringify(rtl)})`,
      ).toBe(true);
      expect(rtl.toggle.left).toBeGreaterThan(ltr.toggle.left);
      expect(rtl.captionDirection).toBe('rtl');
      expect(['start', 'right']).toContain(rtl.captionAlign);

      // The timeline still runs left to right: at a quarter of the way the thumb is in the track's left half.
      expect(rtl.trackDirection).toBe('ltr');
      const duration = await v.page.evaluate(
        () =>
          (document.querySelector('spine-procedure-viewer') as HTMLElement & { duration: number }).duration,
      );
      await seekAndSettle(v.page, duration / 4);
      const quarter = await measure(v.page);
      expect(centre(quarter.thumb)).toBeLessThan(centre(quarter.track));
      expect(
        near(centre(quarter.thumb), quarter.track.left + (quarter.track.right - quarter.track.left) / 4, 3),
      ).toBe(true);

      // (b) Nothing overlaps, is cut off or squeezed.
      const boxes = await measurePanels(v.page);
      expect(boxes.map((b) => b.name)).toEqual(
        expect.arrayContaining(['procedure toggle', 'caption', 'control bar']),
      );
      expect([...overlaps(boxes), ...cutOff(boxes), ...squeezed(boxes)]).toEqual([]);
      await screenshotOf(v.page.locator('spine-procedure-viewer'), {
        path: `${ARTIFACTS}/rtl-${size.width}x${size.height}.png`,
      });

      // The step list drawer opens at the inline end: the left edge.
      await v.page.locator('spine-procedure-viewer .spv-steps-toggle').click();
      const drawer = await v.page.evaluate(() => {
        const r = document
          .querySelector('spine-procedure-viewer')!
          .shadowRoot!.querySelector('.spv-steps')!
          .getBoundingClientRect();
        return { left: r.left, right: r.right };
      });
      expect(near(drawer.left, rtl.root.left), `drawer at the left (${JSON.stringify(drawer)})`).toBe(true);
      await screenshotOf(v.page.locator('spine-procedure-viewer'), {
        path: `${ARTIFACTS}/rtl-steps-${size.width}x${size.height}.png`,
      });

      expect(v.errors).toEqual([]);
      await v.close();
    });
});
