const MAX_SHOWN = 40;

/** Shorten and strip control characters so a notice never carries a huge or invisible payload. */
export function displayValue(value: string): string {
  // eslint-disable-next-line no-control-regex -- stripping C0 and C1 control characters is the point
  const clean = Array.from(value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' '));
  // Cut by code points, never through a surrogate pair (an emoji stays whole or goes).
  return clean.length > MAX_SHOWN ? `${clean.slice(0, MAX_SHOWN).join('')}…` : clean.join('');
}
