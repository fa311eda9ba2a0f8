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

/** `value` rounded half away from zero to `digits` decimals, with `sign` as the decimal sign; null if out of reach. */
function fixedDecimal(value: number, digits: number, sign: string): string | null {
  const shortest = String(Math.abs(value));
  // Shifting the shortest decimal by digits places ("0.15e1") parses to exactly 1.5, so rounding sees the tie.
  const scaled = Math.round(Number(`${shortest}e${digits}`));
  if (shortest.includes('e') || !Number.isSafeInteger(scaled)) return null;
  const text = String(scaled).padStart(digits + 1, '0');
  const minus = value < 0 || Object.is(value, -0) ? '-' : '';
  const whole = text.slice(0, text.length - digits);
  return minus + whole + (digits > 0 ? sign + text.slice(text.length - digits) : '');
}

/** `value` with exactly `digits` decimals (0–20), written the way `lang` writes numbers. */
export function formatNumber(lang: string, value: number, digits = 0): string {
  const sign = DECIMAL_SIGN[lang];
  const fixed = sign !== undefined && Number.isFinite(value) ? fixedDecimal(value, digits, sign) : null;
  return fixed ?? numberFormat(lang, digits).format(value);
}
