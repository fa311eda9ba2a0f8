import type { Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vertebraLandmarks } from '../../src/anatomy/vertebraLandmarks';
import { C_ARM, coneFovDeg } from '../../src/fluoro/cArmGeometry';
import { LEAK_FINAL_ML, LEAK_SHOWN_STEP_PROGRESS, LEAK_STOP_FILL } from '../../src/procedure/complications';
import { imageStats, screenshotDifference } from './support/imageStats';
import { browserSuite } from './support/suite';
import { ARTIFACTS, openViewer, seekAndSettle, viewerControl } from './support/viewerPage';
import { screenshotOf } from './support/screenshotOf';

const suite = browserSuite();

type Viewer = HTMLElement & {
  complication: string;
  captureFluoro(o: { view: string }): Promise<string>;
  getRenderStats(): { subject: { x: number; y: number; radius: number } };
  steps: { id: string; start: number; end: number }[];
};

/** Half the image's width at the isocentre (the treated vertebra), mm: image fractions ↔ mm there. */
const HALF_FIELD_MM = C_ARM.sourceToIsocentreMm * Math.tan(((coneFovDeg() / 2) * Math.PI) / 180);
const L1 = vertebraLandmarks('L1');

async function capture(page: Page, view: 'ap' | 'lateral', name: string): Promise<string> {
  const url = await page.evaluate(
    (v) => (document.querySelector('spine-procedure-viewer') as Viewer).captureFluoro({ view: v }),
    view,
  );
  writeFileSync(`${ARTIFACTS}/complication-${name}.png`, Buffer.from(url.split(',')[1]!, 'base64'));
  return url;
}

async function setComplication(page: Page, value: string, t: number): Promise<void> {
  await page.evaluate((v) => {
    (document.querySelector('spine-procedure-viewer') as Viewer).complication = v;
  }, value);
  await seekAndSettle(page, t);
}

/**
 * The pixels that changed from image `a` to `b` (data URLs): `brighter` only those that got brighter (on a bone-white
 * X-ray: denser), else any visible change. How many, their centroid and horizontal extent in image fractions.
 */
async function changedPixels(page: Page, a: string, b: string, brighter = true) {
  await imageStats(page, a); // installs the page's decoder
  return page.evaluate(
    async ([urlA, urlB, onlyBrighter]) => {
      const decode = (window as unknown as { __spvPixels(src: string): Promise<ImageData> }).__spvPixels;
      const A = await decode(urlA);
      const B = (await decode(urlB)).data;
      let count = 0;
      let su = 0;
      let sv = 0;
      let uMin = 1;
      let uMax = 0;
      for (let y = 0; y < A.height; y++)
        for (let x = 0; x < A.width; x++) {
          const i = (y * A.width + x) * 4;
          const d = B[i]! - A.data[i]!;
          const any = Math.max(
            Math.abs(d),
            Math.abs(B[i + 1]! - A.data[i + 1]!),
            Math.abs(B[i + 2]! - A.data[i + 2]!),
          );
          if (onlyBrighter ? d > 30 : any > 25) {
            const u = x / A.width;
            count++;
            su += u;
            sv += y / A.height;
            uMin = Math.min(uMin, u);
            uMax = Math.max(uMax, u);
          }
        }
      return { count, u: su / Math.max(1, count), v: sv / Math.max(1, count), uMin, uMax };
    },
    [a, b, brighter] as const,
  );
}

const pngUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

