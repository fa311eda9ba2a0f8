import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import es from '../../src/i18n/messages/es.json';
import { patientSection } from '../../src/content/patientInfo';
import { axeViolations } from './support/axe';
import { collectErrors, disableWebGL, waitForViewerReady } from './support/browser';
import { STRICT_CSP } from './support/hostSite';
import { browserSuite } from './support/suite';
import { ARTIFACTS, viewerControl } from './support/viewerPage';

/*
 * The take-home handout (handout.html) under the strict CSP: the Spanish text, key-frame pictures drawn by the
 * viewer, a QR code of the link back, print to A4 and Letter, accessibility, and openHandout() from the viewer.
 */
const suite = browserSuite({
  headers: (path): Record<string, string> =>
    path.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {},
});
const ES: Record<string, string> = es;

/** Page size in PDF points (1/72 in): A4 210 × 297 mm, US Letter 8.5 × 11 in. */
const PAPER = { A4: [595.3, 841.9], Letter: [612, 792] } as const;

/** Every page's MediaBox (width, height in points) of a PDF printed by Chromium (page objects are uncompressed). */
function pdfPages(pdf: Buffer): number[][] {
  const text = pdf.toString('latin1');
  const boxes = [...text.matchAll(/\/Type\s*\/Page\b(?!s)[\s\S]*?\/MediaBox\s*\[([^\]]+)\]/g)];
  return boxes.map((m) => {
    const [x0, y0, x1, y1] = m[1]!.trim().split(/\s+/).map(Number);
    return [x1! - x0!, y1! - y0!];
  });
}

/** Standard deviation of the grey levels of a canvas: near 0 for a blank or single-colour picture. */
const canvasSpread = (page: Page, selector: string) =>
  page.$$eval(selector, (canvases) =>
    (canvases as HTMLCanvasElement[]).map((canvas) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let sum = 0;
      let sq = 0;
      for (let i = 0; i < data.length; i += 16) {
        const g = (data[i]! + data[i + 1]! + data[i + 2]!) / 765;
        sum += g;
        sq += g * g;
      }
      const n = data.length / 16;
      return { width: canvas.width, spread: Math.sqrt(Math.max(0, sq / n - (sum / n) ** 2)) };
    }),
  );

