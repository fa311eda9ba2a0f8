import { Vector3, type Camera, type Object3D } from 'three';
import { layoutFluoro, type FluoroPanel } from '../fluoro/fluoroLayout';
import type { ViewMode } from '../options/optionValues';
import type { FluoroView } from '../procedure/types';
import { TOP_BAR_PX } from './shotFraming';

/** Space kept between two labels on screen (CSS pixels). */
const LABEL_GAP_PX = 2;

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
});

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
        show =
          label.width > 0 &&
          p.z < 1 &&
          // Whole on the canvas, below the top bar: a label cut by an edge names nothing clearly.
          label.y - label.height / 2 >= TOP_BAR_PX &&
          label.y + label.height / 2 <= height &&
          label.x - label.width / 2 >= 0 &&
          label.x + label.width / 2 <= width &&
          !this.overlapsPanel(label) &&
          !this.overlapsPlaced(label, count);
        if (show) this.placed[count++] = label;
      }
      if (element && show !== label.shown) {
        label.shown = show;
        element.style.visibility = show ? '' : 'hidden';
      }
    }
    return unmeasured;
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

  private overlapsPlaced(label: DeclutteredLabel, count: number): boolean {
    for (let i = 0; i < count; i++) {
      const other = this.placed[i]!;
      if (
        Math.abs(label.x - other.x) < (label.width + other.width) / 2 + LABEL_GAP_PX &&
        Math.abs(label.y - other.y) < (label.height + other.height) / 2 + LABEL_GAP_PX
      )
        return true;
    }
    return false;
  }
}

const declutters = new WeakMap<object, LabelDeclutter>();

/** The one declutter of a scene (every label component of one canvas shares it; viewers share nothing). */
export function declutterFor(scene: object): LabelDeclutter {
  let declutter = declutters.get(scene);
  if (!declutter) declutters.set(scene, (declutter = new LabelDeclutter()));
  return declutter;
}
