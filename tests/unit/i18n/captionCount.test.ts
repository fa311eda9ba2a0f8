import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/messages/en.json';
import { translate, type MessageParams } from '../../../src/i18n/catalog';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import { accessPlan } from '../../../src/procedure/accessPath';
import { timelineFor } from '../../../src/procedure/timeline';
import { APPROACHES, PROCEDURE_IDS } from '../../../src/procedure/types';
import { procedureCaptionParams } from '../../../src/ui/procedureCaptionParams';
import { captionContext, countedKey, stepCaption, type CaptionRegister } from '../../../src/ui/stepCaption';

const MESSAGES: Record<string, string> = en;
const REGISTERS: readonly CaptionRegister[] = ['plain', 'clinical'];

/** Words that say (or assume) more than one instrument, track or cut. */
const PLURAL =
  /\b(needles|cannulas|cannulae|balloons|tamps|tracks|tracts|tips|channels|cavities|cuts|dressings|both|two|each)\b/i;
/** Words that name an instrument or what it leaves: with two needles these must come in the plural. */
const INSTRUMENT = /\b(needle|cannula|balloon|tamp|track|tract|tip|drill|channel|cut)\b/i;

/** Figures from the state are irrelevant to wording by count; fixed values keep this test off captionParams. */
const STATE_PARAMS: MessageParams = {
  grade: 2,
  morphology: 'wedge',
  loss: 30,
  gauge: 11,
  anterior: 80,
  wedge: '9.0',
  cement: '3.5',
};

const cases = PROCEDURE_IDS.flatMap((procedure) =>
  LEVEL_IDS.flatMap((level) => APPROACHES.map((approach) => ({ procedure, level, approach }))),
);

function render(settings: (typeof cases)[number]) {
  const t = (key: Parameters<typeof translate>[1], params?: MessageParams) => translate('en', key, params);
  const params = { ...STATE_PARAMS, level: settings.level, ...procedureCaptionParams(settings, t) };
  const context = captionContext({ ...settings, lang: 'en' }, params);
  return timelineFor(settings.procedure).steps.flatMap((step) =>
    REGISTERS.map((register) => ({
      key: `step.${step.id}.${register}`,
      title: translate('en', `step.${step.id}.title`),
      text: stepCaption(context, step.id, register),
    })),
  );
}

describe('captions follow the number of needles the access plan uses', () => {
  it('the cases cover both one and two needles', () => {
    const counts = new Set(cases.map((c) => accessPlan(c.level, c.approach).needles.length));
    expect([...counts].sort()).toEqual([1, 2]);
  });

  it.each(cases)('$procedure at $level, $approach', (settings) => {
    const needles = accessPlan(settings.level, settings.approach).needles.length;
    const one = render({ ...settings, approach: 'unipedicular' });
    for (const [i, caption] of render(settings).entries()) {
      const where = `${caption.key} with ${needles} needle(s): "${caption.text}"`;
      expect(caption.text, `unfilled placeholder in ${where}`).not.toMatch(/[{}]/);
      if (needles === 1) {
        expect(caption.text, `plural wording with one needle in ${where}`).not.toMatch(PLURAL);
        expect(caption.title, `plural title with one needle: ${caption.title}`).not.toMatch(PLURAL);
      } else if (INSTRUMENT.test(one[i]!.text)) {
        expect(caption.text, `singular wording with two needles in ${where}`).toMatch(PLURAL);
      }
    }
  });
});

describe('count variants in the English catalog', () => {
  // Count variants (`.one`); `.several` (a session of several levels) is checked below.
  const variants = Object.keys(MESSAGES).filter(
    (key) => /^step\.[\w-]+\.(plain|clinical)\.\w+$/.test(key) && !key.endsWith('.several'),
  );

  it('every variant has its base caption, differs from it and keeps its placeholders', () => {
    expect(variants.length).toBeGreaterThan(0);
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of variants) {
      const base = key.replace(/\.\w+$/, '');
      expect(MESSAGES[base], `${key} has no base ${base}`).toBeTypeOf('string');
      expect(MESSAGES[key], `${key} repeats ${base}`).not.toBe(MESSAGES[base]);
      expect(placeholders(MESSAGES[key]!), `${key} placeholders`).toEqual(placeholders(MESSAGES[base]!));
    }
  });

  it('English variants are named by English plural categories', () => {
    const categories = new Intl.PluralRules('en').resolvedOptions().pluralCategories;
    for (const key of variants) expect(categories, key).toContain(/\.(\w+)$/.exec(key)![1]);
  });

  it('several-level variants have their base, differ from it and quote nothing it cannot', () => {
    const several = Object.keys(MESSAGES).filter((key) => key.endsWith('.several'));
    expect(several.length).toBeGreaterThan(0);
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const key of several) {
      const base = key.replace(/\.several$/, '');
      expect(MESSAGES[base], `${key} has no base ${base}`).toBeTypeOf('string');
      expect(MESSAGES[key], `${key} repeats ${base}`).not.toBe(MESSAGES[base]);
      for (const name of placeholders(MESSAGES[key]!))
        expect(placeholders(MESSAGES[base]!), `${key} quotes {${name}}`).toContain(name);
    }
  });

  it('countedKey picks the plural category, the base for other counts, and English rules for unknown languages', () => {
    expect(countedKey('en', 'step.closure.plain', 1)).toBe('step.closure.plain.one');
    expect(countedKey('en', 'step.closure.plain', 2)).toBe('step.closure.plain');
    expect(countedKey('en', 'step.overview.plain', 1), 'no variant: the base').toBe('step.overview.plain');
    expect(countedKey('xx', 'step.closure.plain', 1)).toBe('step.closure.plain.one');
  });
});
