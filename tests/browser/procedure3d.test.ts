import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite';
import { pngVariety, screenshotDifference } from './support/imageStats';
import { ARTIFACTS, openViewer, seekAndSettle } from './support/viewerPage';
import { screenshotOf } from './support/screenshotOf';

const suite = browserSuite();

/** The canonical frame of a step: 70 % of the way through, when its action is well under way. */
const canonical = (step: { start: number; end: number }) => step.start + (step.end - step.start) * 0.7;

/** Phone portrait, laptop, wall screen: every step must read at each. */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
  { width: 1920, height: 1080 },
] as const;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The canvas part no overlay covers, from the layout rules: the top bar (56 px; 118 px with the cure indicator,
 * ui/styles/cure.css .spv-cure) and, while a step uses fluoroscopy, the X-ray inset at the bottom right (a square of
 * min(34 % width, 50 % height), 12 px from the edges; fluoro/fluoroLayout). Of "left of the inset" and "above
 * it", the one with the larger smaller side.
 */
function freeArea(
  width: number,
  height: number,
  inset: boolean,
  cure: boolean,
): { free: Rect; inset: Rect | null } {
  const top = cure ? 118 : 56;
  const free = { x: 12, y: top, width: width - 24, height: height - top - 12 };
  if (!inset) return { free, inset: null };
  const size = Math.round(Math.min(width * 0.34, height * 0.5));
  const box = { x: width - size - 12, y: height - size - 12, width: size, height: size };
  const left = { ...free, width: box.x - 24 };
  const above = { ...free, height: box.y - 12 - top };
  const pick = Math.min(left.width, left.height) >= Math.min(above.width, above.height) ? left : above;
  return { free: pick, inset: box };
}

describe('every step in 3D, both procedures, three screen shapes', () => {
  for (const procedure of ['kyphoplasty', 'vertebroplasty'] as const) {
    for (const size of SIZES) {
      const name = `${size.width}x${size.height}`;
      it(`${procedure} ${name}: each step renders its subject large and central, none blank, neighbours differ`, async () => {
        // One page per procedure and size: steps are reached by seeking, not by reloading.
        const v = await openViewer(
          suite.browser,
          suite.origin,
          `?procedure=${procedure}&controls=none`,
          size,
        );
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
          const shot = await screenshotOf(canvas, {
            path: `${ARTIFACTS}/3d-${name}-${procedure}-${step.id}.png`,
          });
          shots.push(shot);
          const state = await v.state();
          expect(state.step).toBe(step.id);

          const box = (await canvas.boundingBox())!;
          const { subject } = await v.page.evaluate(() =>
            document.querySelector('spine-procedure-viewer')!.getRenderStats(),
          );
          const { free, inset } = freeArea(
            box.width,
            box.height,
            state.fluoroView !== 'none',
            step.id === 'cement-hardening',
          );
          const where = `${procedure} ${name} ${step.id}: subject at ${subject.x.toFixed(0)},${subject.y.toFixed(0)} r ${subject.radius.toFixed(0)}`;
          // Centred in the free area (within 5 % of its size) ...
          expect(Math.abs(subject.x - (free.x + free.width / 2)), where).toBeLessThan(free.width * 0.05);
          expect(Math.abs(subject.y - (free.y + free.height / 2)), where).toBeLessThan(free.height * 0.05);
          // ... large: its bounding circle spans 50–90 % of the free area's smaller side ...
          const side = Math.min(free.width, free.height);
          expect(subject.radius * 2, where).toBeGreaterThan(side * 0.5);
          expect(subject.radius * 2, where).toBeLessThan(side * 0.9);
          // ... and never under the X-ray inset.
          if (inset) {
            const dx = Math.max(inset.x - subject.x, 0, subject.x - (inset.x + inset.width));
            const dy = Math.max(inset.y - subject.y, 0, subject.y - (inset.y + inset.height));
            expect(Math.hypot(dx, dy), where).toBeGreaterThan(subject.radius * 0.8);
          }
          // The lines' legend: named in the picture exactly when the lines show (kyphoplasty's inflation, removal and
          // result: two tags; the overview's veil of the normal height: one), and inside the canvas even where the
          // body's front is near its edge (the phone).
          const tags = await v.page
            .locator('spine-procedure-viewer .spv-outline-tag')
            .evaluateAll((els) =>
              els
                .filter((el) => getComputedStyle(el).display !== 'none')
                .map((el) => el.getBoundingClientRect()),
            );
          const lined =
            procedure === 'kyphoplasty' &&
            ['balloon-inflation', 'balloon-removal', 'result'].includes(step.id);
          expect(tags.length, `${where}: tags shown`).toBe(lined ? 2 : step.id === 'overview' ? 1 : 0);
          for (const tag of tags) {
            expect(tag.left, `${where}: tag inside the canvas`).toBeGreaterThanOrEqual(box.x);
            // On a phone held upright the tags break between words, so they stay clear of the body beside them
            // (on one line, the result's covered the front of the cement).
            if (box.width < 480)
              expect(tag.width, `${where}: tag narrow on a phone`).toBeLessThan(box.width * 0.3);
          }
        }
        for (let i = 0; i < shots.length; i++) {
          expect(await pngVariety(v.page, shots[i]!), `${steps[i]!.id} should not be blank`).toBeGreaterThan(
            0.1,
          );
        }
        const differences: string[] = [];
        for (let i = 1; i < shots.length; i++) {
          const difference = await screenshotDifference(v.page, shots[i - 1]!, shots[i]!);
          differences.push(`${steps[i]!.id} ${difference.toFixed(3)}`);
          expect(difference, `${steps[i - 1]!.id} → ${steps[i]!.id} should look different`).toBeGreaterThan(
            0.02,
          );
        }
        console.log(`${procedure} ${name} differences: ${differences.join(', ')}`);
        expect(v.errors).toEqual([]);
        await v.close();
      }, 300_000);
    }
  }

  it('scrubbing is exact: a frame reached by seeking backwards equals the frame reached forwards', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?controls=none', { width: 800, height: 560 });
    const canvas = v.page.locator('spine-procedure-viewer canvas');
    await seekAndSettle(v.page, 62);
    const forward = await screenshotOf(canvas);
    await seekAndSettle(v.page, 100);
    await seekAndSettle(v.page, 62);
    const backward = await screenshotOf(canvas);
    expect(await screenshotDifference(v.page, forward, backward)).toBeLessThan(0.002);
    await v.close();
  });
});
