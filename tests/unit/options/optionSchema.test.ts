import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/messages/en.json';
import {
  DEFAULT_OPTIONS,
  OPTION_ATTRIBUTES,
  OPTION_KEYS,
  OPTION_SCHEMA,
  URL_OPTION_KEYS,
  optionForAttribute,
} from '../../../src/options/optionSchema';
import { parseOption } from '../../../src/options/parseOptions';

describe('the options schema', () => {
  it('every option has a notice hint in the catalog and an attribute that maps back to it', () => {
    for (const key of OPTION_KEYS) {
      expect(Object.keys(en), `${key}'s hint`).toContain(OPTION_SCHEMA[key].expected);
      expect(optionForAttribute(OPTION_SCHEMA[key].attribute)).toBe(key);
    }
    expect(new Set(OPTION_ATTRIBUTES).size).toBe(OPTION_KEYS.length);
  });

  it('every default survives its own parser written as text (so an attribute can restore it)', () => {
    for (const key of OPTION_KEYS) {
      const fallback = DEFAULT_OPTIONS[key];
      if (fallback === null) continue;
      expect(OPTION_SCHEMA[key].parse(String(fallback)), key).toEqual(fallback);
    }
  });

  it('every value a menu lists parses to itself', () => {
    for (const key of OPTION_KEYS) {
      for (const value of OPTION_SCHEMA[key].values ?? [])
        expect(OPTION_SCHEMA[key].parse(String(value)), `${key}=${value}`).toBe(value);
    }
  });

  it('everything the UI can change is a public URL option', () => {
    for (const key of [
      'bone',
      'polarity',
      'detector',
      'labels',
      'cutaway',
      'torso',
      'panel',
      'view',
      'audience',
      'level',
    ])
      expect(URL_OPTION_KEYS).toContain(key);
  });

  it('element-only options are attributes, never URL parameters', () => {
    for (const key of ['shareUrl', 'poster', 'reveal'] as const) expect(URL_OPTION_KEYS).not.toContain(key);
  });
});

describe('one parser for attributes, properties and commands', () => {
  it.each([
    ['level', 'l1', 'L1'],
    ['level', ' T12 ', 'T12'],
    ['grade', 3, 3],
    ['grade', '3', 3],
    ['procedure', 'VERTEBROPLASTY', 'vertebroplasty'],
    ['labels', true, true],
    ['labels', 'false', false],
    ['labels', '', true],
    ['cutaway', 0, false],
    ['rate', 2, 2],
    ['rate', '0.5x', 0.5],
    ['time', 12.5, 12.5],
    ['time', '12.5', 12.5],
    ['bone', 'Healthy', 'healthy'],
    ['detector', 'FLAT-PANEL', 'flat-panel'],
  ] as const)('%s accepts %j as %j', (key, raw, value) => {
    expect(OPTION_SCHEMA[key].parse(raw)).toEqual(value);
  });

  it.each([
    ['level', {}],
    ['grade', 2.5],
    ['time', Number.NaN],
    ['time', Infinity],
    ['labels', 'maybe'],
    ['rate', 3],
    ['view', null],
  ] as const)('%s refuses %j', (key, raw) => {
    expect(OPTION_SCHEMA[key].parse(raw)).toBeUndefined();
  });

  it('a refused value falls back to the default with a notice that names both', () => {
    const { value, notice } = parseOption('detector', 'ccd', 'en');
    expect(value).toBe('intensifier');
    expect(notice?.params).toMatchObject({ name: 'detector', value: 'ccd', fallback: 'intensifier' });
  });
});

describe('URLs', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'http://[',
    'ftp://example.org/',
    '',
  ])('share-url refuses %j without throwing', (raw) => {
    expect(() => OPTION_SCHEMA.shareUrl.parse(raw)).not.toThrow();
    expect(OPTION_SCHEMA.shareUrl.parse(raw)).toBeUndefined();
  });

  it('share-url takes http(s) and resolves relative addresses against the page', () => {
    expect(OPTION_SCHEMA.shareUrl.parse('https://example.org/viewer?x=1')).toBe(
      'https://example.org/viewer?x=1',
    );
    expect(OPTION_SCHEMA.shareUrl.parse('/viewer')).toBe('http://localhost/viewer');
  });

  it('poster takes only images on the page’s own origin (what img-src self allows), or "" for none', () => {
    expect(OPTION_SCHEMA.poster.parse('/poster.webp')).toBe('http://localhost/poster.webp');
    expect(OPTION_SCHEMA.poster.parse('')).toBe('');
    expect(OPTION_SCHEMA.poster.parse('https://cdn.example/p.webp')).toBeUndefined();
    expect(OPTION_SCHEMA.poster.parse('javascript:alert(1)')).toBeUndefined();
  });
});
