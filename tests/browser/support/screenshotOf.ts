import type { Locator } from 'playwright-core';

/** How long one screenshot may wait for the GPU (see screenshotOf). */
const SCREENSHOT_TIMEOUT_MS = 90_000;

/**
 * A picture of what the page shows inside an element's box (whatever overlays it included), cut from the page's
 * own frame. Playwright's element screenshot took 4–9 s a shot on the software GPU, against under half a second
 * for the same pixels cut from the page (the box rounded outwards to whole pixels, as it rounds it). The element
 * must lie inside the viewport, as every viewer page here does; one outside it is refused, not cut short.
 */
export async function screenshotOf(locator: Locator, options: { path?: string } = {}): Promise<Buffer> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('screenshotOf: the element has no box (not shown)');
  const page = locator.page();
  const viewport = page.viewportSize();
  const x = Math.floor(box.x);
  const y = Math.floor(box.y);
  const clip = {
    x,
    y,
    width: Math.ceil(box.x + box.width) - x,
    height: Math.ceil(box.y + box.height) - y,
  };
  if (viewport && (x < 0 || y < 0 || x + clip.width > viewport.width || y + clip.height > viewport.height))
    throw new Error(`screenshotOf: the element (${JSON.stringify(clip)}) reaches outside the viewport`);
  // A screenshot waits for the GPU to have drawn everything queued before it: on the software GPU a wall-sized
  // viewer with the X-ray passes can be 20–30 s behind the page just after it opens (Playwright's default limit is
  // 30 s), though every frame has long been issued.
  return page.screenshot({ clip, timeout: SCREENSHOT_TIMEOUT_MS, ...options });
}
