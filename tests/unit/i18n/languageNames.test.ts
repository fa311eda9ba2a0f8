import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { languageName, NATIVE_NAMES } from '../../../src/ui/LanguageSelect';

const catalogName = (lang: string): string =>
  (JSON.parse(readFileSync(`src/i18n/messages/${lang}.json`, 'utf8')) as Record<string, string>)[
    'language.name'
  ]!;

describe('the language menu names each language in itself before its catalog is loaded', () => {
  it('has the name each shipped catalog gives itself', () => {
    const shipped = readdirSync('src/i18n/messages').map((f) => f.replace(/\.json$/, ''));
    expect(shipped.length).toBeGreaterThan(1);
    for (const lang of shipped) {
      expect(languageName(lang)).toBe(catalogName(lang));
      if (NATIVE_NAMES[lang] !== undefined) expect(NATIVE_NAMES[lang]).toBe(catalogName(lang));
    }
  });

  it('asks the browser for a language it does not ship', () => {
    expect(languageName('fr')).toBe('Français');
  });
});
