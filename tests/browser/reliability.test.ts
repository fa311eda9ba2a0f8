import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite';
import { collectErrors, disableWebGL, waitForViewerReady } from './support/browser';
import { heapFigures } from './support/heap';
import { pngVariety } from './support/imageStats';
import { openViewer, seekAndSettle } from './support/viewerPage';
import { screenshotOf } from './support/screenshotOf';

const suite = browserSuite();

type Viewer = HTMLElement & {
  play(): Promise<void>;
  paused: boolean;
  currentTime: number;
  getRenderStats(): { geometries: number; textures: number };
  procedure: string;
  duration: number;
};

/** Record the viewer's `error` events (detail.type) on window.__errors. */
async function recordErrors(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __errors: string[] };
    w.__errors = [];
    document
      .querySelector('spine-procedure-viewer')!
      .addEventListener('error', (e) =>
        w.__errors.push((e as unknown as CustomEvent<{ type: string }>).detail.type),
      );
  });
}

const errorsSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __errors: string[] }).__errors);

/** Lose (or restore) the WebGL context of the viewer's current canvas, as a GPU reset would. */
async function context(page: Page, action: 'lose' | 'restore'): Promise<void> {
  await page.evaluate((a) => {
    const w = window as unknown as { __loseExt?: WEBGL_lose_context };
    if (a === 'lose') {
      const canvas = document.querySelector('spine-procedure-viewer')!.shadowRoot!.querySelector('canvas')!;
      w.__loseExt = canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
      w.__loseExt.loseContext();
    } else {
      w.__loseExt!.restoreContext();
    }
  }, action);
}

const statusTexts = (page: Page) => page.locator('spine-procedure-viewer [role="status"]').allTextContents();

/** What is checked here does not depend on the size; software GL spends its time on pixels (playing above all). */
const SMALL = { width: 640, height: 480 };

