import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { describe, expect, it } from 'vitest';
import { STRICT_CSP } from './support/hostSite';
import { browserSuite } from './support/suite';
import { ARTIFACTS, openViewer, viewerControl } from './support/viewerPage';

/*
 * The viewer pages are served under the strict CSP of the README: the export (its lazily loaded chunk, the muxer,
 * the 2D canvas, the download link) must need nothing it refuses.
 */
const suite = browserSuite({
  headers: (path): Record<string, string> =>
    path.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {},
});
/** A small page: software WebGL draws each exported frame at the viewer's size, and the test stays short. */
const SMALL = { width: 760, height: 560 };

type Viewer = HTMLElement & {
  exportVideo(o?: Record<string, unknown>): Promise<Blob>;
  currentTime: number;
  duration: number;
  paused: boolean;
  play(): Promise<void>;
  pause(): void;
  steps: { id: string; start: number; end: number }[];
};

/** What the test reads back from an MP4: container, codec, size, duration, frames and the first key frame. */
async function demux(bytes: Uint8Array) {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const track = (await input.getPrimaryVideoTrack())!;
  const sink = new EncodedPacketSink(track);
  let frames = 0;
  for await (const packet of sink.packets()) if (packet.data.byteLength > 0) frames++;
  const key = (await sink.getFirstPacket())!;
  const config = (await track.getDecoderConfig())!;
  return {
    mime: await input.getMimeType(),
    codec: track.codec,
    width: track.displayWidth,
    height: track.displayHeight,
    duration: await input.computeDuration(),
    frames,
    key: Array.from(key.data),
    config: {
      codec: config.codec,
      description: config.description
        ? Array.from(new Uint8Array(config.description as ArrayBuffer))
        : undefined,
    },
  };
}

/**
 * Decode a key frame with the browser's own WebCodecs decoder and measure it: the picture's contrast and the
 * mean brightness of the bottom quarter (where the caption band is). Saves it as a PNG to look at.
 */
