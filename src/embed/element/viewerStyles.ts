import viewerCss from '../../ui/viewer.css?inline';
import elementCss from '../element.css?inline';

let sheets: CSSStyleSheet[] | null = null;

/**
 * Constructed stylesheets adopted by every viewer's shadow root (CSP-safe: no <style> element, no inline style
 * attribute). Shared because they are never changed after they are built.
 */
export function viewerSheets(): CSSStyleSheet[] {
  sheets ??= [viewerCss, elementCss].map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  return sheets;
}