describe('reliability', () => {
  it('context lost during playback: calm notice, pause, error event; restored in place', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?step=balloon-inflation', SMALL);
    await recordErrors(v.page);
    await v.page.evaluate(() => (document.querySelector('spine-procedure-viewer') as Viewer).play());
    await v.page.waitForTimeout(500);
    await context(v.page, 'lose');
    await v.page.waitForFunction(() => (document.querySelector('spine-procedure-viewer') as Viewer).paused);
    expect(await statusTexts(v.page)).toContain('Restoring 3D view…');
    expect(await errorsSeen(v.page)).toContain('webglcontextlost');
    const lostAt = await v.state();
    await context(v.page, 'restore');
    await v.page.waitForFunction(
      () =>
        !Array.from(
          document.querySelector('spine-procedure-viewer')!.shadowRoot!.querySelectorAll('[role="status"]'),
        ).some((e) => e.textContent === 'Restoring 3D view…'),
    );
    await seekAndSettle(v.page, lostAt.time);
    const after = await v.state();
    expect(after.step).toBe(lostAt.step);
    expect(after.time).toBeCloseTo(lostAt.time, 6);
    const shot = await screenshotOf(v.page.locator('spine-procedure-viewer canvas'));
    expect(await pngVariety(v.page, shot)).toBeGreaterThan(0.1);
    await v.close();
  });

  it('no restore: the canvas is remounted once and draws again at the same moment', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?step=cement-injection&t=80', SMALL);
    await context(v.page, 'lose');
    await v.page.waitForFunction(() => (document.querySelector('spine-procedure-viewer') as Viewer).paused);
    // The remount waits for the browser's restore first (3 s), then mounts a fresh canvas.
    await v.page.waitForFunction(
      () => {
        const root = document.querySelector('spine-procedure-viewer')!.shadowRoot!;
        const canvas = root.querySelector('canvas');
        return (
          canvas &&
          !canvas.getContext('webgl2')!.isContextLost() &&
          !root.textContent!.includes('Restoring 3D view')
        );
      },
      null,
      { timeout: 20_000 },
    );
    await seekAndSettle(v.page, 80);
    expect((await v.state()).step).toBe('cement-injection');
    const shot = await screenshotOf(v.page.locator('spine-procedure-viewer canvas'));
    expect(await pngVariety(v.page, shot)).toBeGreaterThan(0.1);
    await v.screenshot('reliability-remounted');

    // Lost again after the remount drew: stay on the transcript.
    await context(v.page, 'lose');
    await v.page.waitForSelector('spine-procedure-viewer .spv-transcript', { timeout: 10_000 });
    const items = await v.page.locator('spine-procedure-viewer .spv-transcript li h3').allTextContents();
    expect(items).toHaveLength(13);
    await v.screenshot('reliability-transcript-after-failure');
    await v.close();
  });

  it('no WebGL at all: transcript in the chosen procedure, a working step list, an error event', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 900, height: 700 } });
    await disableWebGL(context);
    await context.addInitScript(() => {
      const w = window as unknown as { __errors: string[] };
      w.__errors = [];
      window.addEventListener(
        'error',
        (e) => {
          const detail = (e as unknown as CustomEvent<{ type?: string }>).detail;
          if (detail?.type) w.__errors.push(detail.type);
        },
        true,
      );
    });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${suite.origin}/index.html?procedure=vertebroplasty&audience=clinician`);
    await page.waitForFunction(() => customElements.get('spine-procedure-viewer'));
    await waitForViewerReady(page);
    const titles = await page.locator('spine-procedure-viewer .spv-transcript li h3').allTextContents();
    expect(titles).toHaveLength(9);
    expect(titles[5]).toBe('Filling with bone cement');
    expect(await page.locator('spine-procedure-viewer .spv-transcript').textContent()).toContain(
      'Barium-opacified PMMA',
    );
    expect(await page.locator('spine-procedure-viewer canvas').count()).toBe(0);
    await page.locator('spine-procedure-viewer .spv-steps-toggle').click();
    await page.locator('spine-procedure-viewer .spv-step', { hasText: 'The cement hardens' }).click();
    // The choice moves the time; the caption follows on the next frame (an animation frame, with no canvas).
    await expect
      .poll(() => page.locator('spine-procedure-viewer .spv-caption-title').textContent(), {
        timeout: 10_000,
      })
      .toBe('The cement hardens');
    await page.screenshot({ path: 'test-artifacts/reliability-no-webgl.png' });
    expect(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toContain(
      'webglunavailable',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prefers-reduced-motion: autoplay is not honoured', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?autoplay=true', SMALL, {
      reducedMotion: 'reduce',
    });
    await v.page.waitForTimeout(800);
    expect(
      await v.page.evaluate(() => (document.querySelector('spine-procedure-viewer') as Viewer).paused),
    ).toBe(true);
    expect((await v.state()).time).toBe(0);
    await v.close();
    const moving = await openViewer(suite.browser, suite.origin, '?autoplay=true', SMALL);
    await moving.page.waitForFunction(
      () => (document.querySelector('spine-procedure-viewer') as Viewer).currentTime > 0.2,
    );
    await moving.close();
  });

  it('long run: repeated loops of both procedures and vertebra changes keep geometries and textures constant and the heap bounded', async () => {
    // Smaller still: the figures measured do not depend on the size.
    const v = await openViewer(suite.browser, suite.origin, '?view=split', { width: 320, height: 240 });
    const cdp = await v.page.context().newCDPSession(v.page);
    // Each pass changes the vertebra too (level, grade, morphology), which rebuilds its geometry; a loop always
    // ends on the same case, so the figures measured after whole loops compare like with like.
    const passes = [
      { procedure: 'kyphoplasty', level: 'L1', grade: '1', morphology: 'wedge' },
      { procedure: 'vertebroplasty', level: 'T12', grade: '2', morphology: 'biconcave' },
      { procedure: 'kyphoplasty', level: 'L3', grade: '3', morphology: 'crush' },
    ];
    const loop = async () => {
      for (const pass of passes) {
        await v.page.evaluate(async ({ procedure, ...vertebra }) => {
          const el = document.querySelector('spine-procedure-viewer') as Viewer;
          for (const [name, value] of Object.entries(vertebra)) el.setAttribute(name, value);
          el.procedure = procedure;
          for (let i = 0; i <= 8; i++) {
            el.currentTime = (el.duration * i) / 8;
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          }
        }, pass);
      }
    };
    const measure = async () => {
      const heap = await heapFigures(cdp);
      const stats = await v.page.evaluate(() =>
        (document.querySelector('spine-procedure-viewer') as Viewer).getRenderStats(),
      );
      return { ...heap, geometries: stats.geometries, textures: stats.textures };
    };
    // Warm up first: the JIT compiles more code over the first loops, which is growth but not a leak.
    for (let i = 0; i < 2; i++) await loop();
    const first = await measure();
    // Five loops, each rebuilding the vertebra three times: a geometry or texture kept per rebuild shows at once, and
    // a few kB of JS objects kept per pass show in the 2 % bound.
    for (let i = 0; i < 5; i++) await loop();
    const last = await measure();
    expect(last.geometries, 'geometries').toBe(first.geometries);
    expect(last.textures, 'textures').toBe(first.textures);
    expect(
      last.objectBytes / first.objectBytes,
      `JS objects ${first.objectBytes} → ${last.objectBytes} bytes`,
    ).toBeLessThan(1.02);
    // Compiled code keeps growing a little while V8 tiers up; the object count above is what a leak would move.
    expect(
      last.usedBytes / first.usedBytes,
      `heap ${first.usedBytes} → ${last.usedBytes} bytes`,
    ).toBeLessThan(1.2);
    expect(v.errors).toEqual([]);
    await v.close();
  }, 300_000);
});
