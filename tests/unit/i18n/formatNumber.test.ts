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

describe('formatNumber without Intl for the viewer’s languages', () => {
  it('writes what Intl.NumberFormat writes, for many values, signs and decimals', () => {
    const values = [
      0, -0, 0.05, 0.15, 0.25, 0.35, 1.005, 2.675, 1.45, -1.45, -0.04, 9.995, 15.27, 98.6, 123.456,
    ];
    for (let i = 0; i < 400; i++)
      values.push(Math.round(((Math.sin(i * 12.9898) * 43758.5453) % 1000) * 1000) / 1000);
    for (const lang of ['en', 'es'])
      for (const digits of [0, 1, 2, 3])
        for (const value of values) {
          const intl = new Intl.NumberFormat(lang, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
            useGrouping: false,
          }).format(value);
          expect(`${lang} ${value} ${digits}: ${formatNumber(lang, value, digits)}`).toBe(
            `${lang} ${value} ${digits}: ${intl}`,
          );
        }
  });

  it('still uses Intl for another language', () => {
    expect(formatNumber('ar-EG', 12.5, 1)).toBe(
      new Intl.NumberFormat('ar-EG', {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
        useGrouping: false,
      }).format(12.5),
    );
  });
});
