import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, disableWebGL } from './support/browser';
import { importInPage, viewerReady } from './support/embedPage';
import { createHostSite, page as html, STRICT_CSP, type HostSite } from './support/hostSite';
import { browserSuite } from './support/suite';
import { ARTIFACTS } from './support/viewerPage';

/*
 * The element's contract as an embedding script sees it: properties and methods before it is connected and after
 * it is removed, a fresh `ready` per connection, attribute removal, the schema's parsing for properties, unsafe
 * URLs and invisible characters refused, and two viewers on one page that share no settings.
 */
let site: HostSite;

const HEAD =
  '<link rel="stylesheet" href="/host.css"><script type="module" src="/viewer/spine-procedure-viewer.js"></script>';

beforeAll(async () => {
  site = createHostSite();
  site.write(
    'host.css',
    `body { margin: 0; } .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
spine-procedure-viewer { display: block; height: 420px; }`,
  );
  site.write('empty.html', html('<main id="main"></main>', HEAD));
  site.write('bare.html', html('<main id="main"></main>', '<link rel="stylesheet" href="/host.css">'));
  site.write(
    'pair.html',
    html(
      '<div class="pair"><spine-procedure-viewer id="a" step="access"></spine-procedure-viewer>' +
        '<spine-procedure-viewer id="b" step="access" bone="healthy" share-url="https://b.example/viewer"></spine-procedure-viewer></div>',
      HEAD,
    ),
  );
});

const suite = browserSuite({
  root: () => site.root,
  headers: (path): Record<string, string> =>
    path.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {},
});

afterAll(() => site?.remove());

async function open(path: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await suite.browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${suite.origin}/${path}`);
  await page.waitForFunction(() => customElements.get('spine-procedure-viewer'));
  return { page, errors, close: () => context.close() };
}

const noticeTexts = (page: Page, selector = 'spine-procedure-viewer') =>
  page.locator(`${selector} .spv-notice`).allTextContents();

describe('element lifecycle', () => {
  it('works before it is connected, after it is removed, and again when put back', async () => {
    const { page, errors, close } = await open('empty.html');
    const before = await page.evaluate(async () => {
      const el = document.createElement('spine-procedure-viewer');
      el.procedure = 'VERTEBROPLASTY' as never;
      el.level = 't12' as never;
      el.labels = 'false' as never;
      el.pause();
      let playError = '';
      await el.play().catch((e: DOMException) => (playError = e.name));
      const state = el.getState();
      (window as unknown as { el: HTMLElement }).el = el;
      return {
        procedure: el.procedure,
        level: el.level,
        labels: el.labels,
        playError,
        step: state.step,
        stateProcedure: state.procedure,
      };
    });
    expect(before).toEqual({
      procedure: 'vertebroplasty',
      level: 'T12',
      labels: false,
      playError: 'InvalidStateError',
      step: 'overview',
      stateProcedure: 'vertebroplasty',
    });

    // Connected: the settings made before connecting are the viewer's; it draws and is ready.
    await page.evaluate(() =>
      document.querySelector('#main')!.append((window as unknown as { el: HTMLElement }).el),
    );
    await viewerReady(page);
    await page.evaluate(async () => {
      const el = document.querySelector('spine-procedure-viewer')!;
      el.currentTime = 40;
      await el.play();
    });
    const chip = await page.locator('spine-procedure-viewer .spv-level-chip').textContent();
    expect(chip).toContain('T12');

    // Removed: it pauses, keeps its place, answers, and refuses to play; put back: a fresh ready after a new draw.
    const removed = await page.evaluate(async () => {
      const el = document.querySelector('spine-procedure-viewer')!;
      el.remove();
      const time = el.currentTime;
      let playError = '';
      await el.play().catch((e: DOMException) => (playError = e.name));
      const state = el.getState();
      let resolved = false;
      const ready = el.ready.then(() => (resolved = true));
      await new Promise((r) => setTimeout(r, 300));
      const resolvedWhileDetached = resolved;
      document.querySelector('#main')!.append(el);
      await ready;
      return {
        paused: el.paused,
        playError,
        level: state.level,
        kept: Math.abs(el.currentTime - time) < 1e-9,
        resolvedWhileDetached,
      };
    });
    expect(removed).toEqual({
      paused: true,
      playError: 'InvalidStateError',
      level: 'T12',
      kept: true,
      resolvedWhileDetached: false,
    });
    expect(errors).toEqual([]);
    await close();
  });

  it('properties set before the element is defined are applied when it upgrades', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${suite.origin}/bare.html`);
    await page.evaluate(() => {
      // Not defined yet: these land as plain own properties of an HTMLElement.
      const el = document.createElement('spine-procedure-viewer');
      el.level = 'T8';
      el.procedure = 'vertebroplasty';
      el.muted = true;
      el.volume = 0.3;
      document.querySelector('#main')!.append(el);
    });
    await importInPage(page, '/viewer/spine-procedure-viewer.js', 'SPV');
    await viewerReady(page);
    const state = await page.evaluate(() => {
      const el = document.querySelector('spine-procedure-viewer')!;
      return {
        level: el.level,
        procedure: el.procedure,
        muted: el.muted,
        volume: el.volume,
        own: ['level', 'muted', 'volume'].some((k) => Object.prototype.hasOwnProperty.call(el, k)),
      };
    });
    expect(state).toEqual({ level: 'T8', procedure: 'vertebroplasty', muted: true, volume: 0.3, own: false });
    expect(await page.locator('spine-procedure-viewer .spv-level-chip').textContent()).toContain('T8');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('removing an attribute restores the default; properties follow the attribute rules', async () => {
    const { page, errors, close } = await open('pair.html');
    await viewerReady(page, '#a');
    const result = await page.evaluate(() => {
      const el = document.querySelector<HTMLElementTagNameMap['spine-procedure-viewer']>('#a')!;
      el.setAttribute('level', 'T8');
      el.setAttribute('view', 'split');
      const set = { level: el.level, view: el.view };
      el.removeAttribute('level');
      el.removeAttribute('view');
      el.grade = '3' as never;
      el.detector = 'Flat-Panel' as never;
      return { set, level: el.level, view: el.view, grade: el.grade, detector: el.detector };
    });
    expect(result).toEqual({
      set: { level: 'T8', view: 'split' },
      level: 'L1',
      view: '3d',
      grade: 3,
      detector: 'flat-panel',
    });
    expect(errors).toEqual([]);
    await close();
  });
});

