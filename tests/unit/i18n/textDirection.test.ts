import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textDirection } from '../../../src/i18n/textDirection';

const CASES: [string, 'ltr' | 'rtl'][] = [
  ['en', 'ltr'],
  ['en-US', 'ltr'],
  ['es', 'ltr'],
  ['es_MX', 'ltr'],
  ['pt-br', 'ltr'],
  ['ar', 'rtl'],
  ['ar-EG', 'rtl'],
  ['he', 'rtl'],
  ['fa-IR', 'rtl'],
  ['ur', 'rtl'],
  ['ps', 'rtl'],
  ['yi', 'rtl'],
  ['dv', 'rtl'],
  ['ckb', 'rtl'],
  ['sd', 'rtl'],
  ['ug', 'rtl'],
  // The script decides over the language: Azerbaijani and Punjabi in Arabic script, Uyghur in Cyrillic.
  ['az-Arab', 'rtl'],
  ['pa-Arab', 'rtl'],
  ['az-Latn', 'ltr'],
  ['ug-Cyrl', 'ltr'],
];

describe('textDirection: the direction a language is written in', () => {
  it.each(CASES)('%s → %s', (lang, dir) => {
    expect(textDirection(lang)).toBe(dir);
  });

  it('is ltr for a tag that cannot be parsed', () => {
    expect(textDirection('')).toBe('ltr');
    expect(textDirection('not a tag!')).toBe('ltr');
  });
});

describe('textDirection without Intl.Locale text info (older engines)', () => {
  const proto = Intl.Locale.prototype as object;
  const saved = ['textInfo', 'getTextInfo'].map(
    (key) => [key, Object.getOwnPropertyDescriptor(proto, key)] as const,
  );
  beforeEach(() => {
    for (const [key] of saved) Object.defineProperty(proto, key, { value: undefined, configurable: true });
  });
  afterEach(() => {
    for (const [key, descriptor] of saved)
      if (descriptor) Object.defineProperty(proto, key, descriptor);
      else delete (proto as Record<string, unknown>)[key];
  });

  it('has no text info in this stand-in', () => {
    expect((new Intl.Locale('ar') as unknown as { textInfo?: unknown }).textInfo).toBeUndefined();
  });

  it.each(CASES)('%s → %s from the list of right-to-left languages and scripts', (lang, dir) => {
    expect(textDirection(lang)).toBe(dir);
  });
});
