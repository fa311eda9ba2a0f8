import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/messages/en.json';
import es from '../../../src/i18n/messages/es.json';
import { timelineFor } from '../../../src/procedure/timeline';
import { PROCEDURE_IDS } from '../../../src/procedure/types';
import {
  englishSyllables,
  fernandezHuerta,
  fleschKincaidGrade,
  sentenceCount,
  spanishSyllables,
  wordsOf,
} from './readability';

const EN: Record<string, string> = en;
const ES: Record<string, string> = es;
const STEP_IDS = [...new Set(PROCEDURE_IDS.flatMap((p) => timelineFor(p).steps.map((s) => s.id)))];

/** The reading level patient materials aim for (US school grade). */
const MAX_GRADE = 6;
/** Fernández-Huerta 70 and above: "fairly easy" Spanish, about the same level. */
const MIN_FERNANDEZ_HUERTA = 70;

describe('readability helpers', () => {
  it.each([
    ['bone', 1],
    ['cement', 2],
    ['balloon', 2],
    ['table', 2],
    ['vertebra', 3],
    ['X-ray', 2],
    ['the', 1],
    ['stomach', 2],
  ] as const)('English: %s has %i syllables', (word, expected) => {
    expect(englishSyllables(word)).toBe(expected);
  });

  it.each([
    ['hueso', 2],
    ['aguja', 3],
    ['vértebra', 3],
    ['cifoplastia', 4],
    ['vertebroplastia', 5],
    ['día', 2],
    ['línea', 3],
    ['poesía', 4],
    ['guía', 2],
    ['que', 1],
    ['muy', 1],
    ['y', 1],
    ['anestesia', 4],
    ['radiografía', 5],
    ['cemento', 3],
    ['óseo', 3],
    ['ahora', 3],
    ['balones', 3],
    ['ciudad', 2],
    ['aéreo', 4],
  ] as const)('Spanish: %s has %i syllables', (word, expected) => {
    expect(spanishSyllables(word)).toBe(expected);
  });

  it('splits words and sentences, ignoring punctuation', () => {
    expect(wordsOf('¿Le duele? «Sí», dijo (un poco).')).toEqual(['Le', 'duele', 'Sí', 'dijo', 'un', 'poco']);
    expect(sentenceCount('Uno. Dos! ¿Tres? Cuatro')).toBe(4);
  });

  it('grades simple and complex English apart', () => {
    expect(fleschKincaidGrade('The cat sat. The dog ran.')).toBeLessThan(2);
    expect(
      fleschKincaidGrade(
        'Osteoporotic compression fractures necessitate percutaneous augmentation under continuous fluoroscopic visualisation.',
      ),
    ).toBeGreaterThan(12);
  });

  it('scores simple and complex Spanish apart', () => {
    const easy = fernandezHuerta('El gato se sienta. El perro corre. La casa es azul.');
    const hard = fernandezHuerta(
      'Las fracturas osteoporóticas por compresión requieren aumentación percutánea bajo visualización fluoroscópica continua.',
    );
    expect(easy.wordsPerSentence).toBeGreaterThan(90);
    expect(Math.max(hard.literal, hard.wordsPerSentence)).toBeLessThan(40);
  });
});

describe(`English patient captions read at US grade ${MAX_GRADE} or below (Flesch–Kincaid)`, () => {
  const keys = STEP_IDS.flatMap((id) =>
    [`step.${id}.plain`, `step.${id}.plain.one`, `step.${id}.plain.several`].filter(
      (key) => EN[key] !== undefined,
    ),
  );
  it.each(keys)('%s', (key) => {
    const text = EN[key]!;
    expect(fleschKincaidGrade(text), `"${text}"`).toBeLessThanOrEqual(MAX_GRADE);
  });
});

/** Each step's Spanish patient caption and its one-needle variant, where it has one. */
const SPANISH_PLAIN_KEYS = STEP_IDS.flatMap((id) =>
  [`step.${id}.plain`, `step.${id}.plain.one`, `step.${id}.plain.several`].filter(
    (key) => ES[key] !== undefined,
  ),
);

describe(`Spanish patient captions are easy to read (Fernández-Huerta ≥ ${MIN_FERNANDEZ_HUERTA})`, () => {
  it.each(SPANISH_PLAIN_KEYS)('%s', (key) => {
    const text = ES[key]!;
    const score = fernandezHuerta(text);
    const summary = `"${text}": ${score.wordsPerSentence.toFixed(1)}`;
    // F as words per sentence: read literally (sentences per 100 words), three short sentences would score
    // lower than one long one, the opposite of what makes a caption easy.
    expect(score.wordsPerSentence, summary).toBeGreaterThanOrEqual(MIN_FERNANDEZ_HUERTA);
  });

  it('all of them together, under either reading of F', () => {
    const all = STEP_IDS.map((id) => ES[`step.${id}.plain`]!).join(' ');
    const score = fernandezHuerta(all);
    expect(Math.min(score.literal, score.wordsPerSentence)).toBeGreaterThanOrEqual(MIN_FERNANDEZ_HUERTA);
  });

  it.each(SPANISH_PLAIN_KEYS)('%s keeps sentences short (at most 16 words each)', (key) => {
    const text = ES[key]!;
    for (const sentence of text.split(/(?<=[.!?])\s+/))
      expect(wordsOf(sentence).length, `"${sentence}"`).toBeLessThanOrEqual(16);
  });
});

/** The cement leak sentences patients read at the cement steps (one per complication). */
const LEAK_PLAIN_KEYS = Object.keys(EN).filter((key) => /^complication\.[a-z-]+\.plain$/.test(key));

describe('cement leak sentences for patients are easy to read', () => {
  it('there is one per complication, in both languages', () => {
    expect(LEAK_PLAIN_KEYS).toHaveLength(5);
    for (const key of LEAK_PLAIN_KEYS) expect(ES[key], key).toBeTruthy();
  });

  it.each(LEAK_PLAIN_KEYS)(`%s: English at US grade ${MAX_GRADE} or below`, (key) => {
    const text = EN[key]!;
    expect(fleschKincaidGrade(text), `"${text}"`).toBeLessThanOrEqual(MAX_GRADE);
  });

  it.each(LEAK_PLAIN_KEYS)(
    `%s: Spanish Fernández-Huerta ≥ ${MIN_FERNANDEZ_HUERTA}, short sentences`,
    (key) => {
      const text = ES[key]!;
      const score = fernandezHuerta(text);
      expect(score.wordsPerSentence, `"${text}"`).toBeGreaterThanOrEqual(MIN_FERNANDEZ_HUERTA);
      for (const sentence of text.split(/(?<=[.!?])\s+/))
        expect(wordsOf(sentence).length, `"${sentence}"`).toBeLessThanOrEqual(16);
    },
  );
});