describe('events', () => {
  it('a seek, play, and the end of the timeline dispatch the media element events in its order', async () => {
    const { page, errors, close } = await open('pair.html');
    await viewerReady(page, '#a');
    // The other viewer too: its scene loading after its first frame must not compete with the last second here.
    await viewerReady(page, '#b');
    const seen = await page.evaluate(async () => {
      const el = document.querySelector<HTMLElementTagNameMap['spine-procedure-viewer']>('#a')!;
      const events: string[] = [];
      const types = ['seeking', 'timeupdate', 'seeked', 'play', 'playing', 'pause', 'ended', 'stepchange'];
      for (const type of types)
        el.addEventListener(type, () => {
          // Timeupdates while playing come at their own pace: one entry for a run of them.
          if (type !== 'timeupdate' || events.at(-1) !== 'timeupdate') events.push(type);
        });
      const ended = new Promise((resolve) => el.addEventListener('ended', resolve, { once: true }));
      el.currentTime = el.duration - 0.4;
      // Step events come from drawn frames: let the jump's frame be drawn before the last 0.4 s starts. (Right
      // after loading, software GL may hold animation frames back longer than that, while the timer runs on.)
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await el.play();
      await ended;
      return { events, ended: el.ended, paused: el.paused, atEnd: el.currentTime === el.duration };
    });
    // A seek: seeking → timeupdate → seeked; the end: a last timeupdate (at the duration) → pause → ended.
    expect(seen.events.filter((e) => e !== 'stepchange')).toEqual([
      'seeking',
      'timeupdate',
      'seeked',
      'play',
      'playing',
      'timeupdate',
      'pause',
      'ended',
    ]);
    expect(
      seen.events.filter((e) => e === 'stepchange'),
      'the jump to the last step is announced once',
    ).toEqual(['stepchange']);
    expect(seen).toMatchObject({ ended: true, paused: true, atEnd: true });
    expect(errors).toEqual([]);
    await close();
  });
});