describe('cement leak complications', () => {
  it('venous leak: state, 3D picture and both X-ray views; epidural shows behind the posterior wall', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?complication=venous&step=cement-injection');
    const steps = await v.page.evaluate(
      () => (document.querySelector('spine-procedure-viewer') as Viewer).steps,
    );
    const injection = steps.find((s) => s.id === 'cement-injection')!;
    const t = injection.start + (injection.end - injection.start) * LEAK_SHOWN_STEP_PROGRESS;
    await seekAndSettle(v.page, t);

    const leaking = await v.state();
    expect(leaking.complication).toBe('venous');
    expect(leaking.step).toBe('cement-injection');
    expect(leaking.leakVolumeMl as number).toBeCloseTo(LEAK_FINAL_ML.venous, 2);
    expect(leaking.cementFill as number, 'injection stopped once the leak was seen').toBeCloseTo(
      LEAK_STOP_FILL,
      3,
    );
    const canvas = v.page.locator('spine-procedure-viewer canvas').first();
    await screenshotOf(canvas, { path: `${ARTIFACTS}/complication-venous-3d.png` });
    const subject = await v.page.evaluate(
      () => (document.querySelector('spine-procedure-viewer') as Viewer).getRenderStats().subject,
    );
    // The guided camera widens its shot to hold the leak; a free camera keeps one view for the comparison.
    // Beside the view toggles, or in the More menu when the viewer is crowded.
    await (await viewerControl(v.page, '.spv-camera-button[data-nudge="out"]')).click();
    await seekAndSettle(v.page, t);
    const shot3d = await screenshotOf(canvas, { path: `${ARTIFACTS}/complication-venous-3d-free.png` });
    const venousAp = await capture(v.page, 'ap', 'venous-ap');
    const venousLateral = await capture(v.page, 'lateral', 'venous-lateral');

    await setComplication(v.page, 'none', t);
    const clean = await v.state();
    expect(clean.complication).toBe('none');
    expect(clean.leakVolumeMl).toBe(0);
    expect(clean.cementFill as number).toBeGreaterThan(LEAK_STOP_FILL + 0.1);
    const shotNone = await screenshotOf(canvas, { path: `${ARTIFACTS}/complication-none-3d-free.png` });
    const noneAp = await capture(v.page, 'ap', 'none-ap');
    const noneLateral = await capture(v.page, 'lateral', 'none-lateral');

    // 3D: the leak changes the picture around the treated body (the cement also stops short with a leak).
    expect(await screenshotDifference(v.page, shotNone, shot3d)).toBeGreaterThan(0.002);
    const box = await canvas.boundingBox();
    const seen = await changedPixels(v.page, pngUrl(shotNone), pngUrl(shot3d), false);
    const [cx, cy] = [seen.u * box!.width, seen.v * box!.height];
    expect(
      Math.hypot(cx - subject.x, cy - subject.y),
      'the change lies around the treated body',
    ).toBeLessThan(2 * subject.radius);

    // AP: the segmental veins show as dense lines beyond both sides of the body.
    const ap = await changedPixels(v.page, noneAp, venousAp);
    const bodyHalf = L1.bodyWidthMm / 2 / (2 * HALF_FIELD_MM);
    expect(ap.count, 'the AP image gains dense cement').toBeGreaterThan(40);
    expect(ap.uMin, 'on the patient’s left beyond the body').toBeLessThan(0.5 - bodyHalf);
    expect(ap.uMax, 'and on the right').toBeGreaterThan(0.5 + bodyHalf);

    // Lateral: dense cement appears behind the posterior wall (the image's right is the patient's back).
    const lateral = await changedPixels(v.page, noneLateral, venousLateral);
    const wall = 0.5 - L1.posteriorWallZ / (2 * HALF_FIELD_MM);
    expect(lateral.count, 'the lateral image gains dense cement').toBeGreaterThan(40);
    expect(lateral.uMax).toBeGreaterThan(wall);

    // Epidural: through the posterior wall into the canal: on the lateral view, behind the wall, before the pedicle's end.
    await setComplication(v.page, 'epidural', t);
    const epidural = await changedPixels(
      v.page,
      noneLateral,
      await capture(v.page, 'lateral', 'epidural-lateral'),
    );
    const canalBack = 0.5 - (L1.posteriorWallZ - L1.canalDepthMm) / (2 * HALF_FIELD_MM);
    expect(epidural.count).toBeGreaterThan(20);
    expect(epidural.u, 'centred behind the posterior wall').toBeGreaterThan(wall - 0.005);
    expect(epidural.u, 'inside the canal').toBeLessThan(canalBack);
    expect(v.errors).toEqual([]);
    await v.close();
  }, 150_000);

  it('an unknown complication gives a notice and none; the risks panel button shows a venous leak', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?complication=bogus&panel=risks');
    const notices = await v.page.locator('spine-procedure-viewer .spv-notice').allTextContents();
    expect(notices.join(' ')).toMatch(/complication/i);
    expect((await v.state()).complication).toBe('none');

    await v.page.locator('spine-procedure-viewer .spv-show-leak').click();
    await v.page.waitForFunction(
      () =>
        (
          document.querySelector('spine-procedure-viewer') as unknown as {
            getState(): { leakVolumeMl: number };
          }
        ).getState().leakVolumeMl > 0,
    );
    const s = await v.state();
    expect(s.complication).toBe('venous');
    expect(s.step).toBe('cement-injection');
    expect(s.panel).toBe('none');
    const caption = await v.page.locator('spine-procedure-viewer .spv-caption-text').textContent();
    expect(caption).toMatch(/vein/);
    await v.close();
  }, 90_000);
});
