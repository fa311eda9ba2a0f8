import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, translatorFor } from '../../../src/i18n/catalog';
import { parseOptions } from '../../../src/options/parseOptions';
import { settingsFromOptions } from '../../../src/playback/viewerSettings';
import { createProcedureState } from '../../../src/procedure/procedureState';
import { stateAt } from '../../../src/procedure/stateAt';
import { findStep, timelineFor } from '../../../src/procedure/timeline';
import { captionParams } from '../../../src/ui/captionParams';
import { stepTitle } from '../../../src/ui/stepTitle';

const options = parseOptions({ levels: 'T12,L1', grade: '2,3', morphology: 'wedge,crush' }).options;
const settings = settingsFromOptions(options);
const timeline = timelineFor('kyphoplasty', ['T12', 'L1']);
const procedureOptions = {
  level: 'T12' as const,
  grade: 2 as const,
  morphology: 'wedge' as const,
  approach: 'bipedicular' as const,
  treated: [
    { level: 'T12' as const, grade: 2 as const, morphology: 'wedge' as const },
    { level: 'L1' as const, grade: 3 as const, morphology: 'crush' as const },
  ],
};
const frameAt = (key: string) => {
  const step = findStep(timeline, key)!;
  return stateAt(timeline, procedureOptions, (step.start + step.end) / 2, createProcedureState());
};

describe('captions with several levels', () => {
  beforeAll(async () => {
    expect(await loadLanguage('es')).toBe(true);
  });

  it('a shared step names every level with its own grade and shape', () => {
    const en = captionParams(settings, frameAt('overview'), translatorFor('en'));
    expect(en.level).toBe('T12 and L1');
    expect(en.grade).toBe('2 and 3');
    expect(en.morphology).toBe('wedge and crush');
    const es = captionParams({ ...settings, lang: 'es' }, frameAt('overview'), translatorFor('es'));
    expect(es.level).toBe('T12 y L1');
  });

  it('a per-level step speaks of its own level only', () => {
    const p = captionParams(settings, frameAt('access@L1'), translatorFor('en'));
    expect(p.level).toBe('L1');
    expect(p.grade).toBe('3');
    expect(p.morphology).toBe('crush');
  });

  it('titles name the level of a per-level step, in both languages', () => {
    expect(stepTitle(translatorFor('en'), findStep(timeline, 'cement-injection@L1')!)).toBe(
      'Filling with bone cement (L1)',
    );
    expect(stepTitle(translatorFor('es'), findStep(timeline, 'access@T12')!)).toBe('La aguja entra (T12)');
    expect(stepTitle(translatorFor('en'), findStep(timeline, 'result')!)).toBe('The result');
  });

  it('the overview is titled for several bones when several are treated, and for one otherwise', () => {
    const overview = findStep(timeline, 'overview')!;
    const count = timeline.levels.length;
    expect(count).toBe(2);
    expect(stepTitle(translatorFor('en'), overview, count)).toBe('The broken vertebrae');
    expect(stepTitle(translatorFor('es'), overview, count)).toBe('Las vértebras rotas');
    expect(stepTitle(translatorFor('en'), overview, 1)).toBe('The broken vertebra');
    expect(stepTitle(translatorFor('es'), overview)).toBe('La vértebra rota');
    // Per-level steps keep their own title and name their level.
    expect(stepTitle(translatorFor('en'), findStep(timeline, 'access@T12')!, count)).toBe(
      'Guiding the needle in (T12)',
    );
  });
});
