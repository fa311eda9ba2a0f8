import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite';
import { collectErrors, waitForViewerReady } from './support/browser';
import { frameOf, viewerReady } from './support/embedPage';
import { screenshotDifference } from './support/imageStats';
import { ARTIFACTS, viewerControl } from './support/viewerPage';
import { screenshotOf } from './support/screenshotOf';

const suite = browserSuite();

type Viewer = HTMLElement & {
  currentTime: number;
  procedure: string;
  getState(): Record<string, unknown>;
};

async function openStandalone(
  context: BrowserContext,
  query: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${suite.origin}/index.html${query}`);
  await waitForViewerReady(page);
  return { page, errors };
}

/** Seek, then wait two frames so the picture is the one at that time. */
const seek = (page: Page, t: number) =>
  page.evaluate(async (time) => {
    document.querySelector('spine-procedure-viewer')!.currentTime = time;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, t);

const state = (page: Page) =>
  page.evaluate(
    () => document.querySelector('spine-procedure-viewer')!.getState() as unknown as Record<string, unknown>,
  );

const PICTURE = ['time', 'step', 'procedure', 'level', 'grade', 'morphology', 'approach', 'cementFill'];

describe('share links and the demo page', () => {
  it('"copy link to this moment" reopens the viewer at exactly that frame', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1000, height: 720 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.origin });
    const { page, errors } = await openStandalone(
      context,
      '?procedure=vertebroplasty&level=T12&grade=3&morphology=biconcave&step=access',
    );
    await seek(page, 57.123456);
    const before = await state(page);
    const shotBefore = await screenshotOf(page.locator('spine-procedure-viewer canvas'));
    await (await viewerControl(page, '.spv-copy-link')).click();
    const status = page.locator('spine-procedure-viewer .spv-share-status');
    await status.filter({ hasText: 'Link copied' }).waitFor();
    expect(await status.getAttribute('role')).toBe('status');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe(`${suite.origin}/index.html`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      procedure: 'vertebroplasty',
      level: 'T12',
      grade: '3',
      step: 'cement-injection',
      t: '57.123456',
      morphology: 'biconcave',
    });

    const reopened = await context.newPage();
    const reopenedErrors = collectErrors(reopened);
    await reopened.goto(link);
    await waitForViewerReady(reopened);
    await reopened.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const after = await state(reopened);
    for (const key of PICTURE) expect(after[key], key).toEqual(before[key]);
    const shotAfter = await screenshotOf(reopened.locator('spine-procedure-viewer canvas'));
    await reopened.screenshot({ path: `${ARTIFACTS}/embed-share-reopened.png` });
    expect(await screenshotDifference(reopened, shotBefore, shotAfter)).toBeLessThan(0.002);
    expect(errors).toEqual([]);
    expect(reopenedErrors).toEqual([]);
    await context.close();
  });

  it('without a clipboard the link is shown in a read-only field, selected', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1000, height: 720 } });
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
    });
    const { page, errors } = await openStandalone(context, '?step=balloon-inflation&t=70');
    await (await viewerControl(page, '.spv-copy-link')).click();
    const field = page.locator('spine-procedure-viewer .spv-share-field');
    await field.waitFor();
    expect(await field.getAttribute('readonly')).not.toBeNull();
    const value = await field.inputValue();
    expect(value).toBe(
      `${suite.origin}/index.html?procedure=kyphoplasty&level=L1&grade=2&step=balloon-removal&t=70`,
    );
    expect(
      await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd, el.value.length]),
    ).toEqual([0, value.length, value.length]);
    const status = page.locator('spine-procedure-viewer .spv-share-status');
    expect(await status.textContent()).toBe('Link ready: select it and copy it');
    await page.screenshot({ path: `${ARTIFACTS}/embed-share-field.png` });
    // The instruction is not news that fades: it stays for as long as its field (past "Link copied"'s 2.5 s).
    await page.waitForTimeout(3000);
    expect(await status.textContent()).toBe('Link ready: select it and copy it');
    await page.locator('spine-procedure-viewer .spv-share-popover button').click();
    await field.waitFor({ state: 'detached' });
    expect(await status.textContent()).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the demo page shows the three ways live: tag, iframe with the client, React', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${suite.origin}/demo.html`);
    await viewerReady(page, '#tag spine-procedure-viewer');
    await page.screenshot({ path: `${ARTIFACTS}/embed-demo-top.png` });

    await page.locator('#iframe').scrollIntoViewIfNeeded();
    const frame = await frameOf(page, `${suite.origin}/embed.html`);
    await viewerReady(frame);
    await page.locator('#iframe-log', { hasText: /ready|stepchange/ }).waitFor();
    await page.locator('button[data-action="step"]').click();
    await page.locator('#iframe-log', { hasText: 'kyphoplasty · cement-injection' }).waitFor();
    await page.locator('button[data-action="procedure"]').click();
    await page.locator('#iframe-log', { hasText: 'vertebroplasty · cement-injection' }).waitFor();
    await page.locator('#iframe').screenshot({ path: `${ARTIFACTS}/embed-demo-iframe.png` });

    await page.locator('#react').scrollIntoViewIfNeeded();
    await viewerReady(page, '#react spine-procedure-viewer');
    const react = page.locator('#react spine-procedure-viewer');
    expect(await react.evaluate((el) => (el as Viewer).getState())).toMatchObject({
      procedure: 'vertebroplasty',
      level: 'L2',
      step: 'cement-injection',
    });
    await page.locator('#react button', { hasText: 'Switch to kyphoplasty' }).click();
    await page.waitForFunction(
      () => (document.querySelector('#react spine-procedure-viewer') as Viewer).procedure === 'kyphoplasty',
    );
    await page.locator('#react').screenshot({ path: `${ARTIFACTS}/embed-demo-react.png` });
    await page.screenshot({ path: `${ARTIFACTS}/embed-demo-full.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
