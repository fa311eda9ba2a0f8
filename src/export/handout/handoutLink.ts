import { buildShareLink } from '../../options/shareLink';
import type { ViewerOptions } from '../../options/optionSchema';

/** The options a handout or its link back names: the patient's procedure and the settings that change the picture. */
export type MomentOptions = Pick<ViewerOptions, 'procedure' | 'level' | 'grade' | 'lang'> &
  Partial<ViewerOptions>;

/**
 * A link to one moment on `base` (the handout page, or the standalone viewer for the handout's link back): the
 * share link's parameters, with the language always named, so a Spanish handout links to the Spanish viewer even
 * on a phone set to English.
 */
export function momentLink(base: string, options: MomentOptions, step: string, time: number): string {
  const url = new URL(buildShareLink(base, options, step, time));
  url.searchParams.set('lang', options.lang);
  return url.href;
}

let handoutPageUrl: string | null = null;

/**
 * Where handout.html is: next to the published module or the site's pages (set by the entry point that defines
 * the element); null when the module is bundled into an app that has no handout page.
 */
export function handoutPage(): string | null {
  return handoutPageUrl;
}

export function setHandoutPage(url: string | null): void {
  handoutPageUrl = url;
}