async function decodeFrame(page: Page, video: Awaited<ReturnType<typeof demux>>, name: string) {
  const result = await page.evaluate(
    async ({ key, config, width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d')!;
      await new Promise<void>((resolve, reject) => {
        const decoder = new VideoDecoder({
          output: (frame) => {
            ctx.drawImage(frame, 0, 0, width, height);
            frame.close();
            resolve();
          },
          error: reject,
        });
        decoder.configure({
          codec: config.codec,
          ...(config.description ? { description: new Uint8Array(config.description) } : {}),
        });
        decoder.decode(new EncodedVideoChunk({ type: 'key', timestamp: 0, data: new Uint8Array(key) }));
        void decoder.flush();
      });
      const luma = (y0: number, y1: number) => {
        const data = ctx.getImageData(0, y0, width, y1 - y0).data;
        let sum = 0;
        let sq = 0;
        const n = data.length / 4;
        for (let i = 0; i < data.length; i += 4) {
          const l = (0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!) / 255;
          sum += l;
          sq += l * l;
        }
        const mean = sum / n;
        return { mean, std: Math.sqrt(Math.max(0, sq / n - mean * mean)) };
      };
      return {
        picture: luma(0, Math.round(height * 0.7)),
        band: luma(Math.round(height * 0.78), height),
        png: canvas.toDataURL('image/png'),
      };
    },
    { key: video.key, config: video.config, width: video.width, height: video.height },
  );
  writeFileSync(`${ARTIFACTS}/video-${name}.png`, Buffer.from(result.png.split(',')[1]!, 'base64'));
  return result;
}

/** Record every CSP violation of the page (the strict policy must refuse nothing the export does). */
const watchCsp = (context: BrowserContext) =>
  context.addInitScript(() => {
    const found: string[] = [];
    (window as { cspViolations?: string[] }).cspViolations = found;
    document.addEventListener('securitypolicyviolation', (e) =>
      found.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });

describe('take-home video', () => {
  it('exports an MP4 of a range, frame by frame, with captions burned in, and puts the viewer back', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?level=L1', SMALL, { init: watchCsp });
    const run = await v.page.evaluate(async () => {
      const el = document.querySelector('spine-procedure-viewer') as Viewer;
      const start = el.steps.find((s) => s.id === 'cement-injection')!.start + 1;
      el.currentTime = 7;
      const progress: number[] = [];
      el.addEventListener('progress', (e) =>
        progress.push((e as unknown as CustomEvent<{ fraction: number }>).detail.fraction),
      );
      const range = { from: start, to: start + 1.5, fps: 8, width: 320, height: 240 };
      const toBytes = async (b: Blob) => Array.from(new Uint8Array(await b.arrayBuffer()));
      const withCaptions = await el.exportVideo(range);
      const afterTime = el.currentTime;
      // Two frames are enough to compare the caption band.
      const without = await el.exportVideo({ ...range, to: start + 0.25, captions: false });
      return {
        type: withCaptions.type,
        on: await toBytes(withCaptions),
        off: await toBytes(without),
        progress,
        afterTime,
        paused: el.paused,
      };
    });
    expect(run.type).toBe('video/mp4');
    expect(run.afterTime, 'the viewer is back at its time').toBeCloseTo(7, 3);
    expect(run.paused).toBe(true);
    expect(run.progress[0]).toBe(0);
    expect(run.progress.at(-1)).toBe(1);
    expect(run.progress.every((f, i) => i === 0 || f >= run.progress[i - 1]! || f === 0)).toBe(true);

    const on = await demux(new Uint8Array(run.on));
    const off = await demux(new Uint8Array(run.off));
    expect(on.mime).toMatch(/^video\/mp4/);
    expect(['avc', 'vp9', 'av1']).toContain(on.codec);
    // This Chromium encodes H.264, so the first choice is taken.
    expect(on.codec).toBe('avc');
    expect([on.width, on.height]).toEqual([320, 240]);
    expect(on.frames, '1.5 s at 8 fps').toBe(12);
    expect(on.duration).toBeCloseTo(1.5, 2);
    expect(off.frames).toBe(2);

    const framed = await decodeFrame(v.page, on, 'captions-on');
    const plain = await decodeFrame(v.page, off, 'captions-off');
    expect(framed.picture.std, 'the picture is not blank').toBeGreaterThan(0.05);
    expect(framed.band.mean, 'a dark caption band').toBeLessThan(0.35);
    expect(framed.band.std, 'with light text on it').toBeGreaterThan(0.08);
    expect(plain.band.mean - framed.band.mean, 'no band without captions').toBeGreaterThan(0.3);
    expect(v.errors).toEqual([]);
    expect(await v.page.evaluate(() => (window as { cspViolations?: string[] }).cspViolations)).toEqual([]);
    await v.close();
  });

  it('cancels promptly, allows one export at a time, refuses bad input, and the Save video button works', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?level=L1', SMALL);
    const result = await v.page.evaluate(async () => {
      const el = document.querySelector('spine-procedure-viewer') as Viewer;
      const commandErrors: string[] = [];
      el.addEventListener('error', (e) => {
        const d = (e as unknown as CustomEvent<{ type: string; message: string }>).detail;
        if (d.type === 'command') commandErrors.push(d.message);
      });
      const outcome = (p: Promise<unknown>) =>
        p.then(
          () => 'resolved',
          (e: Error) => `${e.name}: ${e.message}`,
        );
      el.currentTime = 12;
      const abort = new AbortController();
      const long = outcome(
        el.exportVideo({ from: 0, to: 20, fps: 8, width: 320, height: 240, signal: abort.signal }),
      );
      await new Promise<void>((resolve) =>
        el.addEventListener('progress', (e) => {
          if ((e as unknown as CustomEvent<{ fraction: number }>).detail.fraction > 0) resolve();
        }),
      );
      const second = await outcome(el.exportVideo({ to: 1, fps: 8, width: 320, height: 240 }));
      const t0 = performance.now();
      abort.abort();
      const cancelled = await long;
      const cancelMs = performance.now() - t0;
      const timeAfter = el.currentTime;
      const duration = el.duration;
      const bad = [];
      for (const options of [
        { from: 5, to: 2 },
        { from: Number.NaN },
        { from: -1 },
        { to: duration + 10 },
        { fps: 0 },
        { fps: 61 },
        { width: 0 },
        { width: 10000, height: 720 },
        { captions: 'yes' },
      ])
        bad.push(await outcome(el.exportVideo(options)));
      await el.play();
      await new Promise((r) => setTimeout(r, 600));
      const playedTo = el.currentTime;
      el.pause();
      return { second, cancelled, cancelMs, timeAfter, bad, commandErrors, playedTo };
    });
    expect(result.second).toMatch(/^InvalidStateError: A video export is already running/);
    expect(result.cancelled).toMatch(/^AbortError/);
    expect(result.cancelMs, 'stops within a frame or two').toBeLessThan(3000);
    expect(result.timeAfter).toBeCloseTo(12, 3);
    expect(result.playedTo, 'the viewer still plays after a cancelled export').toBeGreaterThan(12.1);
    for (const message of result.bad)
      expect(message).toMatch(/^RangeError: exportVideo (from|to|fps|width|size|captions)/);
    expect(result.bad[0]).toContain('must be before');
    expect(result.commandErrors.length, 'each refusal is reported like other bad commands').toBe(
      result.bad.length + 1,
    );

    // The button: progress bar and Cancel while the video is made, then the button again with "stopped".
    const save = await viewerControl(v.page, '.spv-video-save');
    await v.page.evaluate(() => {
      const el = document.querySelector('spine-procedure-viewer')!;
      (window as { firstFrame?: Promise<void> }).firstFrame = new Promise((resolve) =>
        el.addEventListener('progress', (e) => {
          if ((e as unknown as CustomEvent<{ fraction: number }>).detail.fraction > 0) resolve();
        }),
      );
    });
    await save.focus();
    await v.page.keyboard.press('Enter');
    const bar = v.page.locator('spine-procedure-viewer .spv-video-progress');
    await bar.waitFor({ state: 'visible' });
    await v.page.evaluate(() => (window as { firstFrame?: Promise<void> }).firstFrame);
    await v.screenshot('video-export-progress');
    // Keyboard all the way: focus moved to Cancel when the button was pressed, and comes back to it after.
    const focusedClass = () =>
      v.page.evaluate(
        () => document.querySelector('spine-procedure-viewer')!.shadowRoot!.activeElement?.className ?? '',
      );
    expect(await focusedClass()).toContain('spv-video-cancel');
    await v.page.keyboard.press('Enter');
    // The frame in flight is finished first: on a software GPU, a full-size frame and its encoding can take a few
    // seconds (the API's own cancel, on small frames, is held to under 3 s above).
    await expect
      .poll(() => v.page.locator('spine-procedure-viewer .spv-video-status').textContent(), {
        timeout: 8_000,
      })
      .toBe('The video was stopped.');
    await expect(v.page.locator('spine-procedure-viewer .spv-video-save').isEnabled()).resolves.toBe(true);
    expect(await focusedClass()).toContain('spv-video-save');
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('without WebCodecs the button is disabled and says why, and exportVideo rejects', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?level=L1', undefined, {
      init: (context) =>
        context.addInitScript(() => {
          delete (window as { VideoEncoder?: unknown }).VideoEncoder;
        }),
    });
    const save = await viewerControl(v.page, '.spv-video-save');
    expect(await save.isDisabled()).toBe(true);
    expect(await save.getAttribute('title')).toMatch(/cannot make videos/);
    const reason = await save.evaluate((b) => {
      const id = b.getAttribute('aria-describedby')!;
      return (b.getRootNode() as ShadowRoot).getElementById(id)?.textContent;
    });
    expect(reason).toMatch(/cannot make videos/);
    const rejected = await v.page.evaluate(() =>
      (document.querySelector('spine-procedure-viewer') as Viewer).exportVideo({ to: 1 }).then(
        () => 'resolved',
        (e: Error) => `${e.name}: ${e.message}`,
      ),
    );
    expect(rejected).toMatch(/^NotSupportedError: .*VideoEncoder is missing/);
    await v.close();
  });
});
