import { useLayoutEffect, type RefObject } from 'react';

/** One constructed sheet per part's CSS, shared by every viewer (never changed after it is built). */
const sheets = new Map<string, CSSStyleSheet>();

/**
 * Adds a lazily loaded part's own styles to the viewer's shadow root (or the document) the first time the part is
 * drawn there, before it is painted: its CSS travels in its chunk, not in the first download. A part's sheet
 * comes after the viewer's, so its rules must not rely on losing to them (embed/element/viewerStyles.ts).
 */
export function usePartStyles(part: RefObject<Element | null>, css: string): void {
  useLayoutEffect(() => {
    const root = part.current?.getRootNode();
    if (!(root instanceof ShadowRoot || root instanceof Document)) return;
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }, [part, css]);
}
