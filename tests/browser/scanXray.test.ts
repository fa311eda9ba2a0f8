import type { Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { C_ARM, coneFovDeg } from '../../src/fluoro/cArmGeometry';
import { PHANTOM, PHANTOM_CENTRE, phantomVolume } from '../support/ctPhantom';
import { phantomLineIntegral, type V3 } from '../unit/scan/drr/phantomProjection';
import { imageStats, screenshotDifference } from './support/imageStats';
import { browserSuite } from './support/suite';
import { ARTIFACTS, openViewer, seekAndSettle } from './support/viewerPage';

const suite = browserSuite();

type Viewer = HTMLElement & {
  captureFluoro(o: { view: string }): Promise<string>;
  steps: { id: string; start: number; end: number }[];
  getRenderStats(): { drawCalls: number; triangles: number };
  controller: { scan: { setVolume(v: unknown): void; setTarget(t: unknown): void; clear(): void } };
};

const SIZE = 512;
/** Half the field at the isocentre (mm): the cone's half-angle × source–isocentre distance. */
const HALF = C_ARM.sourceToIsocentreMm * Math.tan(((coneFovDeg() / 2) * Math.PI) / 180);
const R = C_ARM.sourceToIsocentreMm;

/**
 * The ray through the centre of pixel (column, row) of a captured view, relative to the target (the phantom's
 * centre). Shown as seen from the guided camera's side: on AP image left = patient's left (+x), on lateral image
 * right = posterior (+y); up = cranial.
 */
function pixelRay(view: 'ap' | 'lateral', column: number, row: number): { from: V3; dir: V3 } {
  const across = (0.5 - (column + 0.5) / SIZE) * 2 * HALF;
  const up = (0.5 - (row + 0.5) / SIZE) * 2 * HALF;
  const [from, towards]: [V3, V3] =
    view === 'ap'
      ? [
          [0, -R, 0],
          [across, 0, up],
        ]
      : [
          [-R, 0, 0],
          [0, -across, up],
        ];
  const d = [towards[0] - from[0], towards[1] - from[1], towards[2] - from[2]];
  const n = Math.hypot(...d);
  return { from, dir: [d[0]! / n, d[1]! / n, d[2]! / n] };
}

/** Σ μ·L of the phantom along a row band of a view's pixels (the analytic projection). */
function analyticRow(view: 'ap' | 'lateral', row: number): number[] {
  return Array.from({ length: SIZE }, (_, c) => {
    const { from, dir } = pixelRay(view, c, row);
    return phantomLineIntegral(from, dir).integral;
  });
}

/** Row of the image at height z (mm at the isocentre, cranial up). */
const rowAt = (z: number) => Math.round(SIZE / 2 - (z / (2 * HALF)) * SIZE - 0.5);
/** Column of the image at `across` mm at the isocentre (AP: patient's left is image left; lateral: posterior right). */
const columnAt = (view: 'ap' | 'lateral', mm: number) =>
  view === 'ap' ? SIZE / 2 - (mm / (2 * HALF)) * SIZE : SIZE / 2 + (mm / (2 * HALF)) * SIZE;

/** Grey levels (0–1) of a capture, row-major. */
async function grey(page: Page, url: string): Promise<Float32Array> {
  await imageStats(page, url); // installs the page's decoder
  const values = await page.evaluate(async (src) => {
    const decode = (window as unknown as { __spvPixels(s: string): Promise<ImageData> }).__spvPixels;
    const { data } = await decode(src);
    const out: number[] = [];
    for (let i = 0; i < data.length; i += 4) out.push((data[i]! + data[i + 1]! + data[i + 2]!) / 765);
    return out;
  }, url);
  return Float32Array.from(values);
}

/** Mean of image rows [row − half, row + half] per column. */
function band(image: Float32Array, row: number, half: number): number[] {
  return Array.from({ length: SIZE }, (_, c) => {
    let s = 0;
    for (let r = row - half; r <= row + half; r++) s += image[r * SIZE + c]!;
    return s / (2 * half + 1);
  });
}

/**
 * Where a profile crosses `fraction` of the way from its level at `outside` to that at `inside` (columns), searched
 * from inside out: the edge position, sub-pixel. Works on both the analytic Σ μ·L and the displayed grey (a
 * monotone map of it).
 */
function halfCrossing(profile: number[], inside: number, outside: number, fraction = 0.5): number {
  const mean = (c: number) => (profile[c - 1]! + profile[c]! + profile[c + 1]!) / 3;
  const level = mean(Math.round(outside)) + fraction * (mean(Math.round(inside)) - mean(Math.round(outside)));
  const step = outside > inside ? 1 : -1;
  for (let c = Math.round(inside); c !== Math.round(outside); c += step) {
    const a = profile[c]! - level;
    const b = profile[c + step]! - level;
    if (a === 0) return c;
    if (Math.sign(a) !== Math.sign(b)) return c + (step * a) / (a - b);
  }
  return NaN;
}

/**
 * Where an edge lies: the centroid of the profile's slope over [from, to], less the background slope seen at the
 * window's ends. Takes a two-step edge to its steps' mean, on the analytic Σ μ·L and the blurred grey alike.
 */
function edgeCentroid(profile: number[], from: number, to: number): number {
  const slope = (c: number) => Math.abs(profile[c + 1]! - profile[c]!);
  const base =
    (slope(from) + slope(from + 1) + slope(from + 2) + slope(to - 1) + slope(to - 2) + slope(to - 3)) / 6;
  let s = 0;
  let w = 0;
  for (let c = from; c < to; c++) {
    const g = Math.max(0, slope(c) - base);
    s += g * (c + 0.5);
    w += g;
  }
  return s / w;
}

/** Centroid of a profile's excess over its smaller end in [from, to]: where a narrow dense object lands. */
function centroid(profile: number[], from: number, to: number): number {
  const base = Math.min(profile[from]!, profile[to]!);
  let s = 0;
  let w = 0;
  for (let c = from; c <= to; c++) {
    const e = Math.max(0, profile[c]! - base);
    s += e * c;
    w += e;
  }
  return s / w;
}

/** Share of a screenshot's pixels in the 3D view (left 70 %) that are bone-coloured (ivory, lit or shaded). */
async function boneShare(page: Page, png: Buffer): Promise<number> {
  const url = `data:image/png;base64,${png.toString('base64')}`;
  await imageStats(page, url); // installs the page's decoder
  return page.evaluate(async (src) => {
    const decode = (window as unknown as { __spvPixels(s: string): Promise<ImageData> }).__spvPixels;
    const { data, width, height } = await decode(src);
    let bone = 0;
    let all = 0;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width * 0.7; x++) {
        const i = (y * width + x) * 4;
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        all++;
        // Warm and light: red over blue by 15–80 (the background and table are cool grey, skin is pinker/darker).
        if (r > 150 && g > 140 && r - b > 15 && r - b < 80 && r - g < 30) bone++;
      }
    return bone / all;
  }, url);
}

