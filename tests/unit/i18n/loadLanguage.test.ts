import { describe, expect, it } from 'vitest';
import {
  availableLanguages,
  hasLanguage,
  isLanguageLoaded,
  loadLanguage,
  translate,
} from '../../../src/i18n/catalog';

describe('catalogs load on demand', () => {
  it('English is always here; other languages are known before they are loaded', () => {
    expect(isLanguageLoaded('en')).toBe(true);
    expect(availableLanguages()).toEqual(['en', 'es']);
    expect(hasLanguage('es')).toBe(true);
  });

  it('loading a language makes its texts available; until then they are English', async () => {
    if (!isLanguageLoaded('es'))
      expect(translate('es', 'controls.steps')).toBe(translate('en', 'controls.steps'));
    const [a, b] = await Promise.all([loadLanguage('es'), loadLanguage('es')]);
    expect([a, b]).toEqual([true, true]);
    expect(isLanguageLoaded('es')).toBe(true);
    expect(translate('es', 'controls.steps')).not.toBe(translate('en', 'controls.steps'));
  });

  it('a language without a catalog does not load', async () => {
    expect(await loadLanguage('xx')).toBe(false);
    expect(isLanguageLoaded('xx')).toBe(false);
  });
});
