import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite';
import { imageCorrelation, imageStats } from './support/imageStats';
import { openViewer, seekAndSettle } from './support/viewerPage';

const suite = browserSuite();

type Viewer = HTMLElement & { captureFluoro(o: { view: string }): Promise<string> };
const captureAp = (page: Page) =>
  page.evaluate(() =>
    (document.querySelector('spine-procedure-viewer') as Viewer).captureFluoro({ view: 'ap' }),
  );

/** Choose an option of a leva select by its control label. */
async function levaSelect(page: Page, label: string, value: string): Promise<void> {
  // leva gives each input the id of its key.
  await page.locator(`.spv-clinician-panel select[id="${label}"]`).selectOption({ label: value });
}

describe('clinician panel', () => {
  it('loads leva only when opened, and writes into the viewer', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?audience=clinician&step=access&t=50');
    const scripts: string[] = [];
    v.page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    expect(await v.page.locator('.spv-clinician-panel').count()).toBe(0);
    await v.page.locator('spine-procedure-viewer button', { hasText: 'Clinician settings' }).click();
    await v.page.waitForSelector('.spv-clinician-panel select');
    expect(
      scripts.some((u) => /ClinicianPanel/.test(u)),
      `leva arrives on demand: ${scripts.join(', ')}`,
    ).toBe(true);
    await v.page.screenshot({ path: 'test-artifacts/clinician-panel.png' });

    await seekAndSettle(v.page, 50);
    const osteoporotic = await captureAp(v.page);
    await levaSelect(v.page, 'bone', 'healthy');
    await seekAndSettle(v.page, 50);
    const healthy = await captureAp(v.page);
    const body = { x0: 0.45, y0: 0.42, x1: 0.55, y1: 0.58 };
    const gain =
      (await imageStats(v.page, healthy, body)).mean - (await imageStats(v.page, osteoporotic, body)).mean;
    expect(gain, 'healthy trabecular bone reads denser (brighter, bone white)').toBeGreaterThan(0.02);

    await levaSelect(v.page, 'polarity', 'black');
    await seekAndSettle(v.page, 50);
    const black = await captureAp(v.page);
    expect(await imageCorrelation(v.page, healthy, black)).toBeLessThan(-0.8);

    // The console speaks the viewer's language: plain labels, not option names.
    const labels = await v.page.locator('.spv-clinician-panel label').allTextContents();
    expect(labels).toEqual(
      expect.arrayContaining([
        'X-ray shows bone as',
        'Bone density on X-ray',
        'Fracture shape',
        'Cement leak',
      ]),
    );
    await levaSelect(v.page, 'complication', 'into veins');
    expect((await v.state()).complication).toBe('venous');
    await levaSelect(v.page, 'level', 'T8');
    // A clinician reads the terms and the Genant grade (a patient reads "moderate fracture").
    expect(await v.page.locator('spine-procedure-viewer .spv-level-chip').textContent()).toContain(
      'T8 · wedge · G2',
    );
    expect((await v.state()).level).toBe('T8');
    expect(v.errors).toEqual([]);
    await v.close();
  });
});
