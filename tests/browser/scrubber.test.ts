import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { stepLanding } from '../../src/procedure/stepNavigation';
import { timelineFor } from '../../src/procedure/timeline';
import type { StepId } from '../../src/procedure/types';
import { browserSuite } from './support/suite';
import { openViewer } from './support/viewerPage';

/*
 * The scrubber as a component, on the built page: an ARIA slider (value text "Step n of N, title, m:ss"), the
 * media keys the README documents (←/→ ±5 s, PageUp/PageDown previous/next step, Home/End, Space/K play-pause)
 * and one chapter mark at the start of every step after the first.
 */
const suite = browserSuite();

type Viewer = HTMLElement & {
  currentTime: number;
  paused: boolean;
  duration: number;
  steps: { id: string; start: number; end: number }[];
};

const facts = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('spine-procedure-viewer') as Viewer;
    return { time: el.currentTime, paused: el.paused, duration: el.duration, steps: el.steps };
  });

/** m:ss, as the README's example "1:12". */
const clock = (t: number) => `${Math.floor(t / 60)}:${String(Math.floor(t % 60)).padStart(2, '0')}`;

/** Wait until the slider's aria-valuenow reads this time (it is written from the frame loop). */
async function valueNowIs(slider: Locator, time: number): Promise<void> {
  await expect
    .poll(async () => Number(await slider.getAttribute('aria-valuenow')), { timeout: 10_000 })
    .toBeCloseTo(Math.round(time * 10) / 10, 5);
}

describe('scrubber', () => {
  it('is an ARIA slider whose value text names the step, its title and the time', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?step=balloon-inflation');
    const slider = v.page.locator('spine-procedure-viewer [role="slider"]');
    expect(await slider.count()).toBe(1);
    const { time, duration, steps } = await facts(v.page);
    expect(await slider.getAttribute('aria-valuemin')).toBe('0');
    expect(Number(await slider.getAttribute('aria-valuemax'))).toBeCloseTo(duration, 6);
    expect(await slider.getAttribute('aria-orientation')).toBe('horizontal');
    expect(await slider.getAttribute('tabindex')).toBe('0');
    expect(await slider.getAttribute('aria-label')).toBeTruthy();
    await valueNowIs(slider, time);
    const index = steps.findIndex((s) => s.id === 'balloon-inflation');
    const title = await v.page.locator('spine-procedure-viewer .spv-caption-title').textContent();
    expect(await slider.getAttribute('aria-valuetext')).toBe(
      `Step ${index + 1} of ${steps.length}, ${title}, ${clock(time)}`,
    );
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^Step \d+ of \d+, .+, \d+:\d\d$/);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('keys: ←/→ ±5 s, PageUp/PageDown previous/next step, Home/End, Space and K play/pause', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?t=30');
    const slider = v.page.locator('spine-procedure-viewer [role="slider"]');
    const { duration, steps } = await facts(v.page);
    const stepAt = (t: number) => [...steps].reverse().find((s) => s.start <= t + 1e-6)!;
    await slider.focus();
    const press = async (key: string, expected: number) => {
      await v.page.keyboard.press(key);
      await valueNowIs(slider, expected);
      expect((await facts(v.page)).time, key).toBeCloseTo(expected, 3);
    };
    await press('ArrowRight', 35);
    await press('ArrowLeft', 30);
    await press('ArrowLeft', 25);
    const next = steps[steps.indexOf(stepAt(25)) + 1]!;
    // Steps are entered where their action shows (stepNavigation), not at their first frame.
    const landing = (id: StepId) => stepLanding(timelineFor('kyphoplasty'), id)!;
    await press('PageDown', landing(next.id as StepId));
    // Just at a step's landing, PageUp goes to the previous step's landing.
    await press('PageUp', landing(stepAt(25).id as StepId));
    await press('End', duration);
    await press('Home', 0);
    // The value text follows the keys.
    expect(await slider.getAttribute('aria-valuetext')).toMatch(
      new RegExp(`^Step 1 of ${steps.length}, .+, 0:00$`),
    );

    expect((await facts(v.page)).paused).toBe(true);
    await v.page.keyboard.press(' ');
    await expect.poll(async () => (await facts(v.page)).paused).toBe(false);
    await v.page.keyboard.press('k');
    await expect.poll(async () => (await facts(v.page)).paused).toBe(true);
    await v.page.keyboard.press('K');
    await expect.poll(async () => (await facts(v.page)).paused).toBe(false);
    await v.page.keyboard.press(' ');
    await expect.poll(async () => (await facts(v.page)).paused).toBe(true);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('has a chapter mark, titled, at the start of every step after the first', async () => {
    const v = await openViewer(suite.browser, suite.origin);
    const { duration, steps } = await facts(v.page);
    const track = (await v.page.locator('spine-procedure-viewer .spv-scrubber-track').boundingBox())!;
    const marks = v.page.locator('spine-procedure-viewer .spv-chapter-mark');
    expect(await marks.count()).toBe(steps.length - 1);
    for (let i = 1; i < steps.length; i++) {
      const mark = marks.nth(i - 1);
      const box = (await mark.boundingBox())!;
      const expectedX = track.x + (track.width * steps[i]!.start) / duration;
      expect(Math.abs(box.x + box.width / 2 - expectedX), `${steps[i]!.id} mark`).toBeLessThan(1.5);
      expect(await mark.getAttribute('title')).toBeTruthy();
    }
    // Mark titles are the step titles, in order (the step list shows the same titles).
    const titles = await marks.evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    expect(new Set(titles).size).toBe(steps.length - 1);
    await v.close();
  });
});
