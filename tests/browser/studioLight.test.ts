import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotDeviation } from './support/imageStats';
import { browserSuite } from './support/suite';
import { openViewer, type ViewerPage } from './support/viewerPage';
import { screenshotOf } from './support/screenshotOf';

/*
 * The studio light comes prefiltered in models/studio-light.bin (scene/studioLight/), so the first frame waits for
 * no GPU work to build it. Where the file cannot be read, the viewer builds the same light on the device. The two
 * pictures must match: that proves the file holds the light the viewer's own code makes (re-bake with
 * `npm run studio-light` when the room or three.js's PMREM changes), in the orientation three.js samples it.
 */
const suite = browserSuite();

/** A step with bone, steel and the glossy balloon: every roughness the light is read at. */
const QUERY = '?step=balloon-inflation&controls=none';
const VIEWPORT = { width: 1280, height: 800 };
const LIGHT_FILE = /\/assets\/studio-light-[\w-]+\.bin$/;

/** Which source lit the viewer (the `spv-studio-environment` measure's detail). */
async function lightSources(viewer: ViewerPage): Promise<string[]> {
  return viewer.page.evaluate(() =>
    performance
      .getEntriesByName('spv-studio-environment')
      .map((m) => ((m as PerformanceMeasure).detail as { source: string }).source),
  );
}

async function openWith(init?: (context: BrowserContext) => Promise<void>) {
  // Every request of the page and its workers (the decoding worker fetches the light): the context sees them all.
  const requests: string[] = [];
  const viewer = await openViewer(suite.browser, suite.origin, QUERY, VIEWPORT, {
    init: async (context) => {
      // The service worker's own requests (its precache) are not the viewer's.
      context.on('request', (request) => {
        if (!request.serviceWorker()) requests.push(request.url());
      });
      await init?.(context);
    },
  });
  const canvas = await screenshotOf(viewer.page.locator('spine-procedure-viewer canvas'));
  const named = (file: RegExp) => requests.filter((url) => file.test(new URL(url).pathname));
  return {
    viewer,
    canvas,
    lightRequests: named(LIGHT_FILE),
    modelRequests: named(/\/assets\/spine-[\w-]+\.glb$/),
    canvasChunkRequests: named(/\/assets\/ViewerCanvas-[\w-]+\.js$/),
  };
}

describe('the studio light', () => {
  it('comes from the file, and a light built on the device where the file is missing or broken looks the same', async () => {
    const fromFile = await openWith();
    expect(await lightSources(fromFile.viewer)).toEqual(['file']);
    expect(fromFile.lightRequests).toHaveLength(1);
    // The page's HTML starts the model and the canvas chunk (preloads); the viewer's own requests reuse them.
    expect(fromFile.modelRequests).toHaveLength(1);
    expect(fromFile.canvasChunkRequests).toHaveLength(1);
    // Who started each download: the HTML's preloads ('link'; a module preload reports 'other', as the pages'
    // other module preloads do), not the viewer's fetch ('fetch') or import ('script').
    const startedBy = await fromFile.viewer.page.evaluate(() =>
      Object.fromEntries(
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .map((e) => [
            /\/assets\/(spine|ViewerCanvas)-[\w-]+\.(glb|js)$/.exec(new URL(e.name).pathname)?.[1],
            e.initiatorType,
          ])
          .filter(([file]) => file),
      ),
    );
    expect(startedBy).toEqual({ spine: 'link', ViewerCanvas: 'other' });
    expect(fromFile.viewer.errors).toEqual([]);

    const missing = await openWith((context) => context.route(LIGHT_FILE, (route) => route.abort()));
    expect(await lightSources(missing.viewer)).toEqual(['device']);
    // Only the refused download itself is reported; nothing breaks and no notice is needed.
    expect(missing.viewer.errors.every((e) => e.includes('Failed to load resource'))).toBe(true);

    const broken = await openWith((context) =>
      context.route(LIGHT_FILE, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/octet-stream',
          body: Buffer.from('SPVL\u0001'),
        }),
      ),
    );
    expect(await lightSources(broken.viewer)).toEqual(['device']);
    expect(broken.viewer.errors).toEqual([]);

    // The file keeps 7 of the half floats' 10 mantissa bits: at most a level here and there.
    const filed = await screenshotDeviation(fromFile.viewer.page, fromFile.canvas, missing.canvas);
    expect(filed.mean).toBeLessThan(0.1);
    expect(filed.max).toBeLessThanOrEqual(3);
    const rebuilt = await screenshotDeviation(fromFile.viewer.page, missing.canvas, broken.canvas);
    expect(rebuilt.max).toBeLessThanOrEqual(1);
    for (const { viewer } of [fromFile, missing, broken]) await viewer.close();
  });
});
