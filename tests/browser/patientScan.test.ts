import type { Page, Request } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { C_ARM, coneFovDeg } from '../../src/fluoro/cArmGeometry';
import { PHANTOM, PHANTOM_CENTRE } from '../support/ctPhantom';
import { syntheticDicomSeries, type SyntheticFile } from '../support/syntheticDicom';
import { browserSuite } from './support/suite';
import { imageCorrelation, imageStats, type Region } from './support/imageStats';
import { ARTIFACTS, openViewer, seekAndSettle } from './support/viewerPage';

/**
 * A surgeon's scan, end to end in the real browser: real DICOM files written by the tests (the analytic phantom of
 * tests/support/ctPhantom.ts), read in the page, targeted, and shown with X-ray views computed from the scan itself;
 * bad series give a notice and leave the generated spine; nothing is sent anywhere.
 */
const suite = browserSuite();

type ScanViewer = HTMLElement & {
  loadScan(files: File[]): Promise<{ rows: number; columns: number; slices: number; spacingMm: number[] }>;
  setScanTarget(target: { x: number; y: number; z: number; level: string }): Promise<void>;
  clearScan(): void;
  captureFluoro(o: { view: string }): Promise<string>;
  getState(): { scan: { loaded: boolean; target: unknown; level: string | null }; level: string };
  steps: { key: string; start: number; end: number }[];
};

/** Hand files written here to the page as `File`s (kept on `window.__scanFiles`). */
async function putFiles(page: Page, files: SyntheticFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64') }));
  await page.evaluate((list) => {
    (window as unknown as { __scanFiles: File[] }).__scanFiles = list.map(
      (f) => new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name),
    );
  }, payload);
}

/** Load the files put on the page; resolves with the ScanInfo or the rejection's message. */
function loadPutFiles(page: Page): Promise<{ info?: unknown; error?: string }> {
  return page.evaluate(async () => {
    const el = document.querySelector('spine-procedure-viewer') as unknown as ScanViewer;
    try {
      return { info: await el.loadScan((window as unknown as { __scanFiles: File[] }).__scanFiles) };
    } catch (error) {
      return { error: String((error as Error).message) };
    }
  });
}

const viewerState = (page: Page) =>
  page.evaluate(() => (document.querySelector('spine-procedure-viewer') as unknown as ScanViewer).getState());

async function captureAp(page: Page, name: string): Promise<string> {
  const url = await page.evaluate(() =>
    (document.querySelector('spine-procedure-viewer') as unknown as ScanViewer).captureFluoro({ view: 'ap' }),
  );
  writeFileSync(`${ARTIFACTS}/scan-${name}.png`, Buffer.from(url.split(',')[1]!, 'base64'));
  return url;
}

/** Where a point in the isocentre's plane (world mm: x patient's left, z head) lands on the AP image (fractions). */
function apPoint(x: number, z: number): [number, number] {
  const half = C_ARM.sourceToIsocentreMm * Math.tan(((coneFovDeg() / 2) * Math.PI) / 180);
  return [0.5 - x / (2 * half), 0.5 - z / (2 * half)];
}

const box = ([u, v]: [number, number], r: number): Region => ({ x0: u - r, y0: v - r, x1: u + r, y1: v + r });

