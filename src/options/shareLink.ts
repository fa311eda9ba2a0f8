import { OPTION_SCHEMA, URL_OPTION_KEYS, type ViewerOptions } from './optionSchema';

/** Seconds as the URL's `t`: up to 6 decimals (the most `t` accepts), no trailing zeros, never an exponent. */
export function formatSeconds(t: number): string {
  const fixed = Math.max(0, t).toFixed(6);
  return fixed.replace(/\.?0+$/, '') || '0';
}

/** The options that a link always names, whatever their value. */
const ALWAYS = ['procedure', 'level', 'grade'] as const;
/** Options a link names when they differ from the default (how time runs is not part of a moment). */
const WHEN_CHANGED = URL_OPTION_KEYS.filter(
  (key) => OPTION_SCHEMA[key].role === 'setting' && !(ALWAYS as readonly string[]).includes(key),
);

/**
 * A link that reopens the viewer at exactly this frame: procedure, level, grade, step and t always, plus every
 * other setting that changes the picture when it differs from the default. Other parameters of the base stay.
 */
export function buildShareLink(
  base: string,
  options: Pick<ViewerOptions, (typeof ALWAYS)[number]> & Partial<ViewerOptions>,
  step: string,
  time: number,
): string {
  const url = new URL(base);
  for (const key of [...URL_OPTION_KEYS, 't']) url.searchParams.delete(key);
  for (const key of ALWAYS) url.searchParams.set(key, String(options[key]));
  url.searchParams.set('step', step);
  url.searchParams.set('t', formatSeconds(time));
  for (const key of WHEN_CHANGED) {
    // Compared as written, so a list equal to the default (an empty `levels`) is left out like any default.
    if (options[key] !== undefined && String(options[key]) !== String(OPTION_SCHEMA[key].default))
      url.searchParams.set(OPTION_SCHEMA[key].attribute, String(options[key]));
  }
  url.hash = '';
  return url.href;
}
