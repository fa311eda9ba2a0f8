import type { Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite';
import { C_ARM, coneFovDeg } from '../../src/fluoro/cArmGeometry';
import { accessPlan, tipAt } from '../../src/procedure/accessPath';
import { vertebraLandmarks } from '../../src/anatomy/vertebraLandmarks';
import { imageCorrelation, imageStats, type Region } from './support/imageStats';
import { ARTIFACTS, openViewer, seekAndSettle } from './support/viewerPage';

const suite = browserSuite();

type Viewer = HTMLElement & {
  captureFluoro(o: { view: string }): Promise<string>;
  steps: { id: string; start: number; end: number }[];
  view: string;
};

async function capture(page: Page, t: number, view: 'ap' | 'lateral', name: string): Promise<string> {
  await seekAndSettle(page, t);
  const url = await page.evaluate(
    (v) => (document.querySelector('spine-procedure-viewer') as Viewer).captureFluoro({ view: v }),
    view,
  );
  writeFileSync(`${ARTIFACTS}/fluoro-${name}.png`, Buffer.from(url.split(',')[1]!, 'base64'));
  return url;
}

async function stepTimes(page: Page): Promise<Record<string, { start: number; end: number }>> {
  const steps = await page.evaluate(() => (document.querySelector('spine-procedure-viewer') as Viewer).steps);
  return Object.fromEntries(steps.map((s) => [s.id, s]));
}

/**
 * Where a point of the treated vertebra (world mm: +X patient's left, +Z cranial) lands on the AP image:
 * the source is below the table; the image is shown as seen from behind, so image left = patient's left, up = cranial.
 */
function apImagePoint(x: number, z: number): [number, number] {
  const half = C_ARM.sourceToIsocentreMm * Math.tan(((coneFovDeg() / 2) * Math.PI) / 180);
  return [0.5 - x / (2 * half), 0.5 - z / (2 * half)];
}

/**
 * The same for any point of the treated vertebra's frame (x left, y cranial, z anterior): a point behind the
 * isocentre (nearer the detector above the back) lies further from the source below, so it projects scaled by
 * d / (d + posterior) towards the centre, against a point in the isocentre's plane.
 */
function apImagePointOf(p: readonly number[]): [number, number] {
  const scale = C_ARM.sourceToIsocentreMm / (C_ARM.sourceToIsocentreMm - p[2]!);
  return apImagePoint(p[0]! * scale, p[1]! * scale);
}

const around = ([u, v]: [number, number], r: number): Region => ({
  x0: u - r,
  y0: v - r,
  x1: u + r,
  y1: v + r,
});

/*
 * The captured X-ray image has its own size; the page around it can be small (software GL spends its time on the
 * 3D view's pixels).
 */
const SMALL = { width: 640, height: 480 };

describe('simulated fluoroscopy', () => {
  it('AP and lateral images are structured, deterministic, and show the trocar in the pedicle after access', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?level=L1', SMALL);
    const steps = await stepTimes(v.page);
    const before = await capture(v.page, steps.targeting!.start + 0.5, 'ap', 'ap-before-access');
    const after = await capture(v.page, steps.access!.end - 0.1, 'ap', 'ap-after-access');
    const again = await capture(v.page, steps.access!.end - 0.1, 'ap', 'ap-after-access-again');
    expect(again, 'same time and options give the same image').toBe(after);

    const whole = await imageStats(v.page, after);
    expect(whole.std, 'the image is not uniform').toBeGreaterThan(0.08);

    // The left needle passes the pedicle half-way along its path inside bone.
    const needle = accessPlan('L1', 'bipedicular').needles[0]!;
    const p = tipAt(needle, needle.posteriorWallDepthMm * 0.6, [0, 0, 0]);
    const pedicle = around(apImagePoint(p[0], p[1]), 0.02);
    // Caudal of the level: the needles' shafts run cranial-lateral from the pedicles out to their hubs.
    const control = around(apImagePoint(-vertebraLandmarks('L1').bodyWidthMm * 1.2, -30), 0.02);
    const gain =
      (await imageStats(v.page, after, pedicle)).mean - (await imageStats(v.page, before, pedicle)).mean;
    const drift = Math.abs(
      (await imageStats(v.page, after, control)).mean - (await imageStats(v.page, before, control)).mean,
    );
    expect(gain, 'steel in the pedicle shows bright (bone-white polarity)').toBeGreaterThan(0.15);
    // Metal seen nearly end-on (cannula and drill together) stays saturated bright: no dark core where the
    // display's curve could overflow.
    const drilling = await capture(v.page, steps.drilling!.end - 0.1, 'ap', 'ap-drilling');
    const core = around(apImagePoint(p[0], p[1]), 0.006);
    expect((await imageStats(v.page, drilling, core)).mean, 'steel core is bright').toBeGreaterThan(0.75);
    expect(drift, 'away from the needle the image barely changes').toBeLessThan(0.05);
    // A transpedicular needle runs in from the cranial-lateral aspect of the pedicle, converging and tilted caudally,
    // so on a true AP its shaft projects as a line out towards its hub, not end-on as a blob: steel shows where the
    // shaft passes 40 mm behind the bone entry, and not 14 mm caudal of that point.
    const shaft = tipAt(needle, -40, [0, 0, 0]);
    const onShaft = around(apImagePointOf(shaft), 0.006);
    const offShaft = around(apImagePointOf([shaft[0], shaft[1] - 14, shaft[2]]), 0.006);
    const gainAt = async (r: Region) =>
      (await imageStats(v.page, after, r)).mean - (await imageStats(v.page, before, r)).mean;
    expect(await gainAt(onShaft), 'the shaft behind the pedicle shows on AP').toBeGreaterThan(0.15);
    expect(await gainAt(offShaft), "beside the shaft's line nothing changes").toBeLessThan(0.06);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  for (const procedure of ['kyphoplasty', 'vertebroplasty'] as const) {
    it(`${procedure}: the lateral image changes where the cement appears`, async () => {
      const v = await openViewer(suite.browser, suite.origin, `?procedure=${procedure}`, SMALL);
      const steps = await stepTimes(v.page);
      const before = await capture(
        v.page,
        steps['cement-injection']!.start + 0.2,
        'lateral',
        `${procedure}-lateral-before-cement`,
      );
      const after = await capture(
        v.page,
        steps['cement-injection']!.end - 0.1,
        'lateral',
        `${procedure}-lateral-after-cement`,
      );
      // The body sits at the image centre; the anterior third (where cement goes) is toward the patient's front,
      // on the image's left (shown as seen from the patient's left).
      const body: Region = { x0: 0.38, y0: 0.42, x1: 0.58, y1: 0.58 };
      const corner: Region = { x0: 0.2, y0: 0.2, x1: 0.3, y1: 0.3 };
      const gain =
        (await imageStats(v.page, after, body)).mean - (await imageStats(v.page, before, body)).mean;
      const drift = Math.abs(
        (await imageStats(v.page, after, corner)).mean - (await imageStats(v.page, before, corner)).mean,
      );
      expect(gain, 'barium-loaded cement shows bright').toBeGreaterThan(0.08);
      expect(drift).toBeLessThan(0.04);
      await v.close();
    });
  }

  it('lung fields beside the thoracic spine are darker (bone white) than the abdomen beside the lumbar spine', async () => {
    const chest = await openViewer(suite.browser, suite.origin, '?level=T8', SMALL);
    const belly = await openViewer(suite.browser, suite.origin, '?level=L3', SMALL);
    const t = (await stepTimes(chest.page)).targeting!.start + 0.5;
    const tBelly = (await stepTimes(belly.page)).targeting!.start + 0.5;
    const lungImage = await capture(chest.page, t, 'ap', 'ap-T8-lungs');
    const bellyImage = await capture(belly.page, tBelly, 'ap', 'ap-L3-abdomen');
    // Beside the spine, a third of the way out: lung at T8, bowel and muscle at L3.
    const side: Region = { x0: 0.2, y0: 0.4, x1: 0.28, y1: 0.6 };
    const lung = (await imageStats(chest.page, lungImage, side)).mean;
    const abdomen = (await imageStats(belly.page, bellyImage, side)).mean;
    expect(abdomen - lung, 'aerated lung transmits more: darker with bone white').toBeGreaterThan(0.08);
    // Seek-exact: the same time renders the same image, noise included.
    expect(await capture(chest.page, t, 'ap', 'ap-T8-lungs-again')).toBe(lungImage);
    await chest.close();
    await belly.close();
  });

  it('the polarity toggle inverts the image', async () => {
    const white = await openViewer(suite.browser, suite.origin, '?step=access&polarity=bone-white', SMALL);
    const black = await openViewer(suite.browser, suite.origin, '?step=access&polarity=bone-black', SMALL);
    const t = (await stepTimes(white.page)).access!.end - 0.1;
    const a = await capture(white.page, t, 'ap', 'polarity-bone-white');
    const b = await capture(black.page, t, 'ap', 'polarity-bone-black');
    expect(await imageCorrelation(white.page, a, b)).toBeLessThan(-0.8);
    await white.close();
    await black.close();
  });

  it('split view shows AP and lateral side by side; an unknown capture view is refused', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?view=split&step=cement-injection');
    await seekAndSettle(v.page, (await v.state()).time + 6);
    await v.screenshot('fluoro-split-view');
    const names = await v.page
      .locator('spine-procedure-viewer .spv-fluoro-panel:not([hidden]) .spv-fluoro-name')
      .allTextContents();
    expect(names).toEqual(['AP view', 'Lateral view']);
    // Orientation markers: both images are shown as the 3D camera sees the patient (AP from behind, lateral from the
    // patient's left): the patient's left and the front on the image's left.
    const marker = (which: string) =>
      v.page
        .locator(`spine-procedure-viewer .spv-fluoro-panel:not([hidden]) .spv-fluoro-marker-${which}`)
        .allTextContents();
    expect(await marker('left')).toEqual(['L', 'Front']);
    expect(await marker('right')).toEqual(['R', 'Back']);
    expect(await marker('head')).toEqual(['↑ Head', '↑ Head']);
    const beams = await v.page
      .locator('spine-procedure-viewer .spv-fluoro-panel:not([hidden]) .spv-fluoro-beam')
      .allTextContents();
    expect(beams).toEqual(['Beam from below, through the table', "Beam from the patient's right side"]);
    const refused = await v.page.evaluate(async () => {
      const el = document.querySelector('spine-procedure-viewer') as Viewer;
      const events: string[] = [];
      el.addEventListener('error', (e) =>
        events.push((e as unknown as CustomEvent<{ type: string }>).detail.type),
      );
      try {
        await el.captureFluoro({ view: 'oblique' });
        return 'accepted';
      } catch {
        return events.join(',');
      }
    });
    expect(refused).toBe('command');
    await v.close();
  });

  it.each([
    ['English', ''],
    ['Spanish', '&lang=es'],
  ])("on a phone the inset's labels keep off the image's middle and apart (%s)", async (language, lang) => {
    const v = await openViewer(suite.browser, suite.origin, `?step=targeting${lang}`, {
      width: 375,
      height: 667,
    });
    const targeting = (await stepTimes(v.page)).targeting!;
    // Late in the step: the AP view, the needles docked, the X-ray on.
    await seekAndSettle(v.page, targeting.start + (targeting.end - targeting.start) * 0.7);
    await v.screenshot(`fluoro-phone-inset${lang ? '-es' : ''}`);
    const boxes = await v.page.evaluate(() => {
      const panel = document
        .querySelector('spine-procedure-viewer')!
        .shadowRoot!.querySelector<HTMLElement>('.spv-fluoro-panel:not([hidden])')!;
      const box = (selector: string) => {
        const r = panel.querySelector(selector)!.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      const p = panel.getBoundingClientRect();
      return {
        panel: { left: p.left, top: p.top, right: p.right, bottom: p.bottom },
        name: box('.spv-fluoro-name'),
        lamp: box('.spv-xray-lamp'),
        glyph: box('.spv-fluoro-glyph'),
        head: box('.spv-fluoro-marker-head'),
        enlarge: (() => {
          const r = panel.parentElement!.querySelector('.spv-fluoro-enlarge')!.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        })(),
        xray: panel.dataset.xray,
      };
    });
    type Box = (typeof boxes)['panel'];
    const apart = (a: Box, b: Box) =>
      a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
    const { panel, name, lamp, head } = boxes;
    const size = panel.bottom - panel.top;
    expect(size, 'a phone-sized inset').toBeLessThan(200);
    expect(boxes.xray).toBe('true');
    expect(apart(name, lamp), 'title and badge').toBe(true);
    expect(apart(head, lamp), 'head marker and badge').toBe(true);
    expect(apart(head, name), 'head marker and title').toBe(true);
    // The head marker at the image's top edge, the badge in its bottom corner: the treated level (the middle) clear.
    expect(head.bottom - panel.top).toBeLessThan(size * 0.35);
    expect(lamp.top - panel.top).toBeGreaterThan(size * 0.75);
    expect(panel.right - lamp.right, 'badge against the right edge').toBeLessThan(12);
    expect(lamp.left - panel.left, 'badge clear of the beam sketch').toBeGreaterThan(size * 0.4);
    expect(apart(lamp, boxes.glyph), `${language} badge and beam sketch`).toBe(true);
    // The enlarge button in the top right corner, inside the inset, clear of every label.
    const { enlarge } = boxes;
    expect(enlarge.right).toBeLessThanOrEqual(panel.right);
    expect(enlarge.top).toBeGreaterThanOrEqual(panel.top);
    for (const [label, other] of Object.entries({ name, lamp, head }))
      expect(apart(enlarge, other), `enlarge button and ${label}`).toBe(true);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('on a phone the inset opens over the whole stage and leads back to 3D, by touch or keyboard', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?step=targeting', { width: 375, height: 667 });
    const targeting = (await stepTimes(v.page)).targeting!;
    await seekAndSettle(v.page, targeting.start + (targeting.end - targeting.start) * 0.7);
    const viewOf = () =>
      v.page.evaluate(() => (document.querySelector('spine-procedure-viewer') as Viewer).view);
    const panel = v.page.locator('spine-procedure-viewer .spv-fluoro-panel:not([hidden])');
    const inset = await panel.boundingBox();
    const enlarge = v.page.getByRole('button', { name: 'Enlarge the X-ray' });
    await enlarge.click();
    expect(await viewOf()).toBe('fluoro');
    await seekAndSettle(v.page, targeting.start + (targeting.end - targeting.start) * 0.7);
    const whole = await panel.boundingBox();
    expect(whole!.width, 'the X-ray across the stage').toBeGreaterThan(inset!.width * 2.4);
    expect(await panel.getAttribute('data-view')).toBe('ap');
    const back = v.page.getByRole('button', { name: 'Back to 3D' });
    expect(await back.isVisible()).toBe(true);
    // The same button, now the way back, keeps the focus: a keyboard user presses Enter again to return.
    expect(
      await back.evaluate(
        (el) =>
          el.getRootNode() instanceof ShadowRoot && el === (el.getRootNode() as ShadowRoot).activeElement,
      ),
    ).toBe(true);
    const backBox = (await back.boundingBox())!;
    expect(backBox.x + backBox.width).toBeLessThanOrEqual(whole!.x + whole!.width);
    expect(backBox.y).toBeGreaterThanOrEqual(whole!.y);
    await v.screenshot('fluoro-phone-enlarged');
    await v.page.keyboard.press('Enter');
    expect(await viewOf()).toBe('3d');
    expect(await enlarge.isVisible()).toBe(true);
    expect(await back.count()).toBe(0);
    // Chosen from the view menu, the whole-stage X-ray offers no corner button: the menu is the way back there.
    await v.page.evaluate(() => {
      (document.querySelector('spine-procedure-viewer') as Viewer).view = 'fluoro';
    });
    await panel.first().waitFor();
    expect(await v.page.locator('spine-procedure-viewer .spv-fluoro-enlarge').count()).toBe(0);
    expect(v.errors).toEqual([]);
    await v.close();
  });
});
