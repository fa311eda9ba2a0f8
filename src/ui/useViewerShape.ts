import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/**
 * How the viewer arranges itself for its own box (not the page's: an embed can be small on a large screen):
 * - `stacked`: the 3D view on top, the caption and the controls under it (phones held upright, most embeds);
 * - `side`: short and wide (a phone on its side, a laptop at 200 % zoom): the caption and the controls in a column
 *   beside the 3D view, so both stay in view while the 3D view keeps its height;
 * - `wide`: room for the clinician's readouts and an open patient section in columns beside the 3D view.
 * `compact` folds the secondary controls (language, link, speed, view toggles) into a menu; `text` scales the
 * type with the viewer (a wall screen reads from across the room).
 */
export interface ViewerShape {
  layout: 'stacked' | 'side' | 'wide';
  compact: boolean;
  text: 's' | 'm' | 'l' | 'xl';
}

/** Below this height the stacked layout would leave the 3D view a strip: caption and controls move beside it. */
const SHORT_PX = 480;
/**
 * A viewer whose height follows its content could flip between the two layouts (each is a different height):
 * it leaves the side layout only when clearly taller.
 */
const LEAVE_SIDE_PX = 560;
/** The side column needs this much width beside a usable 3D view. */
const SIDE_MIN_WIDTH_PX = 560;
const WIDE_PX = 900;
const COMPACT_PX = 640;

/** The shape for a box of this size; `previous` gives the side layout its hysteresis. */
export function viewerShape(width: number, height: number, previous?: ViewerShape): ViewerShape {
  const shortLimit = previous?.layout === 'side' ? LEAVE_SIDE_PX : SHORT_PX;
  const side = height < shortLimit && width >= SIDE_MIN_WIDTH_PX && width >= height * 1.25;
  const layout = side ? 'side' : width >= WIDE_PX ? 'wide' : 'stacked';
  const compact = side || width < COMPACT_PX;
  const text = compact
    ? 's'
    : width >= 1600 && height >= 800
      ? 'xl'
      : width >= 1200 && height >= 640
        ? 'l'
        : 'm';
  return { layout, compact, text };
}

const INITIAL: ViewerShape = { layout: 'stacked', compact: false, text: 'm' };

function sameShape(a: ViewerShape, b: ViewerShape): boolean {
  return a.layout === b.layout && a.compact === b.compact && a.text === b.text;
}

/** A root this much wider than where the top bar last overflowed tries the roomier bar again. */
const UNFOLD_MARGIN_PX = 32;

/** How the top bar is made to fit: its buttons as icons first (`tight`), then the secondary controls folded. */
interface Crowding {
  level: 1 | 2;
  /** Undone when the root grows wider than this. */
  below: number;
}

/** A box's size in CSS pixels. */
export interface BoxSize {
  width: number;
  height: number;
}

/**
 * The shape of the element `ref` points at, updated when it is resized (never per frame). `initial` is the box the
 * viewer mounts into, measured just before: the first render already has its shape, instead of a second render
 * and layout of the whole viewer once the element has been measured. `barRef` is the top bar:
 * when its items do not fit in its row (a long language, the clinician's buttons beside a narrow stage), its
 * buttons first drop their words (`tight`), then the viewer folds its secondary controls as a small one does. Each
 * step holds until the viewer is clearly wider than where the bar overflowed (so it never flips at one size).
 */
export function useViewerShape(
  ref: RefObject<HTMLElement | null>,
  barRef: RefObject<HTMLElement | null>,
  initial?: BoxSize,
): ViewerShape & { tight: boolean } {
  const [shape, setShape] = useState<ViewerShape>(() =>
    initial && initial.width > 0 ? viewerShape(initial.width, initial.height) : INITIAL,
  );
  const [crowding, setCrowding] = useState<Crowding | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      setShape((previous) => {
        const next = viewerShape(el.clientWidth, el.clientHeight, previous);
        return sameShape(previous, next) ? previous : next;
      });
      setCrowding((c) => (c !== null && el.clientWidth > c.below ? null : c));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  // After every render (a language or an audience changes the bar's items too): does the bar still fit? It sets
  // state at most twice before the viewer is resized (one step per level), so running on every render cannot loop.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const bar = barRef.current;
    const el = ref.current;
    if (!bar || !el || crowding?.level === 2 || bar.scrollWidth <= bar.clientWidth + 1) return;
    setCrowding({ level: crowding ? 2 : 1, below: el.clientWidth + UNFOLD_MARGIN_PX });
  });
  const tight = crowding !== null;
  return crowding?.level === 2 && !shape.compact ? { ...shape, compact: true, tight } : { ...shape, tight };
}
