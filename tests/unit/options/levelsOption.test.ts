import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage } from '../../../src/i18n/catalog';
import { reconcileLevelLists } from '../../../src/options/levelLists';
import { OPTION_SCHEMA } from '../../../src/options/optionSchema';
import {
  noticeText,
  parseOptions,
  rawOptionsFromSearch,
  startTimeOf,
} from '../../../src/options/parseOptions';
import { buildShareLink } from '../../../src/options/shareLink';
import { findStep, timelineFor } from '../../../src/procedure/timeline';
import { treatedLevels } from '../../../src/procedure/treatedLevels';

const parse = (search: string, lang = 'en') => parseOptions(rawOptionsFromSearch(search), lang);

describe('levels option', () => {
  beforeAll(async () => {
    expect(await loadLanguage('es')).toBe(true);
  });

  it('takes up to three distinct levels, written with commas or spaces or as an array', () => {
    expect(OPTION_SCHEMA.levels.parse('T12,L1')).toEqual(['T12', 'L1']);
    expect(OPTION_SCHEMA.levels.parse(' t11 t12 , l2 ')).toEqual(['T11', 'T12', 'L2']);
    expect(OPTION_SCHEMA.levels.parse(['L2', 'L3'])).toEqual(['L2', 'L3']);
    expect(OPTION_SCHEMA.levels.parse('')).toEqual([]);
    for (const bad of ['T12,T12', 'T10,T11,T12,L1', 'T12,X9', 'L6', '{}', 42])
      expect(OPTION_SCHEMA.levels.parse(bad), String(bad)).toBeUndefined();
  });

  it('makes the first level the `level`, and a list of one is one level', () => {
    const two = parse('?levels=T12,L1&grade=2,3&morphology=wedge,crush');
    expect(two.notices).toEqual([]);
    expect(two.options.level).toBe('T12');
    expect(two.options.levels).toEqual(['T12', 'L1']);
    expect(treatedLevels(two.options)).toEqual([
      { level: 'T12', grade: 2, morphology: 'wedge' },
      { level: 'L1', grade: 3, morphology: 'crush' },
    ]);
    const one = parse('?levels=L3&level=T8');
    expect(one.options.level).toBe('L3');
    expect(one.options.levels).toEqual([]);
  });

  it('one grade or shape applies to every level', () => {
    const { options } = parse('?levels=T12,L1,L2&grade=3');
    expect(treatedLevels(options).map((l) => l.grade)).toEqual([3, 3, 3]);
    expect(treatedLevels(options).map((l) => l.morphology)).toEqual(['wedge', 'wedge', 'wedge']);
  });

  it('says politely what was wrong and keeps a sensible default', () => {
    const tooMany = parse('?levels=T10,T11,T12,L1');
    expect(tooMany.options.levels).toEqual([]);
    expect(noticeText(tooMany.notices[0]!, 'en')).toContain('up to three different levels');
    const twice = parse('?levels=L1,L1', 'es');
    expect(noticeText(twice.notices[0]!, 'es')).toContain('hasta tres niveles distintos');
    const wrongLength = parse('?levels=T12,L1&grade=1,2,3');
    expect(wrongLength.options.grade).toBe(1);
    const text = noticeText(wrongLength.notices[0]!, 'en');
    expect(text).toContain('grade "1,2,3"');
    expect(text).toContain('2 levels');
    expect(text).toContain('Using 1 for every level');
    const listForOne = parse('?level=L1&morphology=crush,wedge');
    expect(listForOne.options.morphology).toBe('crush');
    expect(listForOne.notices).toHaveLength(1);
    expect(parse('?grade=2,9').notices[0]!.option).toBe('grade');
  });

  it('deep-links to a step of one level, and a level not treated lands on the first one', () => {
    const { options, notices } = parse('?levels=T12,L1&step=cement-injection@L1');
    expect(notices).toEqual([]);
    const timeline = timelineFor('kyphoplasty', ['T12', 'L1']);
    const step = findStep(timeline, 'cement-injection@L1')!;
    const start = startTimeOf(options);
    expect(start).toBeGreaterThan(step.start);
    expect(start).toBeLessThan(step.end);
    const missing = parse('?levels=T12,L1&step=access@L4');
    expect(missing.options.step).toBe('access');
    expect(missing.notices[0]!.key).toBe('notice.stepNotInProcedure');
    expect(OPTION_SCHEMA.step.parse('overview@L1'), 'shared steps carry no level').toBeUndefined();
    expect(OPTION_SCHEMA.step.parse('access@L1@T2')).toBeUndefined();
  });

  it('writes the levels and the per-level lists into a share link', () => {
    const { options } = parse('?levels=T12,L1&grade=2,3');
    const link = new URL(buildShareLink('https://example.org/v', options, 'access@L1', 80));
    expect(link.searchParams.get('levels')).toBe('T12,L1');
    expect(link.searchParams.get('grade')).toBe('2,3');
    expect(link.searchParams.get('step')).toBe('access@L1');
    const single = new URL(buildShareLink('https://example.org/v', parse('').options, 'overview', 0));
    expect(single.searchParams.has('levels'), 'an empty list is the default').toBe(false);
  });
});

describe('reconcileLevelLists', () => {
  const base = { level: 'T12', levels: ['T12', 'L1'], grade: [2, 3], morphology: 'wedge' } as const;

  it('a level picked from the menu replaces the first level and keeps the others', () => {
    const { values, notices } = reconcileLevelLists({ ...base, level: 'T11' as const }, 'en', true);
    expect(values.levels).toEqual(['T11', 'L1']);
    expect(values.grade).toEqual([2, 3]);
    expect(notices).toEqual([]);
  });

  it('picking one of the other levels leaves it the only one', () => {
    const { values, notices } = reconcileLevelLists({ ...base, level: 'L1' as const }, 'en', true);
    expect(values.levels).toEqual([]);
    expect(values.level).toBe('L1');
    expect(values.grade).toBe(2);
    expect(notices).toEqual([]);
  });
});