/** The dark modules drawn by the handout's QR path (`M<x> <y>h1v1h-1z` per module, 4-module quiet zone). */
const drawnModules = (page: Page) =>
  page.$eval('#handout-qr svg path', (path) =>
    [...path.getAttribute('d')!.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${+m[2]! - 4},${+m[1]! - 4}`),
  );

function expectedModules(text: string): string[] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const dark: string[] = [];
  for (let r = 0; r < qr.getModuleCount(); r++)
    for (let c = 0; c < qr.getModuleCount(); c++) if (qr.isDark(r, c)) dark.push(`${r},${c}`);
  return dark;
}

describe('take-home handout', () => {
  it('prints the Spanish handout with key frames, risks, recovery and a QR link, under a strict CSP', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const foreign: string[] = [];
    context.on('request', (request) => {
      if (new URL(request.url()).origin !== suite.origin) foreign.push(request.url());
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(
      `${suite.origin}/handout.html?lang=es&level=T12&grade=3&step=cement-injection&morphology=banana`,
    );
    // The progress line and the Print button show while the pictures are made.
    await page.waitForFunction(() =>
      /\d+ de \d+/.test(document.querySelector('#handout-progress')!.textContent!),
    );
    expect(await page.locator('#handout-print').isVisible()).toBe(true);
    expect(await page.locator('#handout-print').textContent()).toBe(ES['handout.print']);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, {
      timeout: 150_000,
      polling: 500,
    });
    await page.screenshot({ path: `${ARTIFACTS}/handout-es.png`, fullPage: true });
    expect(await page.locator('#handout-progress').textContent()).toBe(ES['handout.ready']);
    // A bad value gets the usual polite notice, and the handout still uses the default.
    expect(await page.locator('#handout-notices').innerText()).toContain('banana');

    // Title in plain words: the procedure, the level and the grade.
    expect(await page.locator('h1').textContent()).toBe('Su cifoplastia');
    const summary = await page.locator('#handout-summary').textContent();
    expect(summary).toContain('T12');
    expect(summary).toContain(ES['picker.grade.3']);

    // 6–10 key frames, each with its Spanish title and caption beside a 3D picture that is not blank.
    const frames = page.locator('.handout-frame');
    const count = await frames.count();
    expect(count).toBeGreaterThanOrEqual(6);
    expect(count).toBeLessThanOrEqual(10);
    const pictures = await canvasSpread(page, '.handout-3d');
    expect(pictures).toHaveLength(count);
    for (const p of pictures) {
      expect(p.width).toBeGreaterThanOrEqual(800);
      expect(p.spread).toBeGreaterThan(0.03);
    }
    const xrays = await canvasSpread(page, '.handout-xray');
    expect(xrays.length).toBeGreaterThanOrEqual(2);
    for (const x of xrays) expect(x.spread).toBeGreaterThan(0.03);
    const text = await page.locator('main').innerText();
    for (const step of ['overview', 'balloon-inflation', 'cement-injection', 'result'])
      expect(text).toContain(ES[`step.${step}.title`]);
    expect(text).toContain(ES['step.result.plain']);
    for (const id of ['risks', 'recovery'] as const) {
      expect(text).toContain(ES[patientSection(id).title]);
      for (const item of patientSection(id).items) expect(text).toContain(ES[item.key]);
    }

    // The QR code is the link shown as text, module for module.
    const link = (await page.locator('#handout-link').textContent())!;
    expect(new URL(link).pathname).toMatch(/\/index\.html$/);
    expect(new URL(link).searchParams.get('step')).toBe('cement-injection');
    expect(await drawnModules(page)).toEqual(expectedModules(link));

    // Printed: the toolbar is not on paper; A4 and Letter each give 1–4 pages of their size.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#handout-print').isVisible()).toBe(false);
    await page.emulateMedia({ media: null });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      writeFileSync(`${ARTIFACTS}/handout-es-${format}.pdf`, pdf);
      const pages = pdfPages(pdf);
      expect(pages.length, format).toBeGreaterThanOrEqual(1);
      expect(pages.length, format).toBeLessThanOrEqual(4);
      for (const [w, h] of pages) {
        expect(Math.abs(w! - PAPER[format][0])).toBeLessThan(2);
        expect(Math.abs(h! - PAPER[format][1])).toBeLessThan(2);
      }
    }

    expect(await axeViolations(page)).toEqual([]);

    // The link opens the viewer at that moment; its openHandout() opens this handout's parameters again.
    const viewerPage = await context.newPage();
    await viewerPage.goto(link);
    await waitForViewerReady(viewerPage);
    const state = await viewerPage.evaluate(() => {
      const v = document.querySelector('spine-procedure-viewer') as HTMLElement & {
        getState(): { level: string; grade: number };
        currentTime: number;
        step: string;
        lang: string;
      };
      return { ...v.getState(), time: v.currentTime, step: v.step, lang: v.lang };
    });
    const linkParams = new URL(link).searchParams;
    expect(state).toMatchObject({ level: 'T12', grade: 3, step: 'cement-injection', lang: 'es' });
    expect(state.time).toBeCloseTo(Number(linkParams.get('t')), 5);
    const [opened] = await Promise.all([
      context.waitForEvent('page'),
      viewerPage.evaluate(() =>
        (
          document.querySelector('spine-procedure-viewer') as HTMLElement & { openHandout(): Promise<string> }
        ).openHandout(),
      ),
    ]);
    const handoutUrl = new URL(opened.url());
    expect(handoutUrl.pathname).toMatch(/\/handout\.html$/);
    for (const key of ['procedure', 'level', 'grade', 'step', 't', 'lang'])
      expect(handoutUrl.searchParams.get(key), key).toBe(linkParams.get(key));
    await opened.close();
    // The viewer's own Print handout button (in Spanish) opens the same handout.
    const button = await viewerControl(viewerPage, 'button.spv-handout');
    expect(await button.getAttribute('aria-label')).toBe(ES['handout.button']);
    const [fromButton] = await Promise.all([context.waitForEvent('page'), button.click()]);
    expect(new URL(fromButton.url()).searchParams.toString()).toBe(handoutUrl.searchParams.toString());
    await fromButton.close();

    expect(foreign).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('without WebGL says so plainly and still has all the text to print', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 800, height: 900 } });
    await disableWebGL(context);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${suite.origin}/handout.html?lang=en&procedure=vertebroplasty&level=L2`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, {
      timeout: 30_000,
    });
    expect(await page.locator('#handout-progress').textContent()).toBe(
      'This browser cannot draw the 3D pictures. The text below still prints.',
    );
    expect(await page.locator('h1').textContent()).toBe('Your vertebroplasty');
    expect(await page.locator('.handout-frame').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('canvas').count()).toBe(0);
    expect(await page.locator('#handout-risks li').count()).toBe(patientSection('risks').items.length);
    expect(await page.locator('#handout-qr svg path').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
