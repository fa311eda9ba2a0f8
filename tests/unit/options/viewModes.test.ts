import { beforeAll, describe, expect, it } from 'vitest';
import { layoutFluoro, type FluoroPanel } from '../../../src/fluoro/fluoroLayout';
import { loadLanguage, translate } from '../../../src/i18n/catalog';
import { OPTION_SCHEMA } from '../../../src/options/optionSchema';
import { VIEWS } from '../../../src/options/optionValues';
import { noticeText, parseOptions, rawOptionsFromSearch } from '../../../src/options/parseOptions';
import { buildShareLink } from '../../../src/options/shareLink';
import { FLUORO_VIEWS } from '../../../src/procedure/types';

describe('view modes: 3D, the X-ray being taken, AP only, lateral only, both', () => {
  beforeAll(async () => {
    expect(await loadLanguage('es')).toBe(true);
  });

  it('the menu offers every view, the old ones first so their order and deep links stay', () => {
    expect(OPTION_SCHEMA.view.values).toEqual(VIEWS);
    expect(VIEWS.slice(0, 2)).toEqual(['3d', 'fluoro']);
    expect(VIEWS).toEqual(expect.arrayContaining(['ap', 'lateral', 'split']));
    expect(OPTION_SCHEMA.view.default).toBe('3d');
  });

  it.each(VIEWS)('view=%s is read from a URL and an attribute, any case', (view) => {
    expect(parseOptions(rawOptionsFromSearch(`?view=${view}`)).options.view).toBe(view);
    const parsed = parseOptions({ view: view.toUpperCase() });
    expect(parsed.options.view).toBe(view);
    expect(parsed.notices).toEqual([]);
  });

  it('an unknown view is a polite notice that names every view, and the 3D view', () => {
    const parsed = parseOptions({ view: 'oblique' });
    expect(parsed.options.view).toBe('3d');
    const [notice] = parsed.notices.map((n) => noticeText(n, 'en'));
    for (const view of VIEWS) expect(notice).toContain(view);
    const spanish = parsed.notices.map((n) => noticeText(n, 'es'))[0]!;
    for (const view of VIEWS) expect(spanish).toContain(view);
  });

  it('every view has words in English and Spanish', () => {
    for (const view of VIEWS) {
      for (const lang of ['en', 'es']) {
        const words = translate(lang, `view.${view}`);
        expect(words, `${lang} view.${view}`).not.toBe(`view.${view}`);
        expect(words.length).toBeGreaterThan(1);
      }
    }
  });

  it('a share link keeps the view', () => {
    for (const view of ['ap', 'lateral'] as const) {
      const options = { ...parseOptions({}).options, view };
      const url = new URL(buildShareLink('https://example.org/v', options, 'access', 33));
      expect(parseOptions(rawOptionsFromSearch(url.search)).options.view).toBe(view);
    }
  });
});

describe('layoutFluoro', () => {
  const W = 800;
  const H = 600;
  const views = (mode: (typeof VIEWS)[number], active: (typeof FLUORO_VIEWS)[number]) =>
    layoutFluoro(W, H, mode, active, []).map((p) => p.view);

  it('ap and lateral show that one image, whatever view the step is taking', () => {
    for (const active of FLUORO_VIEWS) {
      expect(views('ap', active)).toEqual(['ap']);
      expect(views('lateral', active)).toEqual(['lateral']);
    }
  });

  it('fluoro follows the step; split shows both; 3D has an inset only while the step uses X-rays', () => {
    expect(views('fluoro', 'ap')).toEqual(['ap']);
    expect(views('fluoro', 'lateral')).toEqual(['lateral']);
    expect(views('split', 'ap')).toEqual(['ap', 'lateral']);
    expect(views('3d', 'none')).toEqual([]);
    expect(views('3d', 'lateral')).toEqual(['lateral']);
  });

  it('a single view fills the stage like fluoro, inside it, and reuses the panels it is given', () => {
    const out: FluoroPanel[] = [];
    const [fluoro] = layoutFluoro(W, H, 'fluoro', 'ap', out).map((p) => ({ ...p }));
    const panels = layoutFluoro(W, H, 'lateral', 'ap', out);
    expect(panels).toBe(out);
    const [lateral] = panels;
    expect({ ...lateral!, view: 'ap' }).toEqual(fluoro);
    expect(lateral!.x).toBeGreaterThanOrEqual(0);
    expect(lateral!.x + lateral!.size).toBeLessThanOrEqual(W);
    expect(lateral!.y + lateral!.size).toBeLessThanOrEqual(H);
  });
});
