import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/messages/en.json';
import es from '../../../src/i18n/messages/es.json';
import { format } from '../../../src/i18n/catalog';
import { COMPARE_FACTS } from '../../../src/procedure/compareFacts';
import { fernandezHuerta, fleschKincaidGrade, wordsOf } from './readability';

/*
 * The compare view's sentences, read by patients beside the two pictures: as easy as the captions (US grade 6 or
 * below in English, Fernández-Huerta 70 or above in Spanish, short Spanish sentences), in one block at the end.
 */
const EN: Record<string, string> = en;
const ES: Record<string, string> = es;
const SENTENCES = ['compare.noBalloon', 'compare.noDrill', 'compare.result'];
const PARAMS = { pct: COMPARE_FACTS.vertebroplastyLeakPct };

describe('compare sentences are easy to read', () => {
  it.each(SENTENCES)('English %s reads at US grade 6 or below', (key) => {
    const text = format(EN[key]!, PARAMS);
    expect(fleschKincaidGrade(text), `"${text}"`).toBeLessThanOrEqual(6);
  });

  it.each(SENTENCES)('Spanish %s scores Fernández-Huerta 70 or above, short sentences', (key) => {
    const text = format(ES[key]!, PARAMS);
    expect(fernandezHuerta(text).wordsPerSentence, `"${text}"`).toBeGreaterThanOrEqual(70);
    for (const sentence of text.split(/(?<=[.!?:])\s+/))
      expect(wordsOf(sentence).length, `"${sentence}"`).toBeLessThanOrEqual(16);
  });

  it('the result quotes the sourced leak rate, and every compare key is in both catalogs', () => {
    expect(format(EN['compare.result']!, PARAMS)).toContain('33');
    expect(format(ES['compare.result']!, PARAMS)).toContain('33');
    const keys = (catalog: Record<string, string>) =>
      Object.keys(catalog).filter((k) => k.startsWith('compare.'));
    expect(keys(ES)).toEqual(keys(EN));
    expect(keys(EN).length).toBeGreaterThanOrEqual(SENTENCES.length);
  });
});
