import { symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors } from './support/browser';
import { viewerReady } from './support/embedPage';
import { createHostSite, page as html, STRICT_CSP, type HostSite } from './support/hostSite';
import { browserSuite } from './support/suite';
import { ARTIFACTS } from './support/viewerPage';

/*
 * The viewer as the media of a widely used player UI, media-chrome: its controller drives the viewer through
 * HTMLMediaElement's API and shows what the viewer's media events tell it. The same page then pins the exact event
 * order of a seek and of a procedure change, and the TimeRanges read-outs.
 */
let site: HostSite;

/**
 * media-chrome's elements carry `<style>` elements in their shadow templates, which a strict `style-src 'self'`
 * blocks; the player page alone allows inline styles for them. The viewer itself still adopts constructed
 * stylesheets only, and every other page of the test suite keeps the strict policy.
 */
const PLAYER_CSP = STRICT_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

const PLAYER = `<media-controller id="player">
  <spine-procedure-viewer slot="media" controls="none" narration="on" lang="en"></spine-procedure-viewer>
  <media-control-bar>
    <media-play-button></media-play-button>
    <media-seek-backward-button seekoffset="10"></media-seek-backward-button>
    <media-time-range></media-time-range>
    <media-time-display showduration></media-time-display>
    <media-playback-rate-button rates="0.5 1 2"></media-playback-rate-button>
    <media-mute-button></media-mute-button>
  </media-control-bar>
</media-controller>`;

beforeAll(() => {
  site = createHostSite();
  // media-chrome's ES modules straight from the installed package, on the page's own origin.
  symlinkSync(resolve('node_modules/media-chrome/dist'), join(site.root, 'media-chrome'), 'dir');
  site.write(
    'player.css',
    'body { margin: 0; } media-controller { display: block; width: 960px; height: 600px; }',
  );
  site.write(
    'player.html',
    html(
      PLAYER,
      '<link rel="stylesheet" href="/player.css">' +
        '<script type="module" src="/viewer/spine-procedure-viewer.js"></script>' +
        '<script type="module" src="/media-chrome/index.js"></script>',
    ),
  );
});

const suite = browserSuite({
  root: () => site.root,
  headers: (path): Record<string, string> =>
    path.endsWith('.html') ? { 'Content-Security-Policy': PLAYER_CSP } : {},
});

afterAll(() => site?.remove());

/**
 * A recording stand-in for Web Speech with one English voice: sentences never end by themselves, so a muted
 * viewer's cancel is the only way one stops.
 */
async function installSpeech(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const calls: string[] = [];
    class Utterance extends EventTarget {
      lang = '';
      rate = 1;
      volume = 1;
      voice: unknown = null;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(public text = '') {
        super();
      }
    }
    const voice = { lang: 'en-US', name: 'Test', voiceURI: 'test', default: true, localService: true };
    const synth = Object.assign(new EventTarget(), {
      speaking: false,
      pending: false,
      paused: false,
      getVoices: () => [voice],
      speak: (u: Utterance) => calls.push(`speak@${u.volume}`),
      cancel: () => calls.push('cancel'),
      pause() {},
      resume() {},
    });
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    (window as unknown as { __speech: string[] }).__speech = calls;
  });
}

