import chromium from '@sparticuz/chromium';
import {
  chromium as playwright,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Frame,
  type Page,
} from 'playwright-core';

/** Software WebGL2 through SwiftShader: the same pixels on any Linux machine, no GPU needed. */
const ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/** A real Chromium: CHROME_PATH when set, else the one shipped inside the @sparticuz/chromium npm package. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH || (await chromium.executablePath());
  return playwright.launch({ executablePath, args: ARGS, headless: true });
}

/** Console errors and uncaught exceptions of a page, collected for "no errors" assertions. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/**
 * Wait for the viewer's `ready` promise (first frame with the models drawn), then for the rest of the scene.
 * Polls on a timer, not on animation frames: a busy software GPU can hold frames back for long stretches on a
 * loaded machine, and the wait is for the page's state, not for a frame. A timeout says where the page stood.
 */
export async function waitForViewerReady(
  page: Page | Frame,
  selector = 'spine-procedure-viewer',
): Promise<void> {
  try {
    await page.waitForFunction(
      (sel) => customElements.get('spine-procedure-viewer') && document.querySelector(sel),
      selector,
      { timeout: 60_000, polling: 200 },
    );
    // Bounded like the waits around it: a viewer that never draws fails here with its diagnostics, not at the
    // test's own timeout with none.
    await page.evaluate(async (sel) => {
      const el = document.querySelector(sel) as HTMLElement & { ready: Promise<void> };
      await Promise.race([
        el.ready,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('the viewer was not ready within 60 s')), 60_000),
        ),
      ]);
    }, selector);
    // `ready` is the first frame; what the opening overview does not show loads right after it.
    await page.waitForFunction(
      (sel) => {
        const el = document.querySelector(sel) as HTMLElement & {
          getRenderStats(): { sceneComplete: boolean };
        };
        return el.getRenderStats().sceneComplete;
      },
      selector,
      { timeout: 60_000, polling: 200 },
    );
  } catch (error) {
    const where = await page
      .evaluate(
        (sel) => ({
          url: location.href,
          readyState: document.readyState,
          defined: Boolean(customElements.get('spine-procedure-viewer')),
          element: Boolean(document.querySelector(sel)),
          stats: (
            document.querySelector(sel) as (HTMLElement & { getRenderStats?(): unknown }) | null
          )?.getRenderStats?.(),
          scripts: performance
            .getEntriesByType('resource')
            .map((e) => `${e.name.replace(location.origin, '')} ${Math.round(e.duration)} ms`),
        }),
        selector,
      )
      .catch((e: unknown) => `page did not answer: ${String(e)}`);
    throw new Error(`viewer not ready: ${String(error)}\nwhere the page stood: ${JSON.stringify(where)}`);
  }
}

/** Make every page of this context a browser without WebGL: getContext('webgl2' | 'webgl') returns null. */
export async function disableWebGL(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      type: string,
      ...rest: unknown[]
    ) {
      if (type === 'webgl2' || type === 'webgl' || type === 'experimental-webgl') return null;
      return (
        original as (this: HTMLCanvasElement, t: string, ...r: unknown[]) => RenderingContext | null
      ).call(this, type, ...rest);
    } as typeof HTMLCanvasElement.prototype.getContext;
  });
}
