import baseCss from '../../ui/styles/base.css?inline';
import topbarCss from '../../ui/styles/topbar.css?inline';
import overlaysCss from '../../ui/styles/overlays.css?inline';
import captionCss from '../../ui/styles/caption.css?inline';
import controlsCss from '../../ui/styles/controls.css?inline';
import pickerCss from '../../ui/styles/picker.css?inline';
import layoutCss from '../../ui/styles/layout.css?inline';
import labelsCss from '../../ui/styles/labels.css?inline';
import fluoroCss from '../../ui/styles/fluoro.css?inline';
import transcriptCss from '../../ui/styles/transcript.css?inline';
import cureCss from '../../ui/styles/cure.css?inline';
import cameraCss from '../../ui/styles/camera.css?inline';
import videoExportCss from '../../ui/styles/videoExport.css?inline';
import compareCss from '../../ui/styles/compare.css?inline';
import elementCss from '../element.css?inline';

/*
 * The viewer's styles, one file per part of the interface (src/ui/styles/), in cascade order: later files may
 * refine earlier ones (layout.css adapts the parts to the viewer's size). A lazily loaded part brings its own
 * (steps.css with the step list, ui/usePartStyles.ts), added after these.
 */
const VIEWER_CSS = [
  baseCss,
  topbarCss,
  overlaysCss,
  captionCss,
  controlsCss,
  pickerCss,
  layoutCss,
  labelsCss,
  fluoroCss,
  transcriptCss,
  cureCss,
  cameraCss,
  videoExportCss,
  compareCss,
  elementCss,
];

let sheets: CSSStyleSheet[] | null = null;

/**
 * Constructed stylesheets adopted by every viewer's shadow root (CSP-safe: no <style> element, no inline style
 * attribute). Shared because they are never changed after they are built.
 */
export function viewerSheets(): CSSStyleSheet[] {
  sheets ??= VIEWER_CSS.map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  return sheets;
}
