import { translate } from '../i18n/catalog';
import { displayValue } from '../options/displayValue';

/** Rejected entries shown one by one; the rest are counted, so a crafted link cannot fill the viewer with notices. */
export const MAX_ORIGIN_NOTICES = 3;

/**
 * The notices for `origins` entries that parseOrigins rejected, translated. The viewer still works without them,
 * so these are polite notes for whoever wrote the iframe URL, not errors.
 */
export function originNoticeTexts(rejected: readonly string[], lang: string): string[] {
  const shown = rejected
    .slice(0, MAX_ORIGIN_NOTICES)
    .map((entry) => translate(lang, 'notice.badOrigins', { value: displayValue(entry) }));
  const more = rejected.length - shown.length;
  if (more > 0) shown.push(translate(lang, 'notice.badOriginsMore', { count: more }));
  return shown;
}
