/** A BCP 47 tag as catalogs are named: lower case, `-` between subtags ("pt_BR" → "pt-br"). */
function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/_/g, '-');
}

/** The primary language subtag ("es-mx" → "es"). */
function primarySubtag(tag: string): string {
  return tag.split('-')[0] ?? tag;
}

/**
 * The best shipped catalog for a reader's preferred languages (e.g. `navigator.languages`), in preference order:
 * an exact catalog ("es-mx") first, then the catalog of the same language ("es-MX" → "es", "pt" → "pt-br"). A
 * later preference is only used when no earlier one has a catalog at all, so a reader who put Spanish first gets
 * Spanish even if a regional English is listed after it. Without any match: `fallback`.
 */
export function pickLanguage(
  preferred: readonly string[],
  available: readonly string[],
  fallback = 'en',
): string {
  const catalogs = available.map(normalizeTag);
  for (const raw of preferred) {
    const tag = normalizeTag(raw);
    if (tag === '') continue;
    const exact = catalogs.indexOf(tag);
    if (exact >= 0) return available[exact]!;
    const language = primarySubtag(tag);
    const base = catalogs.indexOf(language);
    if (base >= 0) return available[base]!;
    const regional = catalogs.findIndex((c) => primarySubtag(c) === language);
    if (regional >= 0) return available[regional]!;
  }
  return fallback;
}
