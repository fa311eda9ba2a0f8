import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/i18n/formatNumber';

describe('formatNumber: numbers as the language writes them', () => {
  it.each([
    ['en', 15.27, 1, '15.3'],
    ['es', 15.27, 1, '15,3'],
    ['en', 4.05, 0, '4'],
    ['es', 0, 1, '0,0'],
    ['es', 1234.5, 1, '1234,5'],
    ['en', 1234.5, 1, '1234.5'],
    ['en', 2, 2, '2.00'],
    ['es', 98.6, 0, '99'],
  ] as const)('%s: %d with %i decimals → %s', (lang, value, digits, expected) => {
    expect(formatNumber(lang, value, digits)).toBe(expected);
  });

  it('gives the same text on every call (the formatter is kept, not remade)', () => {
    const first = formatNumber('es', 3.14159, 2);
    for (let i = 0; i < 100; i++) expect(formatNumber('es', 3.14159, 2)).toBe(first);
  });
});
