import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/messages/en.json';
import es from '../../../src/i18n/messages/es.json';
import { format } from '../../../src/i18n/catalog';
import { fernandezHuerta, fleschKincaidGrade, wordsOf } from './readability';

/*
 * The take-home handout's own sentences, which the patient reads on paper at home: as easy as the captions (US
 * grade 6 or below in English, Fernández-Huerta 70 or above in Spanish, short Spanish sentences).
 */
const EN: Record<string, string> = en;
const ES: Record<string, string> = es;
const SENTENCES = [
  'handout.summary',
  'handout.ready',
  'handout.failed',
  'handout.noWebgl',
  'handout.linkText',
];
/** The summary as printed for a typical patient. */
const PARAMS = {
  en: { level: 'L1', grade: EN['picker.grade.2']! },
  es: { level: 'L1', grade: ES['picker.grade.2']! },
};

describe('handout sentences are easy to read', () => {
  it.each(SENTENCES)('English %s reads at US grade 6 or below', (key) => {
    const text = format(EN[key]!, PARAMS.en);
    expect(fleschKincaidGrade(text), `"${text}"`).toBeLessThanOrEqual(6);
  });

  it.each(SENTENCES)(
    'Spanish %s scores Fernández-Huerta 70 or above, sentences of 16 words at most',
    (key) => {
      const text = format(ES[key]!, PARAMS.es);
      expect(fernandezHuerta(text).wordsPerSentence, `"${text}"`).toBeGreaterThanOrEqual(70);
      for (const sentence of text.split(/(?<=[.!?:])\s+/))
        expect(wordsOf(sentence).length, `"${sentence}"`).toBeLessThanOrEqual(16);
    },
  );

  it('every handout key is in both catalogs, in one block', () => {
    const handoutKeys = (catalog: Record<string, string>) =>
      Object.keys(catalog).filter((k) => k.startsWith('handout.'));
    expect(handoutKeys(ES)).toEqual(handoutKeys(EN));
    const keys = Object.keys(EN);
    const first = keys.indexOf(handoutKeys(EN)[0]!);
    expect(keys.slice(first, first + handoutKeys(EN).length)).toEqual(handoutKeys(EN));
  });
});
