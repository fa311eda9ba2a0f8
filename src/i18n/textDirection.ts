/** Languages written right to left, by primary subtag, for engines without `Intl.Locale` text info. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'ji', 'dv', 'ckb', 'sd', 'ug']);

/** Scripts written right to left (ISO 15924), for a tag that names its script ("az-Arab", "pa-Arab"). */
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);

/** What `Intl.Locale` may offer, depending on the engine: a `textInfo` getter, or the older `getTextInfo()`. */
interface TextInfoLocale {
  textInfo?: { direction?: string };
  getTextInfo?: () => { direction?: string };
}

/**
 * The direction a language is written in, for the `dir` attribute: right to left when the engine's `Intl.Locale`
 * text info says so, or when the tag's script (else its language) is one written right to left. The list also
 * covers an engine that says 'ltr' only for want of locale data (Node 20 does for "dv" and "az-Arab"). A tag that
 * cannot be parsed is 'ltr'.
 */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(lang.trim().replace(/_/g, '-'));
  } catch {
    return 'ltr';
  }
  const info = locale as unknown as TextInfoLocale;
  let direction: string | undefined;
  try {
    direction = info.textInfo?.direction ?? info.getTextInfo?.().direction;
  } catch {
    direction = undefined;
  }
  if (direction === 'rtl') return 'rtl';
  if (locale.script) return RTL_SCRIPTS.has(locale.script.toLowerCase()) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(locale.language.toLowerCase()) ? 'rtl' : 'ltr';
}
