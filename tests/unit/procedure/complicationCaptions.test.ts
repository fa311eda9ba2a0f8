import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage } from '../../../src/i18n/catalog';
import en from '../../../src/i18n/messages/en.json';
import es from '../../../src/i18n/messages/es.json';
import { COMPLICATIONS, STEP_IDS } from '../../../src/procedure/types';
import { stepCaption, type CaptionContext } from '../../../src/ui/stepCaption';

const CATALOGS: Record<string, Record<string, string>> = { en, es };
const LEAKS = COMPLICATIONS.filter((c) => c !== 'none');
const CEMENT_STEPS = ['cement-injection', 'cement-hardening'] as const;

const context = (lang: string, complication: (typeof COMPLICATIONS)[number]): CaptionContext => ({
  lang,
  needles: 2,
  params: { setting: '9–11', instruments: '', route: '', cement: '3.0' },
  complication,
});

describe('leak sentence in the captions', () => {
  beforeAll(async () => {
    await loadLanguage('es');
  });

  it.each(LEAKS.flatMap((c) => ['en', 'es'].map((lang) => [c, lang] as const)))(
    '%s (%s): added at the cement steps in both registers, nowhere else',
    (complication, lang) => {
      for (const register of ['plain', 'clinical'] as const) {
        const sentence = CATALOGS[lang]![`complication.${complication}.${register}`]!;
        expect(sentence, 'the catalog has it').toBeTruthy();
        for (const step of STEP_IDS) {
          const withLeak = stepCaption(context(lang, complication), step, register);
          const without = stepCaption(context(lang, 'none'), step, register);
          if ((CEMENT_STEPS as readonly string[]).includes(step))
            expect(withLeak).toBe(`${without} ${sentence}`);
          else expect(withLeak).toBe(without);
        }
      }
    },
  );

  it.each(LEAKS)('%s: the clinical sentence quotes a leak rate with its source', (complication) => {
    const text = en[`complication.${complication}.clinical`];
    expect(text).toMatch(/\d+ %/);
    expect(text).toMatch(/Al-Ali|Perez|VERTOS|Yeom/);
  });
});
