import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../src/i18n/pickLanguage';

const SHIPPED = ['en', 'es'];

describe('pickLanguage: the best shipped catalog for the browser’s languages', () => {
  it.each([
    [['es-MX'], SHIPPED, 'es'],
    [['es-ES', 'es'], SHIPPED, 'es'],
    [['es'], SHIPPED, 'es'],
    [['ES-419'], SHIPPED, 'es'],
    [['es_AR'], SHIPPED, 'es'],
    [['en-US', 'es'], SHIPPED, 'en'],
    [['en-GB'], SHIPPED, 'en'],
    [['fr-FR', 'es-CO', 'en'], SHIPPED, 'es'],
    [['fr-FR', 'de'], SHIPPED, 'en'],
    [[], SHIPPED, 'en'],
    [['', ' '], SHIPPED, 'en'],
    [['pt-BR'], ['en', 'pt-br'], 'pt-br'],
    [['pt'], ['en', 'pt-br'], 'pt-br'],
    [['pt-PT'], ['en', 'pt-br'], 'pt-br'],
    [['pt-PT', 'pt-BR'], ['en', 'pt-br', 'pt-pt'], 'pt-pt'],
    [['zh-Hant-TW'], ['en', 'zh'], 'zh'],
  ] as const)('%j among %j → %s', (preferred, available, expected) => {
    expect(pickLanguage(preferred, available)).toBe(expected);
  });

  it('falls back to the given fallback when nothing matches', () => {
    expect(pickLanguage(['ja'], SHIPPED, 'es')).toBe('es');
  });

  it('returns the catalog name as shipped, not the browser’s spelling', () => {
    expect(pickLanguage(['PT-br'], ['pt-BR'])).toBe('pt-BR');
  });
});
