import { describe, expect, it } from 'vitest';
import { parseOptions, rawOptionsFromSearch, startTimeOf } from '../../../src/embed/parseOptions';
import { settingsFromOptions } from '../../../src/embed/settingsFromOptions';
import { buildShareLink, formatSeconds } from '../../../src/embed/shareLink';
import { DEFAULT_OPTIONS } from '../../../src/embed/viewerOptions';

const defaults = settingsFromOptions(DEFAULT_OPTIONS);

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
      'https://example.org/?procedure=vertebroplasty&level=T12&grade=3&step=cement-injection&t=61.25&morphology=crush&view=split&audience=clinician',
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
