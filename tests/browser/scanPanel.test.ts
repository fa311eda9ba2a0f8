import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Lps } from '../../src/scan/types';
import { CT_WINDOWS, windowGrey } from '../../src/ui/scan/sliceImage';
import { lpsToPixel, sliceFrame, type SliceFrame, type SliceKind } from '../../src/ui/scan/slicePoint';
import { PHANTOM, PHANTOM_CENTRE, PHANTOM_GRID, phantomVolume } from '../support/ctPhantom';
import { syntheticDicomSeries } from '../support/syntheticDicom';
import { axeViolations } from './support/axe';
import { STRICT_CSP } from './support/hostSite';
import { browserSuite } from './support/suite';
import { openViewer, viewerControl } from './support/viewerPage';

/*
 * The surgeon's scan interface in the real browser, under the README's strict CSP (its styles, canvases and the
 * reading worker must all work within it): the synthetic DICOM series chosen as files and read with progress, its
 * slices drawn where the phantom's block and rods are, the point picked by mouse and by keyboard, Escape; on a
 * phone the phantom volume handed to the viewer directly (as a read leaves it), and a bad drop; no scan tools for
 * patients.
 */
const suite = browserSuite({
  headers: (path): Record<string, string> =>
    path.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {},
});
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 667 };

const volume = phantomVolume();
const frames: Record<SliceKind, SliceFrame> = {
  axial: sliceFrame(volume, 'axial'),
  sagittal: sliceFrame(volume, 'sagittal'),
};
const c = PHANTOM_CENTRE;
const at = (dx: number, dy: number, dz: number): Lps => [c[0] + dx, c[1] + dy, c[2] + dz];
const inViewer = (page: Page, selector: string) => page.locator(`spine-procedure-viewer ${selector}`);

/** Hand the phantom volume to the viewer's scan session, as a finished read does. */
async function injectPhantom(page: Page): Promise<void> {
  const hu = Buffer.from(volume.hu.buffer, volume.hu.byteOffset, volume.hu.byteLength).toString('base64');
  const { hu: _omit, ...rest } = volume;
  await page.evaluate(
    ({ rest, hu }) => {
      const bytes = Uint8Array.from(atob(hu), (ch) => ch.charCodeAt(0));
      const el = document.querySelector('spine-procedure-viewer') as unknown as {
        controller: { scan: { setVolume(v: unknown): void } };
      };
      el.controller.scan.setVolume({ ...rest, hu: new Int16Array(bytes.buffer) });
    },
    { rest, hu },
  );
}

/** Page coordinates (CSS px) of an LPS point on a view, from the canvas's box and the image's fitted placement. */
async function pagePoint(page: Page, kind: SliceKind, p: Lps): Promise<{ x: number; y: number }> {
  const frame = frames[kind];
  const box = await inViewer(page, `canvas[data-view=${kind}]`).evaluate((el: HTMLCanvasElement) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, cssWidth: r.width, width: el.width, height: el.height };
  });
  const ratio = box.width / box.cssWidth;
  const scale = Math.min(box.width / frame.width, box.height / frame.height);
  const ox = (box.width - frame.width * scale) / 2;
  const oy = (box.height - frame.height * scale) / 2;
  const [col, row] = lpsToPixel(frame, p);
  return { x: box.left + (ox + col * scale) / ratio, y: box.top + (oy + row * scale) / ratio };
}

/** The grey drawn at an LPS point of a view (the canvas's own pixel). */
async function greyAt(page: Page, kind: SliceKind, p: Lps): Promise<number> {
  const { x, y } = await pagePoint(page, kind, p);
  return inViewer(page, `canvas[data-view=${kind}]`).evaluate(
    (el: HTMLCanvasElement, { x, y }) => {
      const r = el.getBoundingClientRect();
      const ratio = el.width / r.width;
      const px = Math.floor((x - r.left) * ratio);
      const py = Math.floor((y - r.top) * ratio);
      return el.getContext('2d')!.getImageData(px, py, 1, 1).data[0]!;
    },
    { x, y },
  );
}

async function clickAt(page: Page, kind: SliceKind, p: Lps): Promise<void> {
  const { x, y } = await pagePoint(page, kind, p);
  await page.mouse.click(x, y);
}

const target = async (page: Page) =>
  page.evaluate(
    () =>
      (
        document.querySelector('spine-procedure-viewer') as unknown as {
          getState(): { scan: { target: { x: number; y: number; z: number } | null; level: string | null } };
        }
      ).getState().scan,
  );