async function loadPhantom(page: Page): Promise<void> {
  const volume = phantomVolume();
  const { hu, ...meta } = volume;
  const base64 = Buffer.from(hu.buffer, hu.byteOffset, hu.byteLength).toString('base64');
  await page.evaluate(
    ([m, b64, centre]) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const el = document.querySelector('spine-procedure-viewer') as unknown as Viewer;
      el.controller.scan.setVolume({ ...m, hu: new Int16Array(bytes.buffer) });
      el.controller.scan.setTarget({ x: centre[0], y: centre[1], z: centre[2], level: 'L1' });
    },
    [meta, base64, PHANTOM_CENTRE] as const,
  );
}

/** Wait until the scene is whole again: the scan's X-ray and bone surface report themselves loaded. */
async function sceneComplete(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (
        document.querySelector('spine-procedure-viewer') as unknown as {
          getRenderStats(): { sceneComplete: boolean };
        }
      ).getRenderStats().sceneComplete,
    undefined,
    { timeout: 30_000 },
  );
}

async function capture(page: Page, view: 'ap' | 'lateral', name: string): Promise<string> {
  const url = await page.evaluate(
    (v) => (document.querySelector('spine-procedure-viewer') as unknown as Viewer).captureFluoro({ view: v }),
    view,
  );
  writeFileSync(`${ARTIFACTS}/scan-${name}.png`, Buffer.from(url.split(',')[1]!, 'base64'));
  return url;
}

