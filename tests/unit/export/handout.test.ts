import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { HANDOUT_STEPS, keyFramesOf } from '../../../src/export/handout/keyFrames';
import { momentLink } from '../../../src/export/handout/handoutLink';
import { qrMatrix } from '../../../src/export/handout/qrSvg';
import { stepLanding } from '../../../src/procedure/stepNavigation';
import { timelineFor } from '../../../src/procedure/timeline';
import { PROCEDURE_IDS } from '../../../src/procedure/types';

describe('handout key frames', () => {
  it.each(PROCEDURE_IDS)('%s: 6–10 steps in timeline order, each at its landing time', (procedure) => {
    const timeline = timelineFor(procedure);
    const frames = keyFramesOf(procedure);
    expect(frames.length).toBeGreaterThanOrEqual(6);
    expect(frames.length).toBeLessThanOrEqual(10);
    for (const frame of frames) expect(frame.time).toBe(stepLanding(timeline, frame.step));
    const times = frames.map((f) => f.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it.each(PROCEDURE_IDS)(
    '%s, several levels: the first level’s steps and each level’s cement, ≤ 10',
    (procedure) => {
      for (const levels of [
        ['T12', 'L1'],
        ['T11', 'T12', 'L2'],
      ] as const) {
        const timeline = timelineFor(procedure, levels);
        const frames = keyFramesOf(procedure, levels);
        expect(frames.length).toBeLessThanOrEqual(10);
        expect(frames.filter((f) => f.step === 'cement-injection').map((f) => f.level)).toEqual([...levels]);
        expect(frames.find((f) => f.step === 'access')!.key).toBe(`access@${levels[0]}`);
        for (const frame of frames) expect(frame.time).toBe(stepLanding(timeline, frame.key));
        const times = frames.map((f) => f.time);
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
    },
  );

  it('vertebroplasty leaves out the balloon', () => {
    expect(HANDOUT_STEPS).toContain('balloon-inflation');
    expect(keyFramesOf('vertebroplasty').map((f) => f.step)).not.toContain('balloon-inflation');
  });
});

describe('handout link', () => {
  it('names the moment and always the language', () => {
    const link = new URL(
      momentLink(
        'https://example.org/viewer/index.html?x=1',
        { procedure: 'vertebroplasty', level: 'T12', grade: 3, lang: 'en' },
        'cement-injection',
        81.5,
      ),
    );
    expect(link.pathname).toBe('/viewer/index.html');
    expect(Object.fromEntries(link.searchParams)).toMatchObject({
      x: '1',
      procedure: 'vertebroplasty',
      level: 'T12',
      grade: '3',
      step: 'cement-injection',
      t: '81.5',
      lang: 'en',
    });
  });
});

describe('QR code matrix', () => {
  const text =
    'https://example.org/index.html?procedure=kyphoplasty&level=L1&grade=2&step=access&t=30&lang=es';

  it('is the library’s matrix for the link (the page draws one unit square per dark module; see the browser test)', () => {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    const matrix = qrMatrix(text);
    expect(matrix).toHaveLength(qr.getModuleCount());
    matrix.forEach((row, r) => row.forEach((dark, c) => expect(dark).toBe(qr.isDark(r, c))));
  });

  it('gives different codes for different links', () => {
    expect(qrMatrix(text)).not.toEqual(qrMatrix(text.replace('t=30', 't=31')));
  });
});

describe('openHandout without a handout page', () => {
  it('rejects with a message that says why and what to do', async () => {
    const { openHandoutOf, NO_HANDOUT_PAGE } = await import('../../../src/export/handout/openHandout');
    const { setHandoutPage } = await import('../../../src/export/handout/handoutLink');
    setHandoutPage(null);
    const controller = {} as Parameters<typeof openHandoutOf>[0];
    await expect(openHandoutOf(controller)).rejects.toThrow(NO_HANDOUT_PAGE);
    expect(NO_HANDOUT_PAGE).toMatch(/handout\.html/);
    expect(NO_HANDOUT_PAGE).toMatch(/handoutUrl/);
  });
});
