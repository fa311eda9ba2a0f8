import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/messages/en.json';
import {
  availableLanguages,
  DEFAULT_LANG,
  format,
  hasLanguage,
  translate,
  translatorFor,
} from '../../../src/i18n/catalog';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import { OPTION_KEYS, OPTION_SCHEMA } from '../../../src/options/optionSchema';
import {
  AUDIENCES,
  BONE_DENSITIES,
  CONTROLS,
  DETECTORS,
  PLAYBACK_RATES,
  POLARITIES,
  REVEAL_MODES,
  VIEWS,
} from '../../../src/options/optionValues';
import { timelineFor } from '../../../src/procedure/timeline';
import { APPROACHES, GRADES, MORPHOLOGIES, PROCEDURE_IDS, STEP_IDS } from '../../../src/procedure/types';
import { englishSyllables, fleschKincaidGrade, textStats } from './readability';

const MESSAGES: Record<string, string> = en;

/** Every catalog by language, read from the files themselves (not through the code under test). */
const CATALOGS: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries(
    import.meta.glob<{ default: Record<string, string> }>('../../../src/i18n/messages/*.json', {
      eager: true,
    }),
  ).map(([path, mod]) => [/([\w-]+)\.json$/.exec(path)![1]!, mod.default]),
);
const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Each step's patient caption and its count variants (`step.<id>.plain.one`), which the captions choose by needles. */
function plainCaptionKeys(ids: Iterable<string>): string[] {
  const wanted = new Set([...ids].map((id) => `step.${id}.plain`));
  return Object.keys(MESSAGES).filter((key) => wanted.has(key.replace(/^(step\.[\w-]+\.plain)\.\w+$/, '$1')));
}

describe('format', () => {
  it('fills every occurrence of each placeholder', () => {
    expect(format('{a} and {b}, {a} again', { a: 'x', b: 2 })).toBe('x and 2, x again');
  });

  it('leaves unknown placeholders as they are', () => {
    expect(format('{known} {unknown}', { known: 'yes' })).toBe('yes {unknown}');
  });

  it('returns the template unchanged without params', () => {
    expect(format('Step {index} of {count}')).toBe('Step {index} of {count}');
  });

  it('does not treat inherited object properties as params', () => {
    expect(format('{constructor} {toString} {__proto__}', {})).toBe('{constructor} {toString} {__proto__}');
  });

  it('inserts values verbatim: no second pass over inserted text, no HTML escaping', () => {
    expect(format('{a}', { a: '{b}', b: 'nope' })).toBe('{b}');
    expect(format('{a}', { a: '<img src=x onerror=alert(1)>' })).toBe('<img src=x onerror=alert(1)>');
    expect(format('{a}', { a: '$& $1 $$' }), 'replacement patterns are not expanded').toBe('$& $1 $$');
  });

  it('formats numbers with String()', () => {
    expect(format('{n} / {z} / {f}', { n: 12.5, z: 0, f: -3 })).toBe('12.5 / 0 / -3');
  });
});

describe('languages and translate', () => {
  it('English is available and is the default', () => {
    expect(DEFAULT_LANG).toBe('en');
    expect(hasLanguage('en')).toBe(true);
    expect(availableLanguages()).toContain('en');
    expect(availableLanguages(), 'sorted').toEqual([...availableLanguages()].sort());
  });

  it('an unknown language is not available', () => {
    expect(hasLanguage('xx')).toBe(false);
    expect(hasLanguage('')).toBe(false);
  });

  it('falls back to English for an unknown language', () => {
    for (const key of ['app.title', 'step.access.plain', 'notice.invalid'] as const) {
      expect(translate('xx', key), key).toBe(MESSAGES[key]);
    }
  });

  it('fills params after looking up the message', () => {
    expect(translate('en', 'app.description', { procedure: 'Kyphoplasty', level: 'L1' })).toBe(
      '3D animation of Kyphoplasty at L1',
    );
    expect(translate('zz', 'controls.time', { elapsed: '0:05', total: '1:53' })).toBe('0:05 of 1:53');
  });

  it('translatorFor binds the language', () => {
    const t = translatorFor('en');
    expect(t('controls.play')).toBe('Play');
    expect(t('notice.timeClamped', { value: 500, duration: 113, fallback: 113 })).toBe(
      'The time 500 is outside this procedure (0–113 s). Using 113 s.',
    );
  });

  it('every language file is loaded, has only English keys and keeps the same placeholders', () => {
    const files = import.meta.glob<{ default: Record<string, string> }>('../../../src/i18n/messages/*.json', {
      eager: true,
    });
    const langs = Object.keys(files).map((path) => /([\w-]+)\.json$/.exec(path)![1]!);
    expect(availableLanguages()).toEqual([...langs].sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [path, mod] of Object.entries(files)) {
      for (const [key, text] of Object.entries(mod.default)) {
        expect(MESSAGES[key], `${path}: ${key} is not an English key`).toBeTypeOf('string');
        expect(placeholders(text), `${path}: ${key} placeholders`).toEqual(placeholders(MESSAGES[key]!));
      }
    }
  });
});

