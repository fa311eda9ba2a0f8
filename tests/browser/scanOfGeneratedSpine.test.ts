import type { Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPINE_CT_TARGET, spineCtVolume } from '../support/spineCt';
import { syntheticDicomSeries } from '../support/syntheticDicom';
import { imageCorrelation, imageStats } from './support/imageStats';
import { browserSuite } from './support/suite';
import { ARTIFACTS, openViewer, seekAndSettle } from './support/viewerPage';
import { apLandmarks, asymmetryCorrelation, bestShift, patchShift, type Grey } from './support/xrayAlignment';

/**
 * The cross-check of the two X-ray pipelines: a CT of the viewer's own generated spine (tests/support/spineCt.ts),
 * written as real DICOM files, read in the page and targeted at its L1, must give the same X-ray (DRR) as the
 * generated spine's meshes at the same moment — same orientation, scale, magnification and place — and its 3D
 * bone must sit where the generated spine was.
 */
const suite = browserSuite();

type Viewer = HTMLElement & {
  loadScan(files: File[]): Promise<unknown>;
  setScanTarget(target: { x: number; y: number; z: number; level: string }): Promise<void>;
  captureFluoro(o: { view: string }): Promise<string>;
  getRenderStats(): { sceneComplete: boolean };
  steps: { id: string; key: string; start: number; end: number }[];
};

async function capture(page: Page, view: 'ap' | 'lateral', name: string): Promise<string> {
  const url = await page.evaluate(
    (v) => (document.querySelector('spine-procedure-viewer') as unknown as Viewer).captureFluoro({ view: v }),
    view,
  );
  writeFileSync(`${ARTIFACTS}/spine-ct-${name}.png`, Buffer.from(url.split(',')[1]!, 'base64'));
  return url;
}

/** Grey levels (0–1) of a capture, row-major, decoded in the page. */
async function grey(page: Page, url: string): Promise<Grey> {
  await imageStats(page, url); // installs the page's decoder
  return page.evaluate(async (src) => {
    const decode = (window as unknown as { __spvPixels(s: string): Promise<ImageData> }).__spvPixels;
    const { data, width, height } = await decode(src);
    const values: number[] = [];
    for (let i = 0; i < data.length; i += 4) values.push((data[i]! + data[i + 1]! + data[i + 2]!) / 765);
    return { width, height, values };
  }, url);
}

async function sceneComplete(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (document.querySelector('spine-procedure-viewer') as unknown as Viewer).getRenderStats().sceneComplete,
    undefined,
    { timeout: 30_000 },
  );
}

