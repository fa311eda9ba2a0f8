const MAX_SHOWN = 40;

/*
 * Control characters (C0, DEL, C1) and the line and paragraph separators become a space: they separate words,
 * so joining the words around them would change what the value says.
 */
// eslint-disable-next-line no-control-regex -- replacing C0 and C1 control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/*
 * Format characters (Unicode Cf) are invisible by definition and are removed. They include every bidi control
 * (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), which can reorder the rest of a notice so that a
 * crafted link reads as "sign in at evil.example", and the zero-width and soft-hyphen characters (U+00AD,
 * U+200B–U+200D, U+2060, U+FEFF) and tag characters, which hide text from the reader but not from the page.
 */
const FORMAT = /\p{Cf}/gu;

/**
 * Shorten and strip control and invisible characters so a notice never carries a huge, invisible or reordered
 * payload. Every notice and protocol error echoes user-supplied values through this one function.
 */
export function displayValue(value: string): string {
  const clean = Array.from(value.replace(FORMAT, '').replace(CONTROL, ' '));
  // Cut by code points, never through a surrogate pair (an emoji stays whole or goes).
  return clean.length > MAX_SHOWN ? `${clean.slice(0, MAX_SHOWN).join('')}…` : clean.join('');
}
