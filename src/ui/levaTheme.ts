/**
 * The clinician console's theme, given to leva (its supported way to restyle itself: colours, sizes, fonts), so the
 * console meets the viewer's accessibility bar without touching leva's markup:
 * - text ≥ 4.5:1 (labels and values white or near white on the dark panel, 4.8:1 on the grey field);
 * - fields and checkboxes ≥ 3:1 against the panel (grey fields 3.3:1, checked boxes 4.6:1), check marks 3.4:1;
 * - a 2 px focus ring (leva draws focus with `accent2` at `borderWidths.focus`), 4.6:1 against the panel;
 * - 32 px rows and 24 px checkboxes (WCAG 2.5.8), the viewer's font at a readable 14 px.
 */
const VIEWER_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const LEVA_THEME = {
  colors: {
    elevation1: '#161a1f',
    elevation2: '#1e232b',
    elevation3: '#66738a',
    accent1: '#2a6fae',
    accent2: '#3d8fd6',
    accent3: '#ffffff',
    highlight1: '#c9d3dd',
    highlight2: '#ffffff',
    highlight3: '#ffffff',
    vivid1: '#ffcc00',
    folderWidgetColor: '#c9d3dd',
    folderTextColor: '#ffffff',
    toolTipBackground: '#ffffff',
    toolTipText: '#161a1f',
  },
  // leva sets labels and values in its monospace font: the viewer's own face reads more plainly.
  fonts: {
    sans: VIEWER_FONT,
    mono: VIEWER_FONT,
  },
  fontSizes: {
    root: '14px',
  },
  sizes: {
    rootWidth: '380px',
    controlWidth: '170px',
    rowHeight: '32px',
    checkboxSize: '24px',
    titleBarHeight: '40px',
  },
  space: {
    rowGap: '8px',
  },
  borderWidths: {
    focus: '2px',
    hover: '1px',
  },
} as const;