describe('a CT of the generated spine', () => {
  it('gives the same X-rays as the generated spine, and its bone where the generated bone was', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?audience=clinician&level=L1', {
      width: 1280,
      height: 800,
    });
    const { page } = v;
    const t0 = performance.now();
    const steps = await page.evaluate(() =>
      (document.querySelector('spine-procedure-viewer') as unknown as Viewer).steps.map((s) => ({ ...s })),
    );
    const at = (name: string) => steps.find((s) => s.id === name || s.key === name)!;
    // Two moments: before the instruments go in (the anatomy alone) and at the end of access (the trocars in the
    // pedicles, drawn from the same meshes on both, over the scan's own bone).
    const moments = { bare: at('targeting').start + 0.3, access: at('access').end - 0.5 };
    type Shots = Record<'bare' | 'access', Record<'ap' | 'lateral', string>>;
    const shoot = async (prefix: string): Promise<Shots> => {
      const out = {} as Shots;
      for (const [moment, t] of Object.entries(moments) as ['bare' | 'access', number][]) {
        await seekAndSettle(page, t);
        await sceneComplete(page);
        await seekAndSettle(page, t);
        out[moment] = {
          ap: await capture(page, 'ap', `${prefix}-${moment}-ap`),
          lateral: await capture(page, 'lateral', `${prefix}-${moment}-lateral`),
        };
      }
      return out;
    };
    const generated = await shoot('generated');
    console.log('generated shots', Math.round(performance.now() - t0));

    const started = performance.now();
    const files = syntheticDicomSeries({ volume: spineCtVolume() });
    const madeMs = performance.now() - started;
    const payload = files.map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64') }));
    const loaded = await page.evaluate(async (list) => {
      const files = list.map(
        (f) => new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name),
      );
      try {
        return {
          info: await (document.querySelector('spine-procedure-viewer') as unknown as Viewer).loadScan(files),
        };
      } catch (error) {
        return { error: String((error as Error).message) };
      }
    }, payload);
    expect(loaded.error).toBeUndefined();
    expect(loaded.info).toMatchObject({ rows: 173, columns: 240, slices: 85, spacingMm: [1.5, 1.5, 2] });
    const [x, y, z] = SPINE_CT_TARGET;
    await page.evaluate(
      (t) => (document.querySelector('spine-procedure-viewer') as unknown as Viewer).setScanTarget(t),
      { x, y, z, level: 'L1' },
    );
    console.log('loaded', Math.round(performance.now() - t0));
    const onCt = await shoot('ct');
    console.log('ct shots', Math.round(performance.now() - t0));

    const report: Record<string, unknown> = { ctAndDicomMs: Math.round(madeMs) };
    for (const moment of ['bare', 'access'] as const)
      for (const view of ['ap', 'lateral'] as const) {
        const a = await grey(page, generated[moment][view]);
        const b = await grey(page, onCt[moment][view]);
        const field = await imageCorrelation(page, generated[moment][view], onCt[moment][view]);
        const shift = bestShift(a, b, 8);
        const asymmetry = asymmetryCorrelation(a, b);
        report[`${moment}-${view}`] = { field, asymmetry, shift };
        // The same picture: correlated in the field, better than its mirror image, and aligned (the best shift
        // between them within 2 px of none).
        expect.soft(field, `${moment} ${view} correlation`).toBeGreaterThan(0.5);
        expect.soft(asymmetry, `${moment} ${view} not mirrored`).toBeGreaterThan(0.5);
        expect.soft(Math.abs(shift.dx), `${moment} ${view} horizontal shift`).toBeLessThanOrEqual(2);
        expect.soft(Math.abs(shift.dy), `${moment} ${view} vertical shift`).toBeLessThanOrEqual(2);
      }
    // AP without instruments: L1's body edges and its pedicles (the owl's eyes) at the same pixels on both.
    const apGenerated = await grey(page, generated.bare.ap);
    const apCt = await grey(page, onCt.bare.ap);
    const landmarks: Record<string, unknown> = {};
    for (const [name, [cx, cy]] of Object.entries(apLandmarks(apGenerated))) {
      const shift = patchShift(apGenerated, apCt, cx, cy, 16, 8);
      landmarks[name] = { at: [Math.round(cx), Math.round(cy)], ...shift };
      expect.soft(Math.hypot(shift.dx, shift.dy), `AP ${name}`).toBeLessThanOrEqual(3);
    }
    report.apLandmarks = landmarks;
    writeFileSync(`${ARTIFACTS}/spine-ct-report.json`, JSON.stringify(report, null, 2));

    // 3D on the scan, at the moments a surgeon looks at: wide and phone-sized.
    for (const size of [
      { width: 1280, height: 800 },
      { width: 375, height: 667 },
    ]) {
      await page.setViewportSize(size);
      for (const name of ['overview', 'access', 'balloon-inflation', 'cement-injection', 'result']) {
        const step = at(name);
        await seekAndSettle(page, step.end - 0.3);
        await sceneComplete(page);
        await seekAndSettle(page, step.end - 0.3);
        await v.screenshot(`spine-ct-3d-${name}-${size.width}x${size.height}`);
        console.log(name, size.width, Math.round(performance.now() - t0));
      }
    }
    expect(v.errors).toEqual([]);
    await v.close();
  });
});
