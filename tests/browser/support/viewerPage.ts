import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectErrors, waitForViewerReady } from './browser';

export const ARTIFACTS = 'test-artifacts';

export interface ViewerPage {
  page: Page;
  errors: string[];
  /** `getState()` of the viewer element. */
  state(): Promise<
    Record<string, unknown> & { time: number; step: string; procedure: string; stepProgress: number }
  >;
  screenshot(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** Open the built standalone page with a query string and wait until the viewer has drawn its first frame. */
export async function openViewer(
  browser: Browser,
  origin: string,
  query = '',
  viewport = { width: 1100, height: 760 },
  /** `locale`: the browser's language (navigator.languages), e.g. 'es-ES'; Playwright's default otherwise. */
  /** `init`: prepares the context before the page loads (e.g. `context.addInitScript` stand-ins). */
  options: {
    reducedMotion?: 'reduce' | 'no-preference';
    locale?: string;
    init?: (context: BrowserContext) => Promise<void>;
  } = {},
): Promise<ViewerPage> {
  const context = await browser.newContext({
    viewport,
    reducedMotion: options.reducedMotion ?? 'no-preference',
    ...(options.locale ? { locale: options.locale } : {}),
  });
  await options.init?.(context);
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${origin}/index.html${query}`);
  await waitForViewerReady(page);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    page,
    errors,
    state: () => page.evaluate(() => document.querySelector('spine-procedure-viewer')!.getState() as never),
    screenshot: (name) => page.screenshot({ path: `${ARTIFACTS}/${name}.png` }),
    close: () => context.close(),
  };
}

/** Seek the viewer to t and wait for the frame at t to be drawn. */
export async function seekAndSettle(page: Page, t: number): Promise<void> {
  await page.evaluate(async (time) => {
    const el = document.querySelector('spine-procedure-viewer') as HTMLElement & { currentTime: number };
    el.currentTime = time;
    // Bounded: a page whose frames stop coming fails here, saying so, rather than at the test's own timeout.
    await Promise.race([
      new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error(`no animation frame within 60 s after seeking to ${time} s`)),
          60_000,
        ),
      ),
    ]);
  }, t);
}

/**
 * A control of the viewer that a small (or crowded) viewer folds into its More menu: opens the menu first when the
 * control is not on screen, as a user would. `selector` is inside the viewer, e.g. `.spv-language select`.
 */
export async function viewerControl(page: Page, selector: string, viewer = 'spine-procedure-viewer') {
  const control = page.locator(`${viewer} ${selector}`).first();
  const more = page.locator(`${viewer} .spv-more-toggle`).first();
  if (!(await control.isVisible()) && (await more.isVisible())) {
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
    await control.waitFor({ state: 'visible' });
  }
  return control;
}
