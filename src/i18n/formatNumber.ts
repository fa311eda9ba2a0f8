/*
 * Numbers in the reader's language ("15.3" in English, "15,3" in Spanish). The viewer's own languages need only
 * their decimal sign, so they are rounded here the way Intl.NumberFormat rounds (half away from zero, on the
 * shortest decimal that reads back as the number: 0.15 → "0.2", where toFixed gives "0.1"; tested against Intl):
 * making the first Intl.NumberFormat of a page costs more than a dozen milliseconds, spent before the first
 * frame. Other languages (a page may ask for one the viewer does not translate) get an Intl.NumberFormat, kept per
 * language and number of decimals.
 */
const DECIMAL_SIGN: Record<string, string> = { en: '.', es: ',' };

const formatsByLanguage = new Map<string, Intl.NumberFormat[]>();

function numberFormat(lang: string, digits: number): Intl.NumberFormat {
  let formats = formatsByLanguage.get(lang);
  if (!formats) {
    formats = [];
    formatsByLanguage.set(lang, formats);
  }
  let found = formats[digits];
  if (!found) {
    found = new Intl.NumberFormat(lang, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      // Grouping would write 1000 as "1.000" in Spanish, which reads as one; no readout reaches thousands anyway.
      useGrouping: false,
    });
    formats[digits] = found;
  }
  return found;
}

/** Add one to a string of decimal digits ("0999" → "1000"). */
function increment(digitString: string): string {
  const digits = digitString.split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] !== '9') {
      digits[i] = String(Number(digits[i]) + 1);
      return digits.join('');
    }
    digits[i] = '0';
  }
  return `1${digits.join('')}`;
}

/** `value` rounded half away from zero to `digits` decimals, with `sign` as the decimal sign; null if in exponent form. */
function fixedDecimal(value: number, digits: number, sign: string): string | null {
  const shortest = String(Math.abs(value));
  if (shortest.includes('e')) return null;
  const [whole = '0', fraction = ''] = shortest.split('.');
  let kept = whole + fraction.slice(0, digits).padEnd(digits, '0');
  if ((fraction[digits] ?? '0') >= '5') kept = increment(kept);
  const wholeDigits = kept.slice(0, kept.length - digits) || '0';
  const minus = value < 0 || Object.is(value, -0) ? '-' : '';
  return minus + wholeDigits + (digits > 0 ? sign + kept.slice(kept.length - digits) : '');
}

/** `value` with exactly `digits` decimals (0–20), written the way `lang` writes numbers. */
export function formatNumber(lang: string, value: number, digits = 0): string {
  const sign = DECIMAL_SIGN[lang];
  const fixed = sign !== undefined && Number.isFinite(value) ? fixedDecimal(value, digits, sign) : null;
  return fixed ?? numberFormat(lang, digits).format(value);
}