describe('unsafe input', () => {
  it('refuses javascript: and malformed share links and posters with a notice, and strips invisible characters', async () => {
    const { page, errors, close } = await open('pair.html');
    await viewerReady(page, '#a');
    const kept = await page.evaluate(() => {
      const el = document.querySelector<HTMLElementTagNameMap['spine-procedure-viewer']>('#b')!;
      el.setAttribute('share-url', 'javascript:alert(document.domain)');
      el.setAttribute('share-url', 'http://[');
      el.setAttribute('poster', 'javascript:alert(1)');
      el.setAttribute('level', 'L1\u202Eelpmaxe.live ta ni ngis');
      return el.shareUrl;
    });
    expect(kept, 'the good share URL stays').toBe('https://b.example/viewer');
    const notices = await noticeTexts(page, '#b');
    expect(notices.some((n) => n.includes('share-url') && n.includes('javascript:'))).toBe(true);
    expect(notices.some((n) => n.includes('http://['))).toBe(true);
    expect(notices.some((n) => n.includes('poster'))).toBe(true);
    expect(notices.join(' ')).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
    expect(notices.join(' ')).toContain('L1elpmaxe.live');
    expect(await noticeTexts(page, '#a'), 'the other viewer is not told').toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('two viewers on one page', () => {
  it('keep their own settings: different bone density gives different X-rays, and changing one leaves the other', async () => {
    const { page, errors, close } = await open('pair.html');
    await viewerReady(page, '#a');
    await viewerReady(page, '#b');
    const capture = (id: string) =>
      page.evaluate(
        (sel) =>
          document
            .querySelector<HTMLElementTagNameMap['spine-procedure-viewer']>(sel)!
            .captureFluoro({ view: 'lateral' }),
        id,
      );
    const a1 = await capture('#a');
    const b1 = await capture('#b');
    expect(a1, 'osteoporotic and healthy bone differ').not.toBe(b1);
    expect(await capture('#a'), 'capture is repeatable').toBe(a1);
    await page.evaluate(() => document.querySelector('#b')!.setAttribute('bone', 'osteoporotic'));
    expect(await capture('#a'), 'changing b leaves a unchanged').toBe(a1);
    expect(await capture('#b'), 'b now matches a').toBe(a1);
    await page.evaluate(() => document.querySelector('#a')!.setAttribute('polarity', 'bone-black'));
    expect(await capture('#b'), 'polarity of a leaves b unchanged').toBe(a1);
    const shares = await page.evaluate(() =>
      [...document.querySelectorAll('spine-procedure-viewer')].map((el) => el.shareUrl),
    );
    expect(shares[1]).toBe('https://b.example/viewer');
    expect(shares[0]).toContain('/viewer/index.html');
    await page.screenshot({ path: `${ARTIFACTS}/element-two-viewers.png` });
    expect(errors).toEqual([]);
    await close();
  });
});

describe('the no-WebGL transcript', () => {
  it('quotes the result’s figures, not those of the current moment', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 900, height: 700 } });
    await disableWebGL(context);
    const page = await context.newPage();
    await page.goto(`${suite.origin}/viewer/index.html?audience=clinician&t=0`);
    await viewerReady(page);
    const figures = await page.evaluate(() => {
      const el = document.querySelector('spine-procedure-viewer')!;
      const now = el.getState();
      el.currentTime = el.duration;
      const end = el.getState();
      el.currentTime = 0;
      return {
        now: Math.round(now.anteriorHeightPct),
        result: Math.round(end.anteriorHeightPct),
        wedge: end.wedgeAngleDeg.toFixed(1),
      };
    });
    expect(figures.now, 'the picture at t=0 differs from the result').not.toBe(figures.result);
    // Without a canvas the frame still exists: the time label and readouts show the real procedure.
    await expect
      .poll(() => page.locator('spine-procedure-viewer .spv-time').textContent(), { timeout: 10_000 })
      .toMatch(/^0:00 of 1:\d\d$/);
    expect(await page.locator('spine-procedure-viewer .spv-readouts').textContent()).toContain(
      `${figures.now} %`,
    );
    const text = await page.locator('spine-procedure-viewer .spv-transcript > ol > li').last().textContent();
    expect(text).toContain(`anterior height ${figures.result} %`);
    expect(text).toContain(`wedge angle ${figures.wedge}°`);
    await context.close();
  });
});