describe("the patient's own scan", () => {
  it('reads a DICOM series in the page, shows the procedure on it with X-rays from the scan, and sends nothing', async () => {
    // At the level the scan will be given, so the generated spine's X-ray before and after is the same picture.
    const viewer = await openViewer(suite.browser, suite.origin, '?audience=clinician&level=L2', {
      width: 1280,
      height: 800,
    });
    const { page } = viewer;
    const before = await captureAp(page, 'generated-overview');
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));

    // Shuffled, as files come from a folder.
    const files = syntheticDicomSeries().reverse();
    await putFiles(page, files);
    const loaded = await loadPutFiles(page);
    expect(loaded.error).toBeUndefined();
    expect(loaded.info).toMatchObject({ rows: 128, columns: 128, slices: 48, spacingMm: [2, 2, 2.5] });
    expect((await viewerState(page)).scan).toEqual({ loaded: true, target: null, level: null });

    const [x, y, z] = PHANTOM_CENTRE;
    await page.evaluate(
      (target) =>
        (document.querySelector('spine-procedure-viewer') as unknown as ScanViewer).setScanTarget(target),
      { x, y, z, level: 'L2' },
    );
    const state = await viewerState(page);
    expect(state.scan).toEqual({ loaded: true, target: { x, y, z }, level: 'L2' });
    expect(state.level).toBe('L2');

    // The overview's X-ray is the phantom's, not the generated spine's: the block is dense, the air above it is not.
    await page.waitForFunction(
      () =>
        (
          document.querySelector('spine-procedure-viewer') as unknown as {
            getRenderStats(): { sceneComplete: boolean };
          }
        ).getRenderStats().sceneComplete,
    );
    const onScan = await captureAp(page, 'phantom-overview');
    expect(await imageCorrelation(page, before, onScan)).toBeLessThan(0.6);
    const halfBlock = PHANTOM.block.sizeMm[0] / 2;
    const inBlock = await imageStats(page, onScan, box(apPoint(0, 0), 0.02));
    const beside = await imageStats(page, onScan, box(apPoint(halfBlock + 25, 0), 0.02));
    const above = await imageStats(page, onScan, box(apPoint(0, PHANTOM.block.sizeMm[2] / 2 + 25), 0.02));
    // Bone white: the block attenuates more than the soft tissue beside and above it.
    expect(inBlock.mean - beside.mean).toBeGreaterThan(0.08);
    expect(inBlock.mean - above.mean).toBeGreaterThan(0.08);

    // The instruments of the moment are drawn into the scan's projection: access differs from the overview.
    const access = (
      await page.evaluate(
        () => (document.querySelector('spine-procedure-viewer') as unknown as ScanViewer).steps,
      )
    ).find((s) => s.key === 'access')!;
    await seekAndSettle(page, access.end - 0.5);
    const atAccess = await captureAp(page, 'phantom-access');
    expect(await imageCorrelation(page, onScan, atAccess)).toBeLessThan(0.995);
    await viewer.screenshot('scan-access-1280x800');

    // Nothing left the page: every request since loading the scan is a GET of the viewer's own code.
    for (const request of requests) {
      expect(new URL(request.url()).origin).toBe(suite.origin);
      expect(request.method()).toBe('GET');
      expect(request.postData()).toBeNull();
      expect(new URL(request.url()).pathname).toMatch(/^\/assets\/[\w.-]+\.js$/);
    }

    // Closing the scan brings back the generated spine.
    await page.evaluate(() =>
      (document.querySelector('spine-procedure-viewer') as unknown as ScanViewer).clearScan(),
    );
    expect((await viewerState(page)).scan).toEqual({ loaded: false, target: null, level: null });
    await seekAndSettle(page, 0);
    expect(await imageCorrelation(page, before, await captureAp(page, 'generated-again'))).toBeGreaterThan(
      0.98,
    );
    expect(viewer.errors).toEqual([]);
    await viewer.close();
  });

  it('refuses what is not a usable CT series with a notice, and keeps the generated spine', async () => {
    const viewer = await openViewer(suite.browser, suite.origin, '?audience=clinician&lang=es', {
      width: 375,
      height: 667,
    });
    const { page } = viewer;
    const cases: [string, SyntheticFile[], RegExp][] = [
      ['an MR series', syntheticDicomSeries({ modality: 'MR' }), /no son de TC|MR/],
      ['a slice missing', syntheticDicomSeries({ dropSlices: [20] }), /faltan/i],
      ['two series', [...syntheticDicomSeries(), ...syntheticDicomSeries({ seriesUid: '1.2.3.4.5' })], /2/],
      ['not DICOM', [{ name: 'notes.txt', bytes: new TextEncoder().encode('not an image') }], /DICOM/],
    ];
    for (const [name, files, said] of cases) {
      await putFiles(page, files);
      const result = await loadPutFiles(page);
      expect(result.error, name).toBeTruthy();
      const notices = await page.locator('spine-procedure-viewer .spv-notice').allTextContents();
      // Each attempt's notice replaces the one before: they do not pile up over the picture.
      expect(notices, name).toHaveLength(1);
      expect(notices[0], name).toMatch(said);
      expect((await viewerState(page)).scan.loaded, name).toBe(false);
    }
    await viewer.screenshot('scan-refused-es-375x667');
    // A target without a scan is refused too, and the viewer still draws its own spine.
    const refused = await page.evaluate(() =>
      (document.querySelector('spine-procedure-viewer') as unknown as ScanViewer)
        .setScanTarget({ x: 0, y: 0, z: 0, level: 'L1' })
        .then(
          () => 'accepted',
          (e: Error) => e.message,
        ),
    );
    expect(refused).toMatch(/loadScan/);
    expect(viewer.errors).toEqual([]);
    await viewer.close();
  });
});
