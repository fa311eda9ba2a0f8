import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/messages/en.json';
import es from '../../../src/i18n/messages/es.json';
import { PATIENT_SECTIONS, patientSection } from '../../../src/content/patientInfo';
import { PATIENT_SOURCES } from '../../../src/content/patientSources';
import { OPTION_SCHEMA } from '../../../src/options/optionSchema';
import { fernandezHuerta, fleschKincaidGrade, wordsOf } from '../i18n/readability';

const EN: Record<string, string> = en;
const ES: Record<string, string> = es;
const ITEMS = PATIENT_SECTIONS.flatMap((s) => s.items);
/** Every key the panels show: buttons, headings, items, and the teaching-pace note by the time label. */
const KEYS = [
  ...PATIENT_SECTIONS.flatMap((s) => [s.button, s.title, ...s.items.map((i) => i.key)]),
  'patient.tabs',
  'patient.close',
  'controls.teachingPace',
  'expected.panel',
];
/** Running text (not button labels or headings): the readability limits apply to these. */
const PROSE = [...ITEMS.map((i) => i.key), 'controls.teachingPace'];

describe('patient information: content with sources', () => {
  it('has the three sections the panel option opens, in its order', () => {
    expect(PATIENT_SECTIONS.map((s) => s.id)).toEqual(
      OPTION_SCHEMA.panel.values!.filter((v) => v !== 'none'),
    );
    for (const s of PATIENT_SECTIONS) expect(patientSection(s.id)).toBe(s);
  });

  it.each(ITEMS.map((i) => [i.key] as const))('%s names its source', (key) => {
    const item = PATIENT_SOURCES[key];
    expect(item?.source.trim().length).toBeGreaterThan(20);
    expect(typeof item?.reference).toBe('boolean');
  });

  it('has a source for nothing that is not shown', () => {
    expect(Object.keys(PATIENT_SOURCES).sort()).toEqual(ITEMS.map((i) => i.key).sort());
  });

  it('every item is a different key', () => {
    expect(new Set(ITEMS.map((i) => i.key)).size).toBe(ITEMS.length);
  });

  it.each(KEYS)('%s is in both catalogs', (key) => {
    expect(EN[key], 'English').toBeTruthy();
    expect(ES[key], 'Spanish').toBeTruthy();
    if (!key.startsWith('expected.') && key !== 'patient.risks.button')
      expect(ES[key], 'Spanish is not the English text').not.toBe(EN[key]);
  });
});

describe('patient information is easy to read', () => {
  it.each(PROSE)('English %s: Flesch–Kincaid grade ≤ 6', (key) => {
    expect(fleschKincaidGrade(EN[key]!), EN[key]).toBeLessThanOrEqual(6);
  });

  it.each(PROSE)('Spanish %s: Fernández-Huerta ≥ 70, sentences of at most 16 words', (key) => {
    const text = ES[key]!;
    expect(fernandezHuerta(text).wordsPerSentence, text).toBeGreaterThanOrEqual(70);
    for (const sentence of text.split(/(?<=[.!?])\s+/))
      expect(wordsOf(sentence).length, sentence).toBeLessThanOrEqual(16);
  });

  it.each(PATIENT_SECTIONS.map((s) => s.id))('each section as a whole (%s), in both languages', (id) => {
    const keys = patientSection(id).items.map((i) => i.key);
    expect(fleschKincaidGrade(keys.map((k) => EN[k]).join(' '))).toBeLessThanOrEqual(6);
    const score = fernandezHuerta(keys.map((k) => ES[k]).join(' '));
    expect(Math.min(score.literal, score.wordsPerSentence)).toBeGreaterThanOrEqual(70);
  });
});

describe('the statements that must not be lost', () => {
  const text = (key: string) => [EN[key]!, ES[key]!];

  it('leaks are common on imaging, with the reference figures, and mostly cause no symptoms', () => {
    const [enLeak, esLeak] = text('patient.risks.leakCommon');
    expect(enLeak).toMatch(/1 in 3/);
    expect(enLeak).toMatch(/2 in 3/);
    expect(enLeak).toMatch(/1 to 4 in 10/);
    expect(esLeak).toMatch(/1 de cada 3/);
    expect(esLeak).toMatch(/2 de cada 3/);
    const [enSilent, esSilent] = text('patient.risks.leakSilent');
    expect(enSilent).toMatch(/Most leaks cause no symptoms/);
    expect(esSilent).toMatch(/La mayoría de las fugas no dan ninguna molestia/);
  });

  it('new fractures of nearby vertebrae, and why osteoporosis treatment matters', () => {
    const [enNew, esNew] = text('patient.risks.newFractures');
    expect(enNew).toMatch(/next to the treated bone/);
    expect(enNew).toMatch(/osteoporosis/);
    expect(esNew).toMatch(/de al lado/);
    const [enTreat, esTreat] = text('patient.risks.osteoporosis');
    expect(enTreat).toMatch(/treat the weak bones/);
    expect(enTreat).toMatch(/new breaks/);
    expect(esTreat).toMatch(/tratar también los huesos débiles/);
  });

  it('walking the same day, home the same day or after about 24 hours', () => {
    expect(EN['patient.recovery.walk']).toMatch(/walk the same day/);
    expect(ES['patient.recovery.walk']).toMatch(/caminan el mismo día/);
    expect(EN['patient.recovery.home']).toMatch(/home the same day.*24 hours/);
  });

  it('a real procedure takes about 30–60 minutes per level; the clock is teaching pace', () => {
    for (const key of ['patient.recovery.realTime', 'controls.teachingPace'])
      for (const t of text(key)) expect(t).toMatch(/30 (to|a) 60 minut/);
    expect(EN['controls.teachingPace']).toMatch(/Teaching pace/);
  });

  it('the nerve and lung problems are called rare', () => {
    expect(EN['patient.risks.nerveLung']).toMatch(/^Rarely/);
    expect(ES['patient.risks.nerveLung']).toMatch(/^Rara vez/);
  });
});
