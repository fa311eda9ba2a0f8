import { useLayoutEffect, type RefObject } from 'react';
import scanCss from './scan.css?inline';

let sheet: CSSStyleSheet | null = null;

/**
 * Adopt the scan interface's styles into the viewer's shadow root (or the document) before its first paint: a
 * constructed sheet (CSP-safe) that comes with this lazy chunk, so viewers that never show it never load it.
 */
export function useScanSheet(ref: RefObject<Element | null>): void {
  useLayoutEffect(() => {
    const root = ref.current?.getRootNode();
    if (!(root instanceof ShadowRoot || root instanceof Document)) return;
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(scanCss);
    }
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }, [ref]);
}
