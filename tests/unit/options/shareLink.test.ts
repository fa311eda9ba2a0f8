import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../../src/options/optionSchema';
import { parseOptions, rawOptionsFromSearch, startTimeOf } from '../../../src/options/parseOptions';
import { buildShareLink, formatSeconds } from '../../../src/options/shareLink';
import { optionsOfSettings, settingsFromOptions } from '../../../src/playback/viewerSettings';

const defaults = DEFAULT_OPTIONS;

describe('formatSeconds', () => {
  it.each([
    [0, '0'],
    [40, '40'],
    [12.5, '12.5'],
    [1 / 3, '0.333333'],
    [71.2000004, '71.2'],
    [1e-9, '0'],
    [-2, '0'],
    [112.999999, '112.999999'],
  ])('%s → %s', (t, text) => {
    expect(formatSeconds(t)).toBe(text);
  });
});

describe('buildShareLink', () => {
  it('always names procedure, level, grade, step and t', () => {
    expect(buildShareLink('https://example.org/viewer/index.html', defaults, 'overview', 0)).toBe(
      'https://example.org/viewer/index.html?procedure=kyphoplasty&level=L1&grade=2&step=overview&t=0',
    );
  });

  it('adds settings that change the picture only when they differ from the default', () => {
    const settings = {
      ...defaults,
      procedure: 'vertebroplasty' as const,
      level: 'T12' as const,
      grade: 3 as const,
      morphology: 'crush' as const,
      view: 'split' as const,
      audience: 'clinician' as const,
    };
    expect(buildShareLink('https://example.org/', settings, 'cement-injection', 61.25)).toBe(
      'https://example.org/?procedure=vertebroplasty&level=T12&grade=3&step=cement-injection&t=61.25&morphology=crush&audience=clinician&view=split',
    );
  });

  it('replaces old viewer parameters, keeps the page’s own, and drops the fragment', () => {
    expect(
      buildShareLink('https://example.org/a?t=5&time=9&level=L4&lesson=3#top', defaults, 'access', 30),
    ).toBe('https://example.org/a?lesson=3&procedure=kyphoplasty&level=L1&grade=2&step=access&t=30');
  });

  it('round-trips through the URL parser to the same options and time', () => {
    const settings = {
      ...defaults,
      procedure: 'vertebroplasty' as const,
      level: 'L3' as const,
      grade: 1 as const,
    };
    const time = 57.123456;
    const link = new URL(buildShareLink('https://example.org/', settings, 'cement-injection', time));
    const { options, notices } = parseOptions(rawOptionsFromSearch(link.search));
    expect(notices).toEqual([]);
    expect(options.procedure).toBe('vertebroplasty');
    expect(options.level).toBe('L3');
    expect(options.grade).toBe(1);
    expect(options.step).toBe('cement-injection');
    expect(startTimeOf(options)).toBe(time);
  });
});

describe('share links carry every setting a surgeon can change', () => {
  it('names bone, detector, labels, cutaway and torso when changed, and they round-trip', () => {
    const settings = {
      ...settingsFromOptions(DEFAULT_OPTIONS),
      boneDensity: 'healthy' as const,
      detector: 'flat-panel' as const,
      labels: true,
      cutaway: false,
      torso: false,
      polarity: 'bone-black' as const,
    };
    const link = new URL(buildShareLink('https://example.org/', optionsOfSettings(settings), 'access', 30));
    expect(link.searchParams.get('bone')).toBe('healthy');
    const { options, notices } = parseOptions(rawOptionsFromSearch(link.search));
    expect(notices).toEqual([]);
    expect(settingsFromOptions(options)).toEqual({ ...settings, shareUrl: null });
  });

  it('never carries the share URL itself', () => {
    const settings = { ...settingsFromOptions(DEFAULT_OPTIONS), shareUrl: 'https://example.org/x' };
    const link = buildShareLink('https://example.org/', optionsOfSettings(settings), 'overview', 0);
    expect(link).not.toContain('share');
  });
});
