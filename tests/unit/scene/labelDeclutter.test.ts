import { Object3D, OrthographicCamera } from 'three';
import { describe, expect, it } from 'vitest';
import {
  LabelDeclutter,
  attachLabel,
  newLabel,
  tagAnchorX,
  type DeclutteredLabel,
} from '../../../src/scene/labelDeclutter';

const WIDTH = 400;
const HEIGHT = 400;

/** A camera that maps x, y ∈ [−200, 200] onto the 400 × 400 px canvas, pixel for unit (y up). */
function camera(): OrthographicCamera {
  const c = new OrthographicCamera(-200, 200, 200, -200, 0.1, 100);
  c.position.set(0, 0, 10);
  c.updateMatrixWorld();
  return c;
}

/** A label of a given size (px) whose anchor sits at canvas pixel (x, y). */
function label(
  x: number,
  y: number,
  size: [number, number],
  extra: Partial<DeclutteredLabel> & { priority?: number } = {},
): DeclutteredLabel {
  const anchor = new Object3D();
  anchor.position.set(x - 200, 200 - y, 0);
  anchor.updateMatrixWorld();
  const element = { offsetWidth: size[0], offsetHeight: size[1], style: {} } as unknown as HTMLElement;
  return { ...newLabel(extra.priority ?? 3), ...extra, anchor, element };
}

function place(labels: DeclutteredLabel[]): void {
  const declutter = new LabelDeclutter();
  declutter.add(labels);
  declutter.update(1, camera(), WIDTH, HEIGHT, '3d', 'none');
}

describe('label declutter', () => {
  it('hides the less important of two overlapping labels', () => {
    const first = label(200, 200, [40, 20], { priority: 0 });
    const second = label(210, 205, [40, 20], { priority: 3 });
    place([second, first]);
    expect(first.shown).toBe(true);
    expect(second.shown).toBe(false);
    expect(second.element!.style.visibility).toBe('hidden');
  });

  it('a label given an element an earlier, hidden label left behind shows it when it fits', () => {
    // The language changed: a new set of labels takes over the elements React kept.
    const first = label(200, 200, [40, 20], { priority: 0 });
    const second = label(210, 205, [40, 20], { priority: 3 });
    place([second, first]);
    expect(second.element!.style.visibility).toBe('hidden');
    const again = { ...newLabel(3), anchor: second.anchor };
    attachLabel(again, second.element);
    place([again]);
    expect(again.shown).toBe(true);
    expect(again.element!.style.visibility).toBe('');
  });

  it('places a legend tag first, left of its anchor and above or below it, and never hides it', () => {
    const tag = label(300, 200, [100, 20], { priority: -1, tag: 'above', width: 100, height: 20 });
    place([tag]);
    // Right edge 6 px left of the anchor, bottom 3 px above it (labels.css).
    expect(tag.x + tag.width / 2).toBe(294);
    expect(tag.y + tag.height / 2).toBe(197);
    expect(tag.element!.style.visibility).toBeUndefined();
  });

  it('hangs a tag that would be cut off by the left edge farther right', () => {
    expect(tagAnchorX(30, 100)).toBe(110);
    expect(tagAnchorX(300, 100)).toBe(300);
  });

  it('a label that may shift moves right of the tag in its way; others hide', () => {
    const tag = label(150, 200, [100, 20], { priority: -1, tag: 'below', width: 100, height: 20 });
    // Centred on the tag (x 44–144, y 203–223).
    const treated = label(110, 213, [40, 20], { priority: 0, mayShift: true });
    const other = label(100, 213, [40, 20], { priority: 3 });
    place([other, treated, tag]);
    expect(treated.shown).toBe(true);
    expect(treated.x - treated.width / 2).toBeGreaterThanOrEqual(144 + 2);
    expect(treated.element!.style.transform).toBe(`translateX(${treated.shift}px)`);
    expect(other.shown).toBe(false);
  });

  it('a shifted label moves back when its place is free again', () => {
    const tag = label(150, 200, [100, 20], { priority: -1, tag: 'below', width: 100, height: 20 });
    const treated = label(110, 213, [40, 20], { priority: 0, mayShift: true });
    const declutter = new LabelDeclutter();
    declutter.add([tag, treated]);
    declutter.update(1, camera(), WIDTH, HEIGHT, '3d', 'none');
    expect(treated.shift).toBeGreaterThan(0);
    tag.wanted = false;
    declutter.update(2, camera(), WIDTH, HEIGHT, '3d', 'none');
    expect(treated.shift).toBe(0);
    expect(treated.element!.style.transform).toBe('');
  });
});