describe('every catalog is complete', () => {
  const langs = Object.keys(CATALOGS);

  it('ships English and Spanish', () => {
    expect(langs).toEqual(expect.arrayContaining(['en', 'es']));
  });

  it.each(langs.flatMap((a) => langs.filter((b) => b !== a).map((b) => [a, b])))(
    'every key of %s is in %s, with the same placeholders and some text',
    (from, to) => {
      const problems: string[] = [];
      for (const [key, text] of Object.entries(CATALOGS[from]!)) {
        const other = CATALOGS[to]![key];
        if (typeof other !== 'string' || other.trim() === '') problems.push(`${key}: missing`);
        else if (placeholdersOf(other).join() !== placeholdersOf(text).join())
          problems.push(
            `${key}: {${placeholdersOf(other).join('} {')}} instead of {${placeholdersOf(text).join('} {')}}`,
          );
      }
      expect(problems, problems.join('\n')).toEqual([]);
    },
  );

  it('each language names itself differently (the language menu lists them by these names)', () => {
    const names = langs.map((lang) => CATALOGS[lang]!['language.name']);
    expect(new Set(names).size, names.join(', ')).toBe(langs.length);
  });

  it.each(langs)('%s: patient captions never use placeholders or markup', (lang) => {
    for (const key of Object.keys(MESSAGES).filter((k) => /^step\..*\.plain$/.test(k)))
      expect(CATALOGS[lang]![key], `${lang} ${key}`).not.toMatch(/[{}<>]/);
  });
});

describe('catalog completeness', () => {
  const used = new Set(PROCEDURE_IDS.flatMap((p) => timelineFor(p).steps.map((s) => s.id)));

  it('every step of both procedures has a title, a plain and a clinical caption', () => {
    const missing: string[] = [];
    for (const id of used) {
      for (const kind of ['title', 'plain', 'clinical']) {
        const key = `step.${id}.${kind}`;
        const text = MESSAGES[key];
        if (typeof text !== 'string' || text.trim() === '') missing.push(key);
      }
    }
    expect(missing, `missing: ${missing.join(', ')}`).toEqual([]);
    expect(used.size, 'all step ids are used by some procedure').toBe(STEP_IDS.length);
  });

  it('every procedure and morphology has a name', () => {
    for (const id of PROCEDURE_IDS) expect(MESSAGES[`procedure.${id}`], id).toBeTruthy();
    for (const id of MORPHOLOGIES) expect(MESSAGES[`morphology.${id}`], id).toBeTruthy();
    for (const id of AUDIENCES) expect(MESSAGES[`audience.${id}`], id).toBeTruthy();
    for (const id of VIEWS) expect(MESSAGES[`view.${id}`], id).toBeTruthy();
  });

  it('every option has an expected.* hint', () => {
    for (const name of OPTION_KEYS) {
      const key = OPTION_SCHEMA[name].expected;
      expect(key.startsWith('expected.'), key).toBe(true);
      expect(MESSAGES[key], `${key} for option ${name}`).toBeTruthy();
    }
  });

  it.each([
    ['procedure', PROCEDURE_IDS],
    ['grade', GRADES],
    ['morphology', MORPHOLOGIES],
    ['approach', APPROACHES],
    ['rate', PLAYBACK_RATES],
    ['audience', AUDIENCES],
    ['view', VIEWS],
    ['controls', CONTROLS],
    ['polarity', POLARITIES],
    ['detector', DETECTORS],
    ['bone', BONE_DENSITIES],
    ['reveal', REVEAL_MODES],
    ['boolean', ['true', 'false']],
    ['level', [LEVEL_IDS[0], LEVEL_IDS[LEVEL_IDS.length - 1]]],
  ] as const)('expected.%s names every allowed value, as typed, in every language', (name, values) => {
    for (const [lang, messages] of Object.entries(CATALOGS)) {
      const hint = messages[`expected.${name}`]!;
      for (const value of values) {
        expect(hint, `${lang} expected.${name} ("${hint}") should mention ${value}`).toMatch(
          new RegExp(`(^|[^\\w.])${String(value).replace('.', '\\.')}($|[^\\w.]|\\.(?!\\d))`),
        );
      }
    }
  });

  it('placeholders in the notices are the ones parseOptions fills', () => {
    const placeholders = (key: string) => [...MESSAGES[key]!.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(placeholders('notice.invalid')).toEqual(['expected', 'fallback', 'name', 'value']);
    expect(placeholders('notice.stepNotInProcedure')).toEqual(['fallback', 'procedure', 'value']);
    expect(placeholders('notice.timeClamped')).toEqual(['duration', 'fallback', 'value']);
  });

  it('patient captions never use placeholders or markup', () => {
    for (const key of plainCaptionKeys(used)) {
      expect(MESSAGES[key], key).not.toMatch(/[{}<>]/);
    }
  });
});

describe('plain-language captions are short and simple', () => {
  const ids = [...new Set(PROCEDURE_IDS.flatMap((p) => timelineFor(p).steps.map((s) => s.id)))];

  it.each(plainCaptionKeys(ids))('%s', (key) => {
    const text = MESSAGES[key]!;
    const r = { ...textStats(text, englishSyllables), grade: fleschKincaidGrade(text) };
    const summary = `"${text}": ${r.words} words, ${r.sentences} sentences, ${r.wordsPerSentence.toFixed(1)} words/sentence, grade ${r.grade.toFixed(1)}`;
    expect(r.words, `too long: ${summary}`).toBeLessThanOrEqual(40);
    expect(r.wordsPerSentence, `sentences too long: ${summary}`).toBeLessThanOrEqual(20);
    expect(r.grade, `too hard to read (Flesch–Kincaid > 8.5): ${summary}`).toBeLessThanOrEqual(8.5);
  });
});
