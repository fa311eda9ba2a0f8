import { OPTION_KEYS, OPTION_SCHEMA, type ViewerOptions } from '../../options/optionSchema';
import { parseOptions, startTimeOf, type Notice, type RawOptions } from '../../options/parseOptions';
import { ViewerController } from '../../playback/viewerController';
import { settingsFromOptions } from '../../playback/viewerSettings';

/** The attributes an element has, by option. */
export function rawAttributes(element: Element): RawOptions {
  const raw: RawOptions = {};
  for (const key of OPTION_KEYS) {
    const value = element.getAttribute(OPTION_SCHEMA[key].attribute);
    if (value !== null) raw[key] = value;
  }
  return raw;
}

/**
 * A controller started from an element's attributes, parsed all together (so `time` wins over `step` and the
 * step is checked against the procedure, whatever the attribute order). Bad values become visible notices.
 */
export function createViewerController(
  element: Element,
  defaultShareUrl: () => string,
): { controller: ViewerController; options: ViewerOptions; notices: Notice[] } {
  const raw = rawAttributes(element);
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