const focusedView = (page: Page) =>
  page.evaluate(() => {
    const a = document.querySelector('spine-procedure-viewer')!.shadowRoot!
      .activeElement as HTMLElement | null;
    return a?.getAttribute('data-view') ?? a?.className ?? null;
  });

/** Within one voxel of the phantom's centre, plus an expected offset (mm). */
function expectNear(t: { x: number; y: number; z: number } | null, offset: Lps = [0, 0, 0]): void {
  expect(t).not.toBeNull();
  const [sx, sy, sz] = PHANTOM_GRID.spacingMm;
  expect(Math.abs(t!.x - (c[0] + offset[0]))).toBeLessThanOrEqual(sx);
  expect(Math.abs(t!.y - (c[1] + offset[1]))).toBeLessThanOrEqual(sy);
  expect(Math.abs(t!.z - (c[2] + offset[2]))).toBeLessThanOrEqual(sz);
}

describe('the scan panel', () => {
  it('on a laptop: shows the phantom, picks its centre by mouse and by keyboard, closes with Escape', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?audience=clinician', LAPTOP);
    const { page } = v;
    const open = inViewer(page, '.spv-scan-open');
    await open.waitFor({ state: 'visible' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Patient CT' });
    await dialog.getByRole('button', { name: 'Choose a folder' }).waitFor();
    await v.screenshot('scan-choose-laptop');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focusedView(page)).toContain('spv-scan-open');

    // The synthetic phantom series, chosen as files: the dialog reads it (with progress), then shows its slices.
    await open.click();
    await page.evaluate(() => {
      const shadow = document.querySelector('spine-procedure-viewer')!.shadowRoot!;
      const seen: string[] = [];
      (window as unknown as { readingTexts: string[] }).readingTexts = seen;
      new MutationObserver(() => {
        const text = shadow.querySelector('.spv-scan-reading-text')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(shadow, { subtree: true, childList: true, characterData: true });
    });
    const series = syntheticDicomSeries();
    await inViewer(page, 'input.spv-scan-input[multiple]').setInputFiles(
      series.map((f) => ({ name: f.name, mimeType: 'application/dicom', buffer: Buffer.from(f.bytes) })),
    );
    await inViewer(page, 'canvas[data-view=sagittal]').waitFor({ timeout: 30_000 });
    const texts = await page.evaluate(() => (window as unknown as { readingTexts: string[] }).readingTexts);
    expect(
      texts.some((t) => new RegExp(`^Reading \\d+ of ${series.length} files…$`).test(t)),
      texts.join(),
    ).toBe(true);
    expect(await focusedView(page)).toBe('axial');
    await page.waitForTimeout(200);
    const bone = CT_WINDOWS.bone;
    const block = windowGrey(PHANTOM.block.hu, bone);
    const rod = windowGrey(PHANTOM.rods.hu, bone);
    const tissue = windowGrey(PHANTOM.tissue.hu, bone);
    const near = (value: number, expected: number) => {
      expect(value).toBeGreaterThanOrEqual(expected - 20);
      expect(value).toBeLessThanOrEqual(expected + 20);
    };
    // Axial through the rods: the block in the middle, the rods behind it (lower), tissue between, air outside.
    await v.screenshot('scan-panel-laptop');
    near(await greyAt(page, 'axial', at(8, 6, 0)), block);
    near(await greyAt(page, 'axial', at(-12, 28, 0)), rod);
    near(await greyAt(page, 'axial', at(12, 28, 0)), rod);
    near(await greyAt(page, 'axial', at(3, 32, 0)), tissue);
    near(await greyAt(page, 'axial', at(-120, -120, 0)), 0);
    // Sagittal at the centre: the block's height (26 mm) between head and feet, tissue above it.
    near(await greyAt(page, 'sagittal', at(0, 6, 8)), block);
    near(await greyAt(page, 'sagittal', at(0, 6, 22)), tissue);

    // Elsewhere first, so that the pick below is the clicks' doing.
    await clickAt(page, 'axial', at(-40, -35, 0));
    await clickAt(page, 'sagittal', at(-40, -35, 25));
    near(await greyAt(page, 'axial', at(8, 6, 25)), tissue);
    // Then the block's centre on both views, the level, and Show.
    await clickAt(page, 'axial', at(0, 0, 25));
    await clickAt(page, 'sagittal', at(0, 0, 0));
    await dialog.getByLabel('Level of this vertebra').selectOption('L2');
    expect((await target(page)).target, 'nothing is picked before Show').toBeNull();
    await dialog.getByRole('button', { name: 'Show the procedure here' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    let scan = await target(page);
    expectNear(scan.target);
    expect(scan.level).toBe('L2');
    const chip = inViewer(page, '.spv-scan-status');
    expect(await chip.innerText()).toContain('Patient CT · L2');
    await v.screenshot('scan-chip-laptop');

    // Keyboard only: Change point, arrows on the axial, Tab to the sagittal, arrows and Page Up there, Enter.
    const change = inViewer(page, '.spv-scan-change');
    await change.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedView(page)).toBe('axial');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedView(page)).toBe('sagittal');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    scan = await target(page);
    // Five 2 mm pixels to the patient's left, one 2 mm slice further left, four 2 mm pixels headward.
    expectNear(scan.target, [5 * 2 + PHANTOM_GRID.spacingMm[0], 0, 4 * 2]);
    expect(scan.level).toBe('L2');

    // Escape closes without picking; focus returns to Change point.
    await change.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('ArrowLeft');
    const before = await axeViolations(page);
    expect(before, JSON.stringify(before, null, 1)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focusedView(page)).toContain('spv-scan-change');
    expect((await target(page)).target).toEqual(scan.target);

    // Close scan: back to the generated spine.
    await inViewer(page, '.spv-scan-close').click();
    expect((await target(page)).target).toBeNull();
    await expect.poll(() => chip.count()).toBe(0);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('on a phone: the button is in More, the panel fills the viewer with the slices stacked; a bad drop says so', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?audience=clinician', PHONE);
    const { page } = v;
    const open = await viewerControl(page, '.spv-scan-open');
    await open.waitFor({ state: 'visible' });
    await injectPhantom(page);
    const axial = inViewer(page, 'canvas[data-view=axial]');
    const sagittal = inViewer(page, 'canvas[data-view=sagittal]');
    await sagittal.waitFor();
    await page.waitForTimeout(200);
    const a = (await axial.boundingBox())!;
    const s = (await sagittal.boundingBox())!;
    expect(s.y, 'stacked').toBeGreaterThanOrEqual(a.y + a.height);
    for (const box of [a, s]) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      expect(box.height).toBeGreaterThan(120);
    }
    const dialog = (await inViewer(page, '.spv-scan-dialog').boundingBox())!;
    const root = (await inViewer(page, '.spv-root').boundingBox())!;
    expect(dialog).toEqual(root);
    expect(await page.getByRole('button', { name: 'Show the procedure here' }).isVisible()).toBe(true);
    await v.screenshot('scan-panel-phone');
    await page.keyboard.press('Escape');
    // Closed without a point: the chip, in a row of its own, offers to pick it.
    const status = inViewer(page, '.spv-scan-row .spv-scan-status');
    expect(await status.innerText()).toContain('Patient CT · no point picked');
    await v.screenshot('scan-chip-phone');

    // Dragging files over the viewer shows the hint; a file that is no CT gives a notice, and no scan.
    await page.evaluate(() => {
      const root = document.querySelector('spine-procedure-viewer')!.shadowRoot!.querySelector('.spv-root')!;
      const data = new DataTransfer();
      data.items.add(new File(['not a scan'], 'notes.txt', { type: 'text/plain' }));
      root.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
      (window as unknown as { dropData: DataTransfer }).dropData = data;
    });
    expect(await inViewer(page, '.spv-scan-drop').isVisible()).toBe(true);
    await page.evaluate(() => {
      const root = document.querySelector('spine-procedure-viewer')!.shadowRoot!.querySelector('.spv-root')!;
      const data = (window as unknown as { dropData: DataTransfer }).dropData;
      root.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    expect(await inViewer(page, '.spv-scan-drop').isVisible()).toBe(false);
    await inViewer(page, '.spv-notices').waitFor();
    await expect.poll(() => inViewer(page, '.spv-scan-dialog').count()).toBe(0);
    expect((await target(page)).target).toBeNull();
    await v.close();
  });

  it('patients have no scan tools, and do not load them', async () => {
    const v = await openViewer(suite.browser, suite.origin, '', LAPTOP);
    expect(await inViewer(v.page, '.spv-scan-open').count()).toBe(0);
    const chunks = await v.page.evaluate(
      () => performance.getEntriesByType('resource').filter((e) => /\/Scan(Ui|Dialog)-/.test(e.name)).length,
    );
    expect(chunks).toBe(0);
    expect(v.errors).toEqual([]);
    await v.close();
  });
});
