import { Vector3, type Camera, type Object3D } from 'three';
import { layoutFluoro, type FluoroPanel } from '../fluoro/fluoroLayout';
import type { ViewMode } from '../options/optionValues';
import type { FluoroView } from '../procedure/types';
import { TOP_BAR_PX } from './shotFraming';

/** Space kept between two labels on screen (CSS pixels). */
const LABEL_GAP_PX = 2;

/** A legend tag's gaps (px, as in labels.css): from the canvas's left edge, left of its anchor, above or below it. */
const TAG_EDGE_PX = 4;
const TAG_GAP_X_PX = 6;
const TAG_OFFSET_Y_PX = 3;

/**
 * Where a legend tag drawn to the left of its anchor is hung (px from the canvas's left edge): at its anchor, or
 * farther right where the tag would be cut off. On a phone the body's front lies near the left edge, and the tag
 * moves in over the bone.
 */
export const tagAnchorX = (anchorX: number, tagWidth: number): number =>
  Math.max(anchorX, tagWidth + TAG_GAP_X_PX + TAG_EDGE_PX);

/** One label on screen: its element, the point it names, and how much it matters (lower shows first). */
export interface DeclutteredLabel {
  element: HTMLElement | null;
  anchor: Object3D | null;
  priority: number;
  /** Whether its owner wants it shown this frame (an instrument label only while the instrument is there). */
  wanted: boolean;
  /** Measured once it has a size: the text never changes while the label is mounted. */
  width: number;
  height: number;
  x: number;
  y: number;
  shown: boolean;
  /**
   * A legend tag (OutlineTags): drawn beside its anchor, to the left of it and above or below, not centred on it;
   * shown whenever its owner wants it (the owner shows and hides it), and placed before every other label, which
   * keeps clear of it.
   */
  tag?: 'above' | 'below';
  /**
   * May move right, clear of the one label in its way, when its own place is taken (the treated level's name, which
   * a phone must keep: the lines' tags lie across the treated body's front). `shift` is the move shown (px).
   */
  mayShift?: boolean;
  shift: number;
}

export const newLabel = (priority: number): DeclutteredLabel => ({
  element: null,
  anchor: null,
  priority,
  wanted: true,
  width: 0,
  height: 0,
  x: 0,
  y: 0,
  shown: true,
  shift: 0,
});

/**
 * Give a label its element (a ref callback's; null when it goes). The element may have served an earlier label
 * (a new set is made when the language changes, and React keeps the element), which left its own visibility and
 * shift on it: they are made this label's, or the declutter, writing only changes, would never show it again.
 */
export function attachLabel(label: DeclutteredLabel, element: HTMLElement | null): void {
  label.element = element;
  if (!element) return;
  element.style.visibility = label.shown ? '' : 'hidden';
  element.style.transform = label.shift ? `translateX(${label.shift}px)` : '';
}

/**
 * Keeps labels from piling up on small screens: each frame, labels are placed in priority order at their
 * projected position, and one that would overlap a label already placed, the X-ray image or the top bar is
 * hidden until there is room (a phone shows the treated level and a few neighbours; a wall screen shows them
 * all). Nothing is allocated per frame; a label's size is measured once.
 */
export class LabelDeclutter {
  private readonly labels: DeclutteredLabel[] = [];
  private readonly placed: DeclutteredLabel[] = [];
  private readonly point = new Vector3();
  private readonly panels: FluoroPanel[] = [];
  private token = NaN;

  add(labels: readonly DeclutteredLabel[]): void {
    this.labels.push(...labels);
    this.labels.sort((a, b) => a.priority - b.priority);
  }

  remove(labels: readonly DeclutteredLabel[]): void {
    for (const label of labels) {
      const i = this.labels.indexOf(label);
      if (i >= 0) this.labels.splice(i, 1);
    }
  }

