import { describe, expect, expectTypeOf, it } from 'vitest';
import { chooseCodec, type ExportCodec } from '../../../src/export/video/chooseCodec';
import { frameTime, planVideo, VIDEO_DEFAULTS, type VideoPlan } from '../../../src/export/video/videoPlan';
import type { SpineProcedureViewerEventProps } from '../../../src/embed/react/viewerProps';
import type { SpineProcedureViewerEventMap } from '../../../src/embed/package/viewerEventMap';

const DURATION = 113;

function plan(options: unknown): VideoPlan {
  const result = planVideo(options, DURATION);
  if ('error' in result) throw new Error(result.error);
  return result.plan;
}

function error(options: unknown): string {
  const result = planVideo(options, DURATION);
  return 'error' in result ? result.error : 'accepted';
}

describe('video export plan', () => {
  it('defaults to the whole timeline at 30 fps, 1280×720, with captions', () => {
    expect(plan(undefined)).toEqual({
      from: 0,
      to: DURATION,
      fps: VIDEO_DEFAULTS.fps,
      width: 1280,
      height: 720,
      captions: true,
      frames: DURATION * 30,
    });
  });

  it('samples the range evenly from its start: 1.5 s at 8 fps is 12 frames, 1/8 s apart', () => {
    const p = plan({ from: 10, to: 11.5, fps: 8 });
    expect(p.frames).toBe(12);
    const times = Array.from({ length: p.frames }, (_, i) => frameTime(p, i));
    expect(times[0]).toBe(10);
    expect(times[1]).toBeCloseTo(10.125, 9);
    expect(times.at(-1)).toBeCloseTo(11.375, 9);
    expect(times.every((t) => t <= p.to)).toBe(true);
  });

  it('a range shorter than one frame still gives one frame', () => {
    expect(plan({ from: 5, to: 5.01, fps: 1 }).frames).toBe(1);
  });

  it('rounds sizes to even numbers (H.264 needs them) and accepts upright 4K', () => {
    const p = plan({ width: 321, height: 239 });
    expect([p.width, p.height]).toEqual([322, 240]);
    expect(plan({ width: 2160, height: 3840 })).toMatchObject({ width: 2160, height: 3840 });
  });

  it('refuses bad ranges with a message that names the option and the value', () => {
    expect(error({ from: 5, to: 2 })).toBe('exportVideo from (5) must be before to (2)');
    expect(error({ from: 3, to: 3 })).toMatch(/must be before/);
    expect(error({ from: -1 })).toMatch(/^exportVideo from must be a time from 0 to 113\.0 seconds, got -1/);
    expect(error({ from: Number.NaN })).toMatch(/from .* got NaN/);
    expect(error({ from: '2' })).toMatch(/from .* got "2"/);
    expect(error({ to: DURATION + 1 })).toMatch(/^exportVideo to must be a time/);
    expect(error({ to: Infinity })).toMatch(/^exportVideo to/);
  });

  it('refuses frame rates outside 1–60 and sizes that are zero, tiny or beyond 4K', () => {
    for (const fps of [0, 0.5, 61, Number.NaN, '30'])
      expect(error({ fps })).toMatch(/^exportVideo fps must be from 1 to 60/);
    expect(error({ width: 0 })).toMatch(/^exportVideo width must be a number of pixels/);
    expect(error({ height: -720 })).toMatch(/^exportVideo height/);
    expect(error({ width: 10000 })).toBe('exportVideo width must be at most 3840 pixels, got 10000');
    expect(error({ width: 3840, height: 3840 })).toMatch(/larger than 4K/);
  });

  it('refuses options that are not an object, captions that are not booleans and signals that are not signals', () => {
    expect(error(7)).toBe('exportVideo options must be an object, got 7');
    expect(error(null)).toMatch(/must be an object/);
    expect(error({ captions: 'yes' })).toMatch(/captions must be true or false/);
    expect(error({ signal: {} })).toMatch(/signal must be an AbortSignal/);
    expect(plan({ captions: false, signal: new AbortController().signal }).captions).toBe(false);
  });
});

describe('video codec choice', () => {
  const answers = (yes: ExportCodec[]) => {
    const asked: ExportCodec[] = [];
    const supports = (codec: ExportCodec) => {
      asked.push(codec);
      return Promise.resolve(yes.includes(codec));
    };
    return { asked, supports };
  };

  it('takes H.264 where the browser can encode it, without asking further', async () => {
    const { asked, supports } = answers(['avc', 'vp9', 'av1']);
    expect(await chooseCodec(supports)).toBe('avc');
    expect(asked).toEqual(['avc']);
  });

  it('falls back to VP9, then AV1, then none', async () => {
    expect(await chooseCodec(answers(['vp9', 'av1']).supports)).toBe('vp9');
    expect(await chooseCodec(answers(['av1']).supports)).toBe('av1');
    expect(await chooseCodec(answers([]).supports)).toBeNull();
  });

  it('counts a support check that throws as no', async () => {
    const supports = (codec: ExportCodec) =>
      codec === 'avc' ? Promise.reject(new Error('boom')) : Promise.resolve(codec === 'av1');
    expect(await chooseCodec(supports)).toBe('av1');
  });
});

describe('progress event types', () => {
  it('are part of the element event map and the React props', () => {
    expectTypeOf<SpineProcedureViewerEventMap['progress']>().toEqualTypeOf<
      CustomEvent<{ fraction: number }>
    >();
    expectTypeOf<NonNullable<SpineProcedureViewerEventProps['onProgress']>>().toEqualTypeOf<
      (detail: { fraction: number }) => void
    >();
  });
});