describe('the procedure on a patient scan', () => {
  it('X-rays are the scan’s projection (edges and rods where the C-arm puts them) and 3D shows its bone', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?level=L1&polarity=bone-white', {
      width: 1280,
      height: 800,
    });
    const steps = Object.fromEntries(
      (
        await v.page.evaluate(
          () => (document.querySelector('spine-procedure-viewer') as unknown as Viewer).steps,
        )
      ).map((s) => [s.id, s]),
    );
    // Before the instruments go in: only the scan on the X-ray.
    await seekAndSettle(v.page, steps.targeting!.start + 0.3);
    await loadPhantom(v.page);
    await sceneComplete(v.page);

    // AP. Block edges: on a band of rows clear of the rods (z = 6–10 mm), left and right.
    const ap = await grey(v.page, await capture(v.page, 'ap', 'ap'));
    const blockRow = rowAt(8);
    const apBand = band(ap, blockRow, 5);
    const apAnalytic = analyticRow('ap', blockRow);
    const halfBlock = PHANTOM.block.sizeMm[0] / 2;
    for (const side of [-1, 1]) {
      const inside = columnAt('ap', side * halfBlock * 0.5);
      const outside = columnAt('ap', side * halfBlock * 1.6);
      const expected = halfCrossing(apAnalytic, inside, outside);
      const seen = halfCrossing(apBand, inside, outside);
      expect(
        Math.abs(seen - expected),
        `AP block edge (${side > 0 ? 'left' : 'right'}) at ${expected}`,
      ).toBeLessThanOrEqual(2);
    }
    // The block reads brighter than the tissue beside it (bone white).
    expect(apBand[columnAt('ap', 0) | 0]! - apBand[columnAt('ap', 30) | 0]!).toBeGreaterThan(0.1);
    // Rods: end-on on AP, dense discs at z = 0 over the block, at x = ±12 mm magnified as the C-arm geometry says.
    const rodBand = band(ap, rowAt(0), 2);
    const rodAnalytic = analyticRow('ap', rowAt(0));
    for (const x of PHANTOM.rods.xMm) {
      const from = Math.round(columnAt('ap', x + 7.5));
      const to = Math.round(columnAt('ap', x - 7.5));
      const [lo, hi] = [Math.min(from, to), Math.max(from, to)];
      const expected = centroid(rodAnalytic, lo, hi);
      expect(Math.abs(centroid(rodBand, lo, hi) - expected), `AP rod at x = ${x} mm`).toBeLessThanOrEqual(2);
      // Brighter than the block between the rods (bone white: denser is brighter).
      expect(rodBand[Math.round(expected)]! - rodBand[Math.round(columnAt('ap', 0))]!).toBeGreaterThan(0.05);
    }

    // Lateral: the rods run back from the block (posterior, image right); their ends where the geometry says. The
    // two rods are magnified differently (12 mm nearer and further from the source), so their ends make a
    // two-step edge 1.5 mm apart: its position is the centroid of the drop.
    const lateral = await grey(v.page, await capture(v.page, 'lateral', 'lateral'));
    const latBand = band(lateral, rowAt(0), 2);
    const latAnalytic = analyticRow('lateral', rowAt(0));
    const rodMid = columnAt('lateral', (PHANTOM.rods.fromYMm + PHANTOM.rods.toYMm) / 2);
    const beyond = columnAt('lateral', PHANTOM.rods.toYMm + 12);
    const [endFrom, endTo] = [Math.round(columnAt('lateral', 34)), Math.round(columnAt('lateral', 46))];
    const expectedEnd = edgeCentroid(latAnalytic, endFrom, endTo);
    expect(
      Math.abs(edgeCentroid(latBand, endFrom, endTo) - expectedEnd),
      'lateral rod end',
    ).toBeLessThanOrEqual(2);
    expect(expectedEnd).toBeGreaterThan(columnAt('lateral', PHANTOM.block.sizeMm[1] / 2));
    // Behind the block: brighter than soft tissue at the same height further back, and absent above the rods.
    expect(latBand[Math.round(rodMid)]! - latBand[Math.round(beyond)]!).toBeGreaterThan(0.08);
    const aboveRods = band(lateral, rowAt(9), 1);
    expect(latBand[Math.round(rodMid)]! - aboveRods[Math.round(rodMid)]!).toBeGreaterThan(0.08);

    // 3D at the end of access: the scan's bone around the trocars, inside the frame budget.
    await seekAndSettle(v.page, steps.access!.end - 0.1);
    await sceneComplete(v.page);
    await seekAndSettle(v.page, steps.access!.end - 0.1);
    const shot = await v.screenshot('scan-3d-access');
    const stats = await v.page.evaluate(() =>
      (document.querySelector('spine-procedure-viewer') as unknown as Viewer).getRenderStats(),
    );
    expect(stats.drawCalls).toBeLessThanOrEqual(80);
    expect(stats.triangles).toBeLessThanOrEqual(350_000);
    expect(stats.triangles).toBeGreaterThan(0);
    expect(await boneShare(v.page, shot), "the scan's bone is drawn").toBeGreaterThan(0.04);
    // Closing the scan brings the generated spine back (a different picture where the bone is).
    await v.page.evaluate(() =>
      (document.querySelector('spine-procedure-viewer') as unknown as Viewer).controller.scan.clear(),
    );
    await seekAndSettle(v.page, steps.access!.end - 0.1);
    const generated = await v.screenshot('scan-3d-access-closed');
    expect(await screenshotDifference(v.page, shot, generated)).toBeGreaterThan(0.05);
    expect(v.errors).toEqual([]);
    await v.close();
  });
});
