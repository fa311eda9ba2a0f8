/*
 * Numbers in the reader's language ("15.3" in English, "15,3" in Spanish). Readouts format numbers from the frame
 * loop, and an Intl.NumberFormat is costly to make, so one is kept per language and number of decimals (looked up
 * without building a key, so formatting allocates nothing but its result).
 */
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

/** `value` with exactly `digits` decimals (0–20), written the way `lang` writes numbers. */
export function formatNumber(lang: string, value: number, digits = 0): string {
  return numberFormat(lang, digits).format(value);
}