async function openPlayer(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await suite.browser.newContext({ viewport: { width: 1000, height: 700 } });
  await installSpeech(context);
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${suite.origin}/player.html`);
  await page.waitForFunction(() => customElements.get('media-controller'));
  await viewerReady(page);
  return { page, errors, close: () => context.close() };
}

/** The text a media-chrome time display shows ("0:12 / 1:40"). */
const shownTime = (page: Page) =>
  page.evaluate(() =>
    document
      .querySelector('media-time-display')!
      .shadowRoot!.querySelector('slot')!
      .textContent!.replace(/\s+/g, ' ')
      .trim(),
  );

const viewerFacts = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('spine-procedure-viewer')!;
    return {
      paused: el.paused,
      time: el.currentTime,
      rate: el.playbackRate,
      muted: el.muted,
      ended: el.ended,
    };
  });

const clock = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

describe('inside media-chrome', () => {
  it('its controls play, pause, seek, change rate and mute the viewer, and show its time, duration and end', async () => {
    const { page, errors, close } = await openPlayer();
    const duration = await page.evaluate(() => document.querySelector('spine-procedure-viewer')!.duration);
    // The duration is shown from the start: media-chrome read it at the readiness events.
    await expect.poll(() => shownTime(page), { timeout: 10_000 }).toBe(`0:00 / ${clock(duration)}`);

    // Play and pause from the player UI.
    await page.locator('media-play-button').click();
    await expect.poll(async () => (await viewerFacts(page)).paused, { timeout: 10_000 }).toBe(false);
    await expect
      .poll(() => page.locator('media-controller').getAttribute('mediapaused'), { timeout: 10_000 })
      .toBeNull();
    await page.waitForTimeout(1200);
    await page.locator('media-play-button').click();
    await expect.poll(async () => (await viewerFacts(page)).paused, { timeout: 10_000 }).toBe(true);
    expect((await viewerFacts(page)).time).toBeGreaterThan(0.5);

    // A seek through the element: the time display follows at once (no playing needed for a timeupdate).
    await page.evaluate(() => (document.querySelector('spine-procedure-viewer')!.currentTime = 65));
    await expect.poll(() => shownTime(page), { timeout: 10_000 }).toBe(`1:05 / ${clock(duration)}`);

    // The seek-backward button: 10 s back, shown.
    await page.locator('media-seek-backward-button').click();
    await expect.poll(async () => (await viewerFacts(page)).time, { timeout: 10_000 }).toBe(55);
    await expect.poll(() => shownTime(page), { timeout: 10_000 }).toBe(`0:55 / ${clock(duration)}`);

    // A click at the middle of the time range seeks there, and the display shows it.
    const box = (await page.locator('media-time-range').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect
      .poll(async () => Math.abs((await viewerFacts(page)).time - duration / 2), { timeout: 10_000 })
      .toBeLessThan(duration * 0.06);
    const middle = (await viewerFacts(page)).time;
    await expect
      .poll(() => shownTime(page), { timeout: 10_000 })
      .toBe(`${clock(middle)} / ${clock(duration)}`);

    // The rate button goes to the viewer's next rate, and shows what the viewer took.
    await page.locator('media-playback-rate-button').click();
    await expect.poll(async () => (await viewerFacts(page)).rate, { timeout: 10_000 }).toBe(2);
    await expect
      .poll(() => page.locator('media-controller').getAttribute('mediaplaybackrate'), { timeout: 10_000 })
      .toBe('2');

    // Mute silences narration: the sentence being spoken is cancelled; unmuting speaks again.
    await page.evaluate(() => document.querySelector('spine-procedure-viewer')!.play());
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __speech: string[] }).__speech.at(-1)))
      .toBe('speak@1');
    await page.locator('media-mute-button').click();
    await expect.poll(async () => (await viewerFacts(page)).muted, { timeout: 10_000 }).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __speech: string[] }).__speech.at(-1))).toBe(
      'cancel',
    );
    expect(await page.locator('media-mute-button').getAttribute('mediavolumelevel')).toBe('off');
    await page.locator('media-mute-button').click();
    await expect.poll(async () => (await viewerFacts(page)).muted, { timeout: 10_000 }).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { __speech: string[] }).__speech.at(-1))).toBe(
      'speak@1',
    );

    // The end: played through (narration off, so nothing waits), the player shows the ended state.
    await page.evaluate(async () => {
      const el = document.querySelector('spine-procedure-viewer')!;
      el.narration = 'off';
      el.currentTime = el.duration - 0.6;
      await el.play();
      await new Promise((r) => el.addEventListener('ended', r, { once: true }));
    });
    expect(await viewerFacts(page)).toMatchObject({ ended: true, paused: true, time: duration });
    await expect
      .poll(() => page.locator('media-controller').getAttribute('mediaended'), { timeout: 10_000 })
      .toBe('');
    await expect
      .poll(() => shownTime(page), { timeout: 10_000 })
      .toBe(`${clock(duration)} / ${clock(duration)}`);
    await page.screenshot({ path: `${ARTIFACTS}/media-chrome-player.png` });
    expect(errors).toEqual([]);
    await close();
    // A long walk through the player on a shared, software-rendering machine: more than the default time.
  }, 240_000);
});

describe('media events and read-outs', () => {
  it('a seek is seeking → timeupdate → seeked; a procedure change is durationchange → loadedmetadata', async () => {
    const { page, errors, close } = await openPlayer();
    const seen = await page.evaluate(() => {
      const el = document.querySelector('spine-procedure-viewer')!;
      const log: string[] = [];
      const types = [
        'seeking',
        'timeupdate',
        'seeked',
        'durationchange',
        'loadedmetadata',
        'procedurechange',
      ];
      for (const type of types)
        el.addEventListener(type, (e) => {
          const d = (e as CustomEvent<{ time?: number; duration?: number }>).detail;
          log.push(`${type}:${el.seeking}:${(d.time ?? d.duration)!.toFixed(1)}`);
        });
      el.currentTime = 30;
      const seek = log.splice(0);
      const before = el.duration;
      el.procedure = 'vertebroplasty';
      return { seek, change: log.splice(0), before, after: el.duration };
    });
    expect(seen.seek).toEqual(['seeking:true:30.0', 'timeupdate:false:30.0', 'seeked:false:30.0']);
    expect(seen.change.map((e) => e.split(':')[0])).toEqual([
      'durationchange',
      'loadedmetadata',
      'procedurechange',
      'timeupdate',
    ]);
    expect(seen.change[0]).toBe(`durationchange:false:${seen.after.toFixed(1)}`);
    // media-chrome read the new duration from those events.
    await expect
      .poll(() => shownTime(page), { timeout: 10_000 })
      .toMatch(new RegExp(` / ${clock(seen.after)}$`));
    expect(errors).toEqual([]);
    await close();
  });

  it('seekable, buffered and played are TimeRanges; bad volume and muted values are refused politely', async () => {
    const { page, errors, close } = await openPlayer();
    const result = await page.evaluate(async () => {
      const el = document.querySelector('spine-procedure-viewer')!;
      const ranges = (r: TimeRanges) => Array.from({ length: r.length }, (_, i) => [r.start(i), r.end(i)]);
      const outOfRange = (() => {
        try {
          el.seekable.end(1);
          return 'no error';
        } catch (e) {
          return (e as DOMException).name;
        }
      })();
      el.narration = 'off';
      el.currentTime = 10;
      await el.play();
      await new Promise((r) => setTimeout(r, 600));
      el.pause();
      const played = ranges(el.played);
      const errorsSeen: string[] = [];
      el.addEventListener('error', (e) =>
        errorsSeen.push((e as unknown as CustomEvent<{ type: string }>).detail.type),
      );
      const volumes: string[] = [];
      el.addEventListener('volumechange', () => volumes.push(`${el.volume}/${el.muted}`));
      el.volume = 0.5;
      el.volume = 1.5;
      el.volume = Number.NaN;
      el.muted = 'maybe' as never;
      el.muted = true;
      return {
        seekable: ranges(el.seekable),
        buffered: ranges(el.buffered),
        duration: el.duration,
        outOfRange,
        played,
        readyState: el.readyState,
        networkState: el.networkState,
        volume: el.volume,
        errorsSeen,
        volumes,
      };
    });
    expect(result.seekable).toEqual([[0, result.duration]]);
    expect(result.buffered).toEqual([[0, result.duration]]);
    expect(result.outOfRange).toBe('IndexSizeError');
    expect(result.played).toHaveLength(1);
    expect(result.played[0]![0]).toBeCloseTo(10, 2);
    expect(result.played[0]![1]).toBeGreaterThan(10.3);
    expect(result).toMatchObject({ readyState: 4, networkState: 1, volume: 0.5 });
    expect(result.errorsSeen).toEqual(['command', 'command', 'command']);
    expect(result.volumes).toEqual(['0.5/false', '0.5/true']);
    expect(errors).toEqual([]);
    await close();
  });
});
