/*
 * leva styles itself with stitches (CSS-in-JS). When leva's module runs, stitches looks through
 * document.styleSheets for a sheet it laid out earlier (its server-rendering hydration path) and, finding none,
 * adds a <style> element. A strict CSP (style-src without 'unsafe-inline') blocks that element's sheet, stitches
 * reads `cssRules` of null, and the import fails. So before leva loads, hand stitches a constructed stylesheet
 * already laid out its way: it adopts that sheet and inserts every rule through the CSSOM, which a CSP allows.
 */

/**
 * stitches' rule groups in order (themed, global, styled, onevar, resonevar, allvar, inline). Each is a marker
 * rule naming the group followed by the `@media {}` block its rules go into; stitches finds them by this shape.
 */
const GROUP_COUNT = 7;

let sheet: CSSStyleSheet | null = null;

function stitchesSheet(): CSSStyleSheet {
  const constructed = new CSSStyleSheet();
  let text = '';
  for (let group = 0; group < GROUP_COUNT; group++) text += `--sxs{--sxs:${group}}@media{}`;
  constructed.replaceSync(text);
  return constructed;
}

/**
 * Run `load` (the dynamic import that first evaluates leva) while document.styleSheets lists a constructed sheet
 * for stitches first. The panel lives in the light DOM, so the sheet is adopted by the document. The override is
 * removed as soon as the import settles; later imports find stitches already set up.
 */
export async function loadWithConstructedStyles<T>(load: () => Promise<T>): Promise<T> {
  if (sheet || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return load();
  const own = stitchesSheet();
  sheet = own;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, own];
  const real = Object.getOwnPropertyDescriptor(Document.prototype, 'styleSheets')?.get;
  Object.defineProperty(document, 'styleSheets', {
    configurable: true,
    // Every other reader still sees the page's sheets, after this one.
    get: () => [own, ...Array.from((real?.call(document) as StyleSheetList | undefined) ?? [])],
  });
  try {
    return await load();
  } finally {
    delete (document as { styleSheets?: unknown }).styleSheets;
  }
}
