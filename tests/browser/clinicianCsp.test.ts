import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, waitForViewerReady } from './support/browser';
import { STRICT_CSP } from './support/hostSite';
import { startStaticServer, type StaticServer } from './support/staticServer';
import { ARTIFACTS } from './support/viewerPage';

/*
 * The clinician settings panel (leva) under the strict CSP: leva styles itself with CSS-in-JS, which would add a
 * <style> element the CSP blocks. Opening the panel must never take the viewer down, and the panel must work.
 */
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer('dist', (path): Record<string, string> =>
    path.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {},
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('clinician panel under a strict CSP', () => {
  it('opens without blanking the viewer, is styled, and writes into the viewer', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.origin}/index.html?audience=clinician&step=access`);
    await waitForViewerReady(page);

    await page.locator('spine-procedure-viewer button', { hasText: 'Clinician settings' }).click();
    await page.waitForSelector('.spv-clinician-panel select', { timeout: 30_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${ARTIFACTS}/clinician-panel-csp.png` });

    // The viewer is still there: its canvas, its control bar and the settings button itself.
    expect(await page.locator('spine-procedure-viewer canvas').count()).toBe(1);
    expect(await page.locator('spine-procedure-viewer .spv-play').count()).toBe(1);
    expect(
      await page.locator('spine-procedure-viewer button', { hasText: 'Clinician settings' }).count(),
    ).toBe(1);

    // leva's own styles apply: its root fills the viewer's settings slot (docked, not floating over the page) with
    // its theme's colours, not unstyled markup.
    const panel = await page.evaluate(() => {
      const container = document.querySelector('.spv-clinician-panel') as HTMLElement;
      const style = getComputedStyle(container.firstElementChild as HTMLElement);
      return {
        position: style.position,
        background: style.backgroundColor,
        slot: container.slot,
        inViewer: container.parentElement?.tagName.toLowerCase(),
      };
    });
    expect(panel.position).not.toBe('fixed');
    expect(panel.slot).toBe('clinician-settings');
    expect(panel.inViewer).toBe('spine-procedure-viewer');
    expect(panel.background).not.toBe('rgba(0, 0, 0, 0)');

    // A control changes a setting.
    await page.locator('.spv-clinician-panel select[id="level"]').selectOption({ label: 'T8' });
    await page.waitForFunction(
      () =>
        (
          document.querySelector('spine-procedure-viewer') as HTMLElement & { getState(): { level: string } }
        ).getState().level === 'T8',
    );
    expect(await page.locator('spine-procedure-viewer .spv-level-chip').textContent()).toContain('T8');

    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('if the panel cannot load, a notice takes its place and the viewer carries on', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    // The panel's code never arrives (an offline clinic, a proxy that blocks it).
    await page.route(/ClinicianPanel.*\.js$/, (route) => route.abort());
    await page.goto(`${server.origin}/index.html?audience=clinician&step=access`);
    await waitForViewerReady(page);
    await page.locator('spine-procedure-viewer button', { hasText: 'Clinician settings' }).click();
    const notice = page.locator('spine-procedure-viewer .spv-settings-failed');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toContain('could not be opened');
    expect(await page.locator('spine-procedure-viewer canvas').count()).toBe(1);
    expect(await page.locator('spine-procedure-viewer .spv-play').count()).toBe(1);
    // The rest of the viewer still answers.
    await page.locator('spine-procedure-viewer .spv-play').click();
    await page.waitForFunction(
      () => !(document.querySelector('spine-procedure-viewer') as HTMLElement & { paused: boolean }).paused,
    );
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    await context.close();
  });
});
