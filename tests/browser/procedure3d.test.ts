import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite';
import { pngVariety, screenshotDifference } from './support/imageStats';
import { ARTIFACTS, openViewer, seekAndSettle } from './support/viewerPage';

const suite = browserSuite();

/** The canonical frame of a step: 70 % of the way through, when its action is well under way. */
const canonical = (step: { start: number; end: number }) => step.start + (step.end - step.start) * 0.7;

describe('every step in 3D, both procedures', () => {
  for (const procedure of ['kyphoplasty', 'vertebroplasty'] as const) {
    it(`${procedure}: each step renders, none blank, consecutive steps differ`, async () => {
      const v = await openViewer(suite.browser, suite.origin, `?procedure=${procedure}&controls=none`, {
        width: 960,
        height: 640,
      });
      const steps = await v.page.evaluate(
        () =>
          (
            document.querySelector('spine-procedure-viewer') as HTMLElement & {
              steps: { id: string; start: number; end: number }[];
            }
          ).steps,
      );
      const canvas = v.page.locator('spine-procedure-viewer canvas');
      const shots: Buffer[] = [];
      for (const step of steps) {
        await seekAndSettle(v.page, canonical(step));
        const shot = await canvas.screenshot({ path: `${ARTIFACTS}/3d-${procedure}-${step.id}.png` });
        shots.push(shot);
        expect((await v.state()).step).toBe(step.id);
      }
      for (let i = 0; i < shots.length; i++) {
        expect(await pngVariety(v.page, shots[i]!), `${steps[i]!.id} should not be blank`).toBeGreaterThan(
          0.1,
        );
      }
      for (let i = 1; i < shots.length; i++) {
        const difference = await screenshotDifference(v.page, shots[i - 1]!, shots[i]!);
        expect(difference, `${steps[i - 1]!.id} → ${steps[i]!.id} should look different`).toBeGreaterThan(
          0.004,
        );
      }
      expect(v.errors).toEqual([]);
      await v.close();
    });
  }

  it('scrubbing is exact: a frame reached by seeking backwards equals the frame reached forwards', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?controls=none', { width: 800, height: 560 });
    const canvas = v.page.locator('spine-procedure-viewer canvas');
    await seekAndSettle(v.page, 62);
    const forward = await canvas.screenshot();
    await seekAndSettle(v.page, 100);
    await seekAndSettle(v.page, 62);
    const backward = await canvas.screenshot();
    expect(await screenshotDifference(v.page, forward, backward)).toBeLessThan(0.002);
    await v.close();
  });
});
