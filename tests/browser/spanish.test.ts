import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import es from '../../src/i18n/messages/es.json';
import { format } from '../../src/i18n/catalog';
import { fractureProfile, heightKeptByBalloonMm } from '../../src/procedure/fracture';
import { waitForViewerReady } from './support/browser';
import { browserSuite } from './support/suite';
import { openViewer, seekAndSettle, viewerControl } from './support/viewerPage';

const suite = browserSuite();
const ES: Record<string, string> = es;
const PHONE = { width: 375, height: 667 };

/**
 * Words that give away English left in a Spanish viewer: UI labels and common caption words. Matched case-
 * sensitively on the visible text, with the spaces where they are written (" the " is not inside "theme").
 */
const ENGLISH_TELLTALES = [
  ' the ',
  ' and ',
  ' of ',
  'The ',
  'Play',
  'Pause',
  'Steps',
  'Speed',
  'Labels',
  'Cutaway',
  'Caption',
  'Patients',
  'Copy link',
  'Kyphoplasty',
  'Vertebroplasty',
  'X-ray',
  'needle',
  'balloon',
  'cement ',
  'bone',
  'wedge',
];

/** Steps whose phone screenshots are kept for a person to look at. */
const SCREENSHOT_STEPS = new Set(['overview', 'access', 'balloon-inflation', 'cement-injection', 'result']);

interface StepInfo {
  id: string;
  start: number;
  end: number;
}

/** The visible text of the viewer (its shadow root), as a reader sees it. */
function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('spine-procedure-viewer')!.shadowRoot!;
    return (root.querySelector('.spv-root') as HTMLElement).innerText;
  });
}

function englishIn(text: string): string[] {
  return ENGLISH_TELLTALES.filter((word) => text.includes(word));
}

/** Wait until the caption shows this title (React renders the new step after the seek's frame). */
async function waitForCaption(page: Page, title: string): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      document.querySelector('spine-procedure-viewer')?.shadowRoot?.querySelector('.spv-caption-title')
        ?.textContent === expected,
    title,
    { timeout: 20_000 },
  );
}

