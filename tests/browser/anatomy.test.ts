import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite';
import { pngVariety, screenshotDifference } from './support/imageStats';
import { openViewer, seekAndSettle } from './support/viewerPage';

const suite = browserSuite();

describe('the spine', () => {
  it('posterior-oblique overview with level labels, then the user orbits and returns to the guided camera', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?level=L1');
    const canvas = v.page.locator('spine-procedure-viewer canvas');
    await v.page
      .locator('spine-procedure-viewer .spv-switch', { hasText: 'Labels' })
      .locator('input')
      .check();
    await seekAndSettle(v.page, 1);
    const labels = await v.page.locator('spine-procedure-viewer .spv-label-level').allTextContents();
    expect(labels).toEqual([
      'T1',
      'T2',
      'T3',
      'T4',
      'T5',
      'T6',
      'T7',
      'T8',
      'T9',
      'T10',
      'T11',
      'T12',
      'L1',
      'L2',
      'L3',
      'L4',
      'L5',
    ]);
    const guided = await canvas.screenshot({ path: 'test-artifacts/anatomy-posterior-oblique-labels.png' });
    expect(await pngVariety(v.page, guided)).toBeGreaterThan(0.1);

    // Orbit with the mouse: the camera turns to the side and the "follow" control appears.
    const box = (await canvas.boundingBox())!;
    await v.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await v.page.mouse.down();
    await v.page.mouse.move(box.x + box.width / 2 + 260, box.y + box.height / 2 + 30, { steps: 12 });
    await v.page.mouse.up();
    await seekAndSettle(v.page, 1);
    const orbited = await canvas.screenshot({ path: 'test-artifacts/anatomy-orbited.png' });
    expect(await screenshotDifference(v.page, guided, orbited)).toBeGreaterThan(0.05);
    const follow = v.page.locator('spine-procedure-viewer .spv-follow');
    await follow.click();
    await seekAndSettle(v.page, 1);
    expect(await follow.count()).toBe(0);
    const back = await canvas.screenshot();
    expect(await screenshotDifference(v.page, guided, back)).toBeLessThan(0.01);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('lateral view and cutaway of the treated level; the cutaway can be switched off', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?step=cement-hardening');
    const canvas = v.page.locator('spine-procedure-viewer canvas');
    await seekAndSettle(v.page, (await v.state()).time + 4);
    await canvas.screenshot({ path: 'test-artifacts/anatomy-lateral.png' });
    await seekAndSettle(v.page, 62);
    const cut = await canvas.screenshot({ path: 'test-artifacts/anatomy-cutaway.png' });
    await v.page
      .locator('spine-procedure-viewer .spv-switch', { hasText: 'Cutaway' })
      .locator('input')
      .uncheck();
    await seekAndSettle(v.page, 62);
    const ghost = await canvas.screenshot({ path: 'test-artifacts/anatomy-cutaway-off.png' });
    expect(await screenshotDifference(v.page, cut, ghost)).toBeGreaterThan(0.01);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  for (const [level, grade, morphology] of [
    ['T8', 3, 'crush'],
    ['L4', 1, 'biconcave'],
  ] as const) {
    it(`${level} grade ${grade} ${morphology}: renders the chosen level`, async () => {
      const v = await openViewer(
        suite.browser,
        suite.origin,
        `?level=${level}&grade=${grade}&morphology=${morphology}&step=balloon-inflation`,
      );
      await seekAndSettle(v.page, (await v.state()).time + 9);
      const shot = await v.page.locator('spine-procedure-viewer canvas').screenshot({
        path: `test-artifacts/anatomy-${level}-${morphology}.png`,
      });
      expect(await pngVariety(v.page, shot)).toBeGreaterThan(0.1);
      const state = await v.state();
      expect(state.level).toBe(level);
      expect(v.errors).toEqual([]);
      await v.close();
    });
  }
});
