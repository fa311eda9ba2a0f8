import type { Frame, Page } from 'playwright-core';
import { waitForViewerReady } from './browser';

/**
 * Import an ES module into the page as `window[name]`. The expression is passed as a string so the test runner's
 * own module transform never rewrites the dynamic import.
 */
export async function importInPage(page: Page | Frame, url: string, name: string): Promise<void> {
  await page.evaluate(`import(${JSON.stringify(url)}).then((m) => { window[${JSON.stringify(name)}] = m; })`);
}

/** The frame whose URL starts with this origin (the embedded viewer), once it has navigated there. */
export async function frameOf(page: Page, origin: string): Promise<Frame> {
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(origin) && f !== page.mainFrame());
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error(`no frame from ${origin}`);
}

/** Playback facts read inside the viewer's own document (a test's view from behind the glass). */
export function viewerFacts(frame: Frame): Promise<{
  paused: boolean;
  time: number;
  procedure: string;
  step: string;
}> {
  return frame.evaluate(() => {
    const el = document.querySelector('spine-procedure-viewer') as HTMLElement & {
      paused: boolean;
      currentTime: number;
      procedure: string;
      step: string;
    };
    return { paused: el.paused, time: el.currentTime, procedure: el.procedure, step: el.step };
  });
}

/** Wait until the viewer in this document (or frame) has drawn its first frame and loaded the rest of its scene. */
export function viewerReady(frame: Page | Frame, selector = 'spine-procedure-viewer'): Promise<void> {
  return waitForViewerReady(frame, selector);
}