  /**
   * Place every label once per frame (`token` tells frames apart: several owners call this each frame), clear of
   * the X-ray panels the stage shows for this view and step (the same layout the panels are drawn with).
   * Returns true when a label could not be measured yet (not laid out): it stays hidden, and wants another frame.
   */
  update(
    token: number,
    camera: Camera,
    width: number,
    height: number,
    view: ViewMode,
    fluoro: FluoroView,
  ): boolean {
    if (token === this.token) return false;
    this.token = token;
    layoutFluoro(width, height, view, fluoro, this.panels);
    let count = 0;
    let unmeasured = false;
    for (const label of this.labels) {
      if (label.tag) {
        if (this.placeTag(label, camera, width, height, view)) this.placed[count++] = label;
        continue;
      }
      let show = false;
      const element = label.element;
      // The X-ray views draw no 3D scene: nothing there for a label to name.
      if (element && label.anchor && label.wanted && view === '3d') {
        if (label.width === 0) {
          label.width = element.offsetWidth;
          label.height = element.offsetHeight;
        }
        if (label.width === 0) unmeasured = true;
        const p = label.anchor.getWorldPosition(this.point).project(camera);
        label.x = ((p.x + 1) / 2) * width;
        label.y = ((1 - p.y) / 2) * height;
        let shift = 0;
        show = label.width > 0 && p.z < 1 && this.fits(label, width, height, count);
        const inTheWay =
          !show && label.mayShift && label.width > 0 && p.z < 1 && this.overlapping(label, count);
        if (inTheWay) {
          shift = Math.ceil(inTheWay.x + (inTheWay.width + label.width) / 2 + LABEL_GAP_PX - label.x);
          label.x += shift;
          show = this.fits(label, width, height, count);
        }
        if (show && shift !== label.shift) {
          label.shift = shift;
          element.style.transform = shift ? `translateX(${shift}px)` : '';
        }
        if (show) this.placed[count++] = label;
      }
      if (element && show !== label.shown) {
        label.shown = show;
        element.style.visibility = show ? '' : 'hidden';
      }
    }
    return unmeasured;
  }

  /** Where a legend tag is (its centre, from its anchor as OutlineTags places it); false when it is not shown. */
  private placeTag(
    label: DeclutteredLabel,
    camera: Camera,
    width: number,
    height: number,
    view: ViewMode,
  ): boolean {
    if (!label.element || !label.anchor || !label.wanted || label.width === 0 || view !== '3d') return false;
    const p = label.anchor.getWorldPosition(this.point).project(camera);
    label.x = tagAnchorX(((p.x + 1) / 2) * width, label.width) - TAG_GAP_X_PX - label.width / 2;
    const y = ((1 - p.y) / 2) * height;
    label.y =
      label.tag === 'above' ? y - TAG_OFFSET_Y_PX - label.height / 2 : y + TAG_OFFSET_Y_PX + label.height / 2;
    return true;
  }

  /** Whether a label fits where it is: whole on the canvas below the top bar, clear of panels and placed labels. */
  private fits(label: DeclutteredLabel, width: number, height: number, count: number): boolean {
    return (
      // A label cut by an edge names nothing clearly.
      label.y - label.height / 2 >= TOP_BAR_PX &&
      label.y + label.height / 2 <= height &&
      label.x - label.width / 2 >= 0 &&
      label.x + label.width / 2 <= width &&
      !this.overlapsPanel(label) &&
      !this.overlapping(label, count)
    );
  }

  private overlapsPanel(label: DeclutteredLabel): boolean {
    for (const panel of this.panels) {
      if (
        label.x + label.width / 2 > panel.x &&
        label.x - label.width / 2 < panel.x + panel.size &&
        label.y + label.height / 2 > panel.y &&
        label.y - label.height / 2 < panel.y + panel.size
      )
        return true;
    }
    return false;
  }

  /** The first placed label this one would overlap, if any. */
  private overlapping(label: DeclutteredLabel, count: number): DeclutteredLabel | undefined {
    for (let i = 0; i < count; i++) {
      const other = this.placed[i]!;
      if (
        Math.abs(label.x - other.x) < (label.width + other.width) / 2 + LABEL_GAP_PX &&
        Math.abs(label.y - other.y) < (label.height + other.height) / 2 + LABEL_GAP_PX
      )
        return other;
    }
    return undefined;
  }
}

const declutters = new WeakMap<object, LabelDeclutter>();

/** The one declutter of a scene (every label component of one canvas shares it; viewers share nothing). */
export function declutterFor(scene: object): LabelDeclutter {
  let declutter = declutters.get(scene);
  if (!declutter) declutters.set(scene, (declutter = new LabelDeclutter()));
  return declutter;
}

/**
 * Style for drei's Html around a label or tag: its own box, at the anchor, takes pointer events (drei passes them
 * through only in its transform mode), so an invisible box beside every tag caught the taps, clicks and drags meant
 * for the canvas under it (a tap on the overview's middle on a phone started nothing).
 */
export const PASS_THROUGH = { pointerEvents: 'none' } as const;