describe('Spanish: the whole viewer speaks Spanish', () => {
  for (const procedure of ['kyphoplasty', 'vertebroplasty'] as const) {
    it(`${procedure}: every step's caption and controls are Spanish`, async () => {
      const v = await openViewer(suite.browser, suite.origin, `?lang=es&procedure=${procedure}`, PHONE);
      const root = v.page.locator('spine-procedure-viewer .spv-root');
      expect(await root.getAttribute('lang'), 'screen readers switch voice on the root').toBe('es');
      const steps = await v.page.evaluate(
        () => (document.querySelector('spine-procedure-viewer') as HTMLElement & { steps: StepInfo[] }).steps,
      );
      expect(steps.length).toBeGreaterThan(8);
      const problems: string[] = [];
      for (const step of steps) {
        await seekAndSettle(v.page, step.start + (step.end - step.start) * 0.7);
        await waitForCaption(v.page, ES[`step.${step.id}.title`]!);
        const text = await visibleText(v.page);
        expect(text, step.id).toContain(ES[`step.${step.id}.plain`]!);
        const found = englishIn(text);
        if (found.length > 0) problems.push(`${step.id}: ${found.join(', ')} in\n${text}`);
        if (SCREENSHOT_STEPS.has(step.id)) await v.screenshot(`es-${procedure}-${step.id}`);
      }
      // The step list drawer, with every title.
      await v.page.locator('spine-procedure-viewer .spv-steps-toggle').click();
      await v.page.locator('spine-procedure-viewer .spv-steps').waitFor();
      const list = await visibleText(v.page);
      for (const step of steps) expect(list).toContain(ES[`step.${step.id}.title`]!);
      if (englishIn(list).length > 0) problems.push(`step list: ${englishIn(list).join(', ')}`);
      expect(problems, problems.join('\n\n')).toEqual([]);
      expect(v.errors).toEqual([]);
      await v.close();
    });
  }

  it('clinical captions and readouts write decimals with a comma', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?lang=es&audience=clinician&step=result', {
      width: 1100,
      height: 760,
    });
    await waitForCaption(v.page, ES['step.result.title']!);
    const caption = await v.page.locator('spine-procedure-viewer .spv-caption-text').innerText();
    expect(caption).toMatch(/ángulo de cuña de \d+,\d°/);
    expect(caption).toMatch(/\d+,\d mL de cemento/);
    const readouts = await v.page.locator('spine-procedure-viewer .spv-readouts').innerText();
    expect(readouts).toMatch(/\d+,\d mm/);
    expect(readouts, 'no decimal points').not.toMatch(/\d\.\d/);
    expect(englishIn(await visibleText(v.page))).toEqual([]);
    await v.screenshot('es-clinician-result');
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('a Spanish browser without `lang` gets Spanish; the language menu switches to English', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?step=overview', PHONE, { locale: 'es-ES' });
    const root = v.page.locator('spine-procedure-viewer .spv-root');
    expect(await root.getAttribute('lang')).toBe('es');
    await waitForCaption(v.page, ES['step.overview.title']!);
    expect(await v.page.evaluate(() => document.querySelector('spine-procedure-viewer')!.lang)).toBe('es');
    const menu = await viewerControl(v.page, '.spv-language select');
    expect(await menu.locator('option').allInnerTexts()).toEqual(['English', 'Español']);
    expect(await menu.locator('option[value="en"]').getAttribute('lang')).toBe('en');
    await menu.selectOption('en');
    await waitForCaption(v.page, 'The broken vertebra');
    expect(await root.getAttribute('lang')).toBe('en');
    expect(await v.page.evaluate(() => document.querySelector('spine-procedure-viewer')!.lang)).toBe('en');
    // An attribute set and then removed gives the browser's language back, not English.
    await v.page.evaluate(() => {
      const viewer = document.querySelector('spine-procedure-viewer')!;
      viewer.setAttribute('lang', 'en');
      viewer.removeAttribute('lang');
    });
    await waitForCaption(v.page, ES['step.overview.title']!);
    expect(await root.getAttribute('lang')).toBe('es');
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it("the lines' tags change language and stay inside the canvas on a phone", async () => {
    const v = await openViewer(
      suite.browser,
      suite.origin,
      '?lang=es&procedure=kyphoplasty&controls=none',
      PHONE,
    );
    const result = (
      await v.page.evaluate(
        () => (document.querySelector('spine-procedure-viewer') as HTMLElement & { steps: StepInfo[] }).steps,
      )
    ).find((s) => s.id === 'result')!;
    const at = result.start + (result.end - result.start) * 0.7;
    /** The shown tags' texts and left edges, relative to the canvas. */
    const tags = () =>
      v.page.evaluate(() => {
        const root = document.querySelector('spine-procedure-viewer')!.shadowRoot!;
        const canvas = root.querySelector('canvas')!.getBoundingClientRect();
        return Array.from(root.querySelectorAll<HTMLElement>('.spv-outline-tag'))
          .filter((e) => getComputedStyle(e).display !== 'none')
          .map((e) => ({ text: e.textContent, left: e.getBoundingClientRect().left - canvas.left }));
      });
    // The dashed line's tag says how much lower the endplate was (the default viewer: L1, grade 2, wedge).
    const profile = fractureProfile({ level: 'L1', grade: 2, morphology: 'wedge', approach: 'bipedicular' });
    const kept = { mm: Math.round(heightKeptByBalloonMm(profile)) };
    expect(kept.mm).toBeGreaterThanOrEqual(2);
    await seekAndSettle(v.page, at);
    const spanish = await tags();
    expect(spanish.map((tag) => tag.text)).toEqual([
      ES['outline.normalHeight'],
      format(ES['outline.beforeLower']!, kept),
    ]);
    await v.page.evaluate(() => document.querySelector('spine-procedure-viewer')!.setAttribute('lang', 'en'));
    await v.page.waitForFunction(() =>
      Array.from(
        document.querySelector('spine-procedure-viewer')!.shadowRoot!.querySelectorAll('.spv-outline-tag'),
      ).some((e) => e.textContent?.startsWith('Before the balloon')),
    );
    await seekAndSettle(v.page, at);
    const english = await tags();
    expect(english.map((tag) => tag.text)).toEqual([
      'Normal height',
      `Before the balloon\n${kept.mm} mm lower`,
    ]);
    // A tag's width changes with its language: measured again, it is moved in, not cut off.
    for (const tag of english) expect(tag.left, tag.text ?? '').toBeGreaterThanOrEqual(0);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('an English browser without `lang` stays English', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?step=overview', PHONE, { locale: 'en-US' });
    await waitForCaption(v.page, 'The broken vertebra');
    expect(await v.page.locator('spine-procedure-viewer .spv-root').getAttribute('lang')).toBe('en');
    await v.close();
  });
});

describe('language catalogs load on demand', () => {
  /** Paths of the Spanish catalog's chunk among the requests a page made. */
  const spanishChunk = (requests: string[]) => requests.filter((p) => /\/assets\/es-[\w-]+\.js$/.test(p));

  it('an English page never downloads Spanish; a Spanish one does, and its first frame is already Spanish', async () => {
    const english = await openViewer(suite.browser, suite.origin, '?lang=en', PHONE);
    const englishRequests: string[] = [];
    english.page.on('request', (r) => englishRequests.push(new URL(r.url()).pathname));
    await english.page.reload();
    // The element is defined once its script has loaded, after the page's own (which starts the downloads first).
    await waitForViewerReady(english.page);
    expect(spanishChunk(englishRequests)).toEqual([]);
    // The menu lists Spanish by its own name before its catalog is here; choosing it loads it, then switches.
    const menu = await viewerControl(english.page, '.spv-language select');
    expect(await menu.locator('option').allInnerTexts()).toEqual(['English', 'Español']);
    await menu.selectOption('es');
    await waitForCaption(english.page, ES['step.overview.title']!);
    expect(spanishChunk(englishRequests)).toHaveLength(1);
    await english.close();

    const spanish = await openViewer(suite.browser, suite.origin, '?lang=es', PHONE);
    // At `ready` (the first drawn frame) the caption is already in Spanish: no English flash while the catalog loads.
    expect(await spanish.page.locator('spine-procedure-viewer .spv-caption-title').textContent()).toBe(
      ES['step.overview.title'],
    );
    const loaded = await spanish.page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
    );
    expect(spanishChunk(loaded)).toHaveLength(1);
    expect(spanish.errors).toEqual([]);
    await spanish.close();
  });

  it('a catalog that cannot be loaded leaves the viewer in English with a polite notice', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?lang=es', PHONE, {
      init: (context) => context.route(/\/assets\/es-[\w-]+\.js$/, (route) => route.abort()),
    });
    expect(await v.page.locator('spine-procedure-viewer .spv-caption-title').textContent()).toBe(
      'The broken vertebra',
    );
    const notices = await v.page.locator('spine-procedure-viewer .spv-notice').allTextContents();
    expect(notices.join(' ')).toContain('could not be loaded. Showing English.');
    expect((await v.state()).step).toBe('overview');
    await v.close();
  });
});
