import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/messages/en.json';
import { imageStats, pngVariety } from './support/imageStats';
import { browserSuite } from './support/suite';
import { openViewer, seekAndSettle, viewerControl } from './support/viewerPage';

const suite = browserSuite();

interface LevelEntry {
  level: string;
  grade: number;
  morphology: string;
  cementFill: number;
  cementVolumeMl: number;
  anteriorHeightPct: number;
}

interface LevelsState {
  level: string;
  levelIndex: number;
  step: string;
  stepKey: string;
  levels: LevelEntry[];
}

type ViewerEl = HTMLElement & {
  levels: readonly string[];
  level: string;
  step: string;
  steps: { id: string; key: string; level: string | null; title: string; start: number; end: number }[];
  getState(): unknown;
  captureFluoro(o: { view: string }): Promise<string>;
};

const viewer = (page: Page) => page.locator('spine-procedure-viewer');
const state = (page: Page) =>
  page.evaluate(() => document.querySelector('spine-procedure-viewer')!.getState() as unknown as LevelsState);

/** Go to a step by key, on the frame `share` of the way through it, and let it draw. */
async function seekKey(page: Page, key: string, share = 0.9): Promise<void> {
  const t = await page.evaluate(
    ([k, s]) => {
      const step = (document.querySelector('spine-procedure-viewer') as unknown as ViewerEl).steps.find(
        (x) => x.key === k,
      )!;
      return step.start + s * (step.end - step.start);
    },
    [key, share] as const,
  );
  await seekAndSettle(page, t);
  await page.waitForTimeout(400);
}

/** Mean grey of the brightest 0.08 × 0.08 patch of an X-ray above its centre (scanned in steps of 0.04). */
async function brightestPatchAbove(page: Page, image: string): Promise<number> {
  let best = 0;
  for (let y = 0.08; y <= 0.38; y += 0.04)
    for (let x = 0.2; x <= 0.72; x += 0.04) {
      const { mean } = await imageStats(page, image, { x0: x, y0: y, x1: x + 0.08, y1: y + 0.08 });
      best = Math.max(best, mean);
    }
  return best;
}

const lateral = (page: Page) =>
  page.evaluate(() =>
    (document.querySelector('spine-procedure-viewer') as unknown as ViewerEl).captureFluoro({
      view: 'lateral',
    }),
  );

