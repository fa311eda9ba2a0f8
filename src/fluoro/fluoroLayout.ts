import type { FluoroView } from '../procedure/types';
import type { ViewMode } from '../options/optionValues';

/** A square fluoro panel on the canvas, in CSS pixels from the top-left. */
export interface FluoroPanel {
  view: Exclude<FluoroView, 'none'>;
  x: number;
  y: number;
  size: number;
}

const MARGIN = 12;
/** Room for the viewer's top bar above full-stage panels. */
const TOP = 56;
/**
 * The smallest picture-in-picture inset: below this its title, badge and markers no longer fit and the image is
 * too small to read, so a stage this cramped (a tiny embed, a phone at 400 % zoom) shows the 3D view alone; the
 * fluoro, AP and lateral views still show the X-ray across the whole stage.
 */
export const MIN_INSET_PX = 96;

/** Fill slot i of `out`, reusing the panel object already there (the layout runs every frame). */
function set(
  out: FluoroPanel[],
  i: number,
  view: FluoroPanel['view'],
  x: number,
  y: number,
  size: number,
): void {
  const panel = out[i] ?? (out[i] = { view, x, y, size });
  panel.view = view;
  panel.x = x;
  panel.y = y;
  panel.size = size;
}

/**
 * Where the fluoro images go: a picture-in-picture inset in the 3D view (while the step uses fluoroscopy),
 * the whole stage in fluoro view (the step's view), ap and lateral views (that one only), AP and lateral side by
 * side in split view. Written into `out` (reused).
 */
export function layoutFluoro(
  width: number,
  height: number,
  mode: ViewMode,
  active: FluoroView,
  out: FluoroPanel[],
): FluoroPanel[] {
  // Side-by-side procedures: each half is one procedure's 3D view, too small to share with X-ray panels.
  if (mode === 'compare') {
    out.length = 0;
    return out;
  }
  const splitSize = Math.min((width - 3 * MARGIN) / 2, height - TOP - MARGIN);
  // A stage too small for two readable panels shows the one being taken, as the fluoro view does.
  if (mode === 'split' && splitSize >= MIN_INSET_PX) {
    const size = splitSize;
    const top = TOP + (height - TOP - MARGIN - size) / 2;
    const left = (width - 2 * size - MARGIN) / 2;
    set(out, 0, 'ap', left, top, size);
    set(out, 1, 'lateral', left + size + MARGIN, top, size);
    out.length = 2;
    return out;
  }
  // `fluoro` (and a cramped `split`) shows the view the step is taking (the last one taken stays up); `ap` and
  // `lateral` keep to theirs.
  const view = mode === 'ap' || mode === 'lateral' ? mode : active === 'none' ? 'lateral' : active;
  if (mode !== '3d') {
    const size = Math.max(0, Math.min(width - 2 * MARGIN, height - TOP - MARGIN));
    set(out, 0, view, (width - size) / 2, TOP + (height - TOP - MARGIN - size) / 2, size);
    out.length = 1;
    return out;
  }
  if (active === 'none') {
    out.length = 0;
    return out;
  }
  const size = Math.round(Math.min(width * 0.34, height * 0.5));
  if (size < MIN_INSET_PX) {
    out.length = 0;
    return out;
  }
  set(out, 0, active, width - size - MARGIN, height - size - MARGIN, size);
  out.length = 1;
  return out;
}
