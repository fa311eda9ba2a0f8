import { availableLanguages, DEFAULT_LANG } from '../../i18n/catalog';
import { pickLanguage } from '../../i18n/pickLanguage';
import { rawAttributes } from '../../options/elementAttributes';
import { OPTION_SCHEMA, type ViewerOptions } from '../../options/optionSchema';
import { parseOptions, startTimeOf, type Notice } from '../../options/parseOptions';
import { ViewerController } from '../../playback/viewerController';
import { settingsFromOptions } from '../../playback/viewerSettings';

/** The shipped catalog that best fits the browser's preferred languages (English outside a browser). */
export function readerLanguage(): string {
  const preferred =
    typeof navigator === 'undefined'
      ? []
      : navigator.languages?.length
        ? navigator.languages
        : [navigator.language];
  return pickLanguage(preferred, availableLanguages(), DEFAULT_LANG);
}

/**
 * A controller started from an element's attributes, parsed all together (so `time` wins over `step` and the
 * step is checked against the procedure, whatever the attribute order). Bad values become visible notices.
 */
export function createViewerController(
  element: Element,
  defaultShareUrl: () => string,
): { controller: ViewerController; options: ViewerOptions; notices: Notice[] } {
  const given = rawAttributes(element);
  // Without a `lang`, the reader's own browser languages choose among the shipped catalogs; a `lang` that is
  // given but not available still falls back to the default, as its notice says.
  const raw = given.lang === undefined ? { ...given, lang: readerLanguage() } : given;
  const lang = OPTION_SCHEMA.lang.parse(raw.lang) ?? OPTION_SCHEMA.lang.default;
  const { options, notices } = parseOptions(raw, lang);
  const settings = settingsFromOptions(options);
  settings.shareUrl ??= defaultShareUrl();
  const controller = new ViewerController(settings, {
    startTime: startTimeOf(options),
    loop: options.loop,
    rate: options.rate,
  });
  return { controller, options, notices };
}
