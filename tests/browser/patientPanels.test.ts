import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/messages/en.json';
import es from '../../src/i18n/messages/es.json';
import { PATIENT_SECTIONS, patientSection, type PatientSectionId } from '../../src/content/patientInfo';
import { disableWebGL, waitForViewerReady } from './support/browser';
import { cutOff, measurePanels, overlaps } from './support/layout';
import { browserSuite } from './support/suite';
import { ARTIFACTS, openViewer } from './support/viewerPage';
import { screenshotOf } from './support/screenshotOf';

const suite = browserSuite();
const EN: Record<string, string> = en;
const ES: Record<string, string> = es;
const SIZES = [
  { name: 'phone', width: 375, height: 667 },
  { name: 'laptop', width: 1280, height: 800 },
];

/** The open panel's section id, or null when none is open. */
const openPanel = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('spine-procedure-viewer')!.shadowRoot!;
    return root.querySelector<HTMLElement>('.spv-patient-panel')?.dataset.panel ?? null;
  });

/** What has focus inside the viewer: a class name and, for a panel button, its section. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('spine-procedure-viewer')!.shadowRoot!
      .activeElement as HTMLElement | null;
    return active ? `${active.className.split(' ').at(-1)}:${active.dataset.panel ?? ''}` : null;
  });

const panelText = (page: Page) => page.locator('spine-procedure-viewer .spv-patient-panel').innerText();

const tab = (page: Page, id: PatientSectionId) =>
  page.locator(`spine-procedure-viewer .spv-patient-tab[data-panel="${id}"]`);

describe('patient information panels', () => {
  it('?panel=risks opens the risks panel, with every risk in it, and getState() names it', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?panel=risks');
    expect(await openPanel(v.page)).toBe('risks');
    expect((await v.state()).panel).toBe('risks');
    const text = await panelText(v.page);
    for (const item of patientSection('risks').items) expect(text).toContain(EN[item.key]);
    expect(await tab(v.page, 'risks').getAttribute('aria-expanded')).toBe('true');
    // Opened by the page, not by the reader: focus stays where it was.
    expect(await focused(v.page)).not.toBe('spv-patient-panel:risks');
    expect(v.errors).toEqual([]);
    await v.close();
  }, 60_000);

  it('the buttons open and close each panel; Escape closes it and focus goes back to its button', async () => {
    const v = await openViewer(suite.browser, suite.origin, '');
    expect(await openPanel(v.page)).toBeNull();
    for (const section of PATIENT_SECTIONS) {
      await tab(v.page, section.id).click();
      expect(await openPanel(v.page)).toBe(section.id);
      expect((await v.state()).panel).toBe(section.id);
      expect(await focused(v.page), 'focus moves into the panel').toBe(`spv-patient-panel:${section.id}`);
      await v.page.keyboard.press('Escape');
      expect(await openPanel(v.page)).toBeNull();
      expect(await focused(v.page), 'focus back on its button').toBe(`spv-patient-tab:${section.id}`);
    }
    // The Close button, and the same button again, close it too.
    await tab(v.page, 'recovery').click();
    await v.page.locator('spine-procedure-viewer .spv-patient-close').click();
    expect(await openPanel(v.page)).toBeNull();
    expect(await focused(v.page)).toBe('spv-patient-tab:recovery');
    await tab(v.page, 'candidacy').click();
    await tab(v.page, 'candidacy').click();
    expect(await openPanel(v.page)).toBeNull();
    // The property sets it like the URL does.
    await v.page.evaluate(() => {
      (document.querySelector('spine-procedure-viewer') as HTMLElement & { panel: string }).panel =
        'RECOVERY';
    });
    expect(await openPanel(v.page)).toBe('recovery');
    expect(v.errors).toEqual([]);
    await v.close();
  }, 60_000);

  it('?panel=bogus gives a notice and opens no panel', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?panel=bogus');
    const notices = await v.page.locator('spine-procedure-viewer .spv-notice').allTextContents();
    expect(notices.join(' ')).toContain('bogus');
    expect(notices.join(' ')).toContain(EN['expected.panel']);
    expect(await openPanel(v.page)).toBeNull();
    expect((await v.state()).panel).toBe('none');
    await v.close();
  }, 60_000);

  it('in Spanish, the buttons and the panel are Spanish', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?lang=es&panel=candidacy');
    const text = await panelText(v.page);
    expect(text).toContain(ES['patient.candidacy.title']);
    for (const item of patientSection('candidacy').items) expect(text).toContain(ES[item.key]);
    expect(await tab(v.page, 'risks').innerText()).toBe(ES['patient.risks.button']);
    expect(await tab(v.page, 'recovery').innerText()).toBe(ES['patient.recovery.button']);
    expect(text).not.toMatch(/ the | and |Close/);
    await v.close();
  }, 60_000);

  it('without 3D, the transcript tells the patient sections after the steps', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 760 } });
    await disableWebGL(context);
    const page = await context.newPage();
    await page.goto(`${suite.origin}/index.html`);
    await waitForViewerReady(page);
    const sections = await page
      .locator('spine-procedure-viewer .spv-transcript .spv-transcript-patient h3')
      .allTextContents();
    expect(sections).toEqual(PATIENT_SECTIONS.map((s) => EN[s.title]));
    const text = await page.locator('spine-procedure-viewer .spv-transcript').innerText();
    expect(text.indexOf(EN['patient.risks.leakSilent']!)).toBeGreaterThan(
      text.indexOf(EN['step.result.title']!),
    );
    await context.close();
  }, 60_000);

  for (const size of SIZES)
    it(`each panel at ${size.name} (${size.width}×${size.height}) has its own space: no overlap, nothing cut off`, async () => {
      for (const lang of ['en', 'es']) {
        // One page per language: the other panels are opened on it through the `panel` attribute (the same
        // option path as the URL), rather than by loading the page again for each.
        const [first, ...others] = PATIENT_SECTIONS;
        const v = await openViewer(suite.browser, suite.origin, `?lang=${lang}&panel=${first!.id}`, size);
        for (const section of [first!, ...others]) {
          if (section !== first) {
            await v.page.evaluate(
              (id) => document.querySelector('spine-procedure-viewer')!.setAttribute('panel', id),
              section.id,
            );
            await expect.poll(() => openPanel(v.page)).toBe(section.id);
          }
          expect(await openPanel(v.page)).toBe(section.id);
          const boxes = await measurePanels(v.page);
          expect(boxes.map((b) => b.name)).toEqual(
            expect.arrayContaining(['patient panel', 'patient buttons']),
          );
          expect(overlaps(boxes), `${section.id} ${lang}`).toEqual([]);
          expect(cutOff(boxes), `${section.id} ${lang}`).toEqual([]);
          await screenshotOf(v.page.locator('spine-procedure-viewer'), {
            path: `${ARTIFACTS}/patient-${section.id}-${lang}-${size.name}.png`,
          });
        }
        expect(v.errors).toEqual([]);
        await v.close();
      }
    }, 180_000);
});