describe('several levels in one session', () => {
  it('treats T12 then L1, each with its own fracture and cement, in 3D and on the X-ray', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?levels=T12,L1&grade=2,3&audience=clinician', {
      width: 1280,
      height: 800,
    });
    let s = await state(v.page);
    expect(s.levels.map((l) => [l.level, l.grade])).toEqual([
      ['T12', 2],
      ['L1', 3],
    ]);
    expect(s.level).toBe('T12');
    const steps = await v.page.evaluate(
      () => (document.querySelector('spine-procedure-viewer') as unknown as ViewerEl).steps,
    );
    expect(steps.filter((x) => x.id === 'cement-injection').map((x) => x.key)).toEqual([
      'cement-injection@T12',
      'cement-injection@L1',
    ]);
    expect(steps.find((x) => x.key === 'access@L1')!.title).toBe(`${en['step.access.title']} (L1)`);
    // The chip names both levels; the timeline shows a chapter per level.
    expect(await viewer(v.page).locator('.spv-level-chip').first().innerText()).toContain('T12');
    expect(await viewer(v.page).locator('.spv-level-chip').first().innerText()).toContain('L1');
    expect(
      await viewer(v.page)
        .locator('.spv-level-band')
        .evaluateAll((b) => b.map((e) => e.textContent)),
    ).toEqual(['T12', 'L1']);
    await v.screenshot('levels-overview-1280');

    // The second level's cement: the first level keeps all of its own.
    await v.page.evaluate(() => {
      (document.querySelector('spine-procedure-viewer') as unknown as ViewerEl).step = 'cement-injection@L1';
    });
    await seekKey(v.page, 'cement-injection@L1');
    s = await state(v.page);
    expect(s.stepKey).toBe('cement-injection@L1');
    expect(s.level).toBe('L1');
    expect(s.levelIndex).toBe(1);
    expect(s.levels[0]!.cementFill).toBe(1);
    expect(s.levels[1]!.cementFill).toBeGreaterThan(0.5);
    expect(await viewer(v.page).locator('.spv-caption-title').innerText()).toBe(
      `${en['step.cement-injection.title']} (L1)`,
    );
    expect(await viewer(v.page).locator('.spv-readouts').innerText()).toContain(en['readout.level']);
    const shot = await v.screenshot('levels-cement-L1-1280');
    expect(await pngVariety(v.page, shot)).toBeGreaterThan(0.04);
    // The lateral X-ray shows the first level's cement above the one being filled: compared with the same moment
    // treating L1 alone, the region above the centre (T12, head up) holds more dense material.
    const both = await lateral(v.page);
    await v.page.evaluate(() => {
      const el = document.querySelector('spine-procedure-viewer') as unknown as ViewerEl;
      el.levels = [];
      el.level = 'L1';
    });
    await seekKey(v.page, 'cement-injection');
    expect((await state(v.page)).levels.map((l) => l.level)).toEqual(['L1']);
    const alone = await lateral(v.page);
    // The brightest small patch above the centre (T12, head up): T12's cement makes it far brighter.
    const withT12 = await brightestPatchAbove(v.page, both);
    const withoutT12 = await brightestPatchAbove(v.page, alone);
    expect(withT12 - withoutT12, `${withT12} vs ${withoutT12}`).toBeGreaterThan(0.1);

    // The result: both levels treated.
    await v.page.evaluate(() => {
      (document.querySelector('spine-procedure-viewer') as unknown as ViewerEl).levels = ['T12', 'L1'];
    });
    await seekKey(v.page, 'result', 0.7);
    s = await state(v.page);
    expect(s.levels.every((l) => l.cementVolumeMl > 0)).toBe(true);
    await v.screenshot('levels-result-1280');
    expect(v.errors).toEqual([]);
    await v.close();
  }, 120_000);

  it('on a phone: adds a third level from the picker, and frames the level being treated', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?levels=T12,L1&step=access@L1', {
      width: 375,
      height: 667,
    });
    await v.page.waitForTimeout(600);
    let s = await state(v.page);
    expect(s.stepKey).toBe('access@L1');
    const shot = await v.screenshot('levels-access-L1-phone');
    expect(await pngVariety(v.page, shot)).toBeGreaterThan(0.05);
    const stats = await v.page.evaluate(() =>
      document.querySelector('spine-procedure-viewer')!.getRenderStats(),
    );
    expect(stats.subject.radius).toBeGreaterThan(40);

    const chip = await viewerControl(v.page, '.spv-level-chip');
    await chip.click();
    const third = viewer(v.page).locator('.spv-picker-levels select').nth(1);
    await third.waitFor({ state: 'visible' });
    await third.selectOption('L2');
    await expect
      .poll(async () => (await state(v.page)).levels.map((l) => l.level))
      .toEqual(['T12', 'L1', 'L2']);
    s = await state(v.page);
    expect(s.stepKey, 'the place is kept').toBe('access@L1');
    await v.screenshot('levels-picker-phone');
    // Picking one level in the level menu makes it the first; choosing "no other level" goes back to one.
    await viewer(v.page).locator('.spv-picker-levels select').first().selectOption('');
    await expect.poll(async () => (await state(v.page)).levels.map((l) => l.level)).toEqual(['T12']);
    expect(v.errors).toEqual([]);
    await v.close();
  }, 90_000);

  it('compares both procedures for the same two levels, level by level', async () => {
    const v = await openViewer(
      suite.browser,
      suite.origin,
      '?view=compare&levels=T12,L1&grade=2,3&step=balloon-inflation@L1',
      { width: 1280, height: 800 },
    );
    await viewer(v.page).locator('.spv-compare-info').nth(1).waitFor();
    const s = (await state(v.page)) as LevelsState & {
      compare: { procedure: string; step: string; held: boolean; cementVolumeMl: number } | null;
    };
    expect(s.stepKey).toBe('balloon-inflation@L1');
    // Vertebroplasty holds at the same level's access (no balloon), with T12's cement already in.
    expect(s.compare).toMatchObject({ procedure: 'vertebroplasty', step: 'access', held: true });
    expect(s.levels[0]!.cementFill).toBe(1);
    await v.page.waitForTimeout(1200);
    await v.screenshot('levels-compare-1280');
    expect(v.errors).toEqual([]);
    await v.close();
  }, 90_000);

  it('says what was wrong with bad level lists and keeps working', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?levels=T10,T11,T12,L1&grade=2,3', {
      width: 1920,
      height: 1080,
    });
    const notices = await viewer(v.page).locator('.spv-notice').allTextContents();
    expect(notices.join(' ')).toContain('up to three different levels');
    expect(notices.join(' ')).toContain('grade "2,3"');
    let s = await state(v.page);
    expect(s.levels.map((l) => l.level)).toEqual(['L1']);
    await v.page.evaluate(() => {
      (document.querySelector('spine-procedure-viewer') as unknown as ViewerEl).levels = 'L2,L2' as never;
    });
    await expect
      .poll(async () => (await viewer(v.page).locator('.spv-notice').allTextContents()).join(' '))
      .toContain('Ignored levels "L2,L2"');
    await v.page.evaluate(() => {
      (document.querySelector('spine-procedure-viewer') as unknown as ViewerEl).levels = 'L2,L3' as never;
    });
    s = await state(v.page);
    expect(s.levels.map((l) => l.level)).toEqual(['L2', 'L3']);
    await seekKey(v.page, 'overview', 0.5);
    expect(v.errors).toEqual([]);
    // A wall-sized frame on software GL can take a while when the machine is busy.
    await v.page.screenshot({ path: 'test-artifacts/levels-overview-wall.png', timeout: 90_000 });
    await v.close();
  }, 180_000);
});
