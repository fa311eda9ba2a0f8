import { BufferAttribute, BufferGeometry, Matrix4, Vector2, Vector4 } from 'three';
import { describe, expect, it } from 'vitest';
import { ContextPartCut } from '../../../src/scene/contextPartCut';
import {
  createFocusUniform,
  FOCUS_PART_BASE,
  FOCUS_PARTS,
  FOCUS_SECTION_RADII,
  setFocusSection,
} from '../../../src/scene/focusGlsl';

/** Straight "ribs" along X, 40 points each, at the given Z (the camera looks down −Z from z = 200). */
function ribs(zs: readonly number[]): BufferGeometry {
  const points: number[] = [];
  for (const z of zs) for (let i = 0; i < 40; i++) points.push(-20 + i, 0, z);
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(points), 3));
  return geometry;
}

const ranges = (n: number) =>
  Array.from({ length: n }, (_, p) => ({ name: `rib${p}`, start: 40 * p, count: 40 }));
const camera = new Matrix4().makeTranslation(0, 0, 200);
const focus = new Vector4(0, 0, 0, 10);
/** The normal reach (FOCUS_FRONT_RADII, FOCUS_NEAR_RADII). */
const reach = createFocusUniform().reach.value;

describe('ContextPartCut: whole context bones left out where the focus cut would reach them', () => {
  it('tags each vertex with its part (offset so that 0 names none)', () => {
    const geometry = ribs([0, 50]);
    new ContextPartCut(geometry, ranges(2));
    const tags = geometry.getAttribute('focusPart');
    expect(tags.getX(0)).toBe(FOCUS_PART_BASE);
    expect(tags.getX(39)).toBe(FOCUS_PART_BASE);
    expect(tags.getX(40)).toBe(FOCUS_PART_BASE + 1);
  });

  it('hides a bone crossing the view cone in front of the focus, keeps one behind it and one beside', () => {
    // Focus 200 mm away, radius 10: for context bones the cone reaches 8 mm (0.8 radii) before it, and 19 mm
    // before it anything is left out. Rib 0 crosses the line of sight 15 mm in front of the focus (in the cone);
    // rib 1 lies behind the focus; rib 2 is as far in front as rib 0 but 300 mm to the side, outside the cone.
    const geometry = ribs([15, -30, 15]);
    const aside = geometry.getAttribute('position') as BufferAttribute;
    for (let i = 80; i < 120; i++) aside.setY(i, 300);
    const cut = new ContextPartCut(geometry, ranges(3));
    const hidden = new Float32Array(FOCUS_PARTS);
    cut.update(hidden, new Matrix4(), camera, focus, reach);
    expect([...hidden.slice(0, 3)]).toEqual([1, 0, 0]);
  });

  it('hides what stands well in front anywhere in view (the near cut), and nothing without a focus', () => {
    // 2.5 radii (25 mm) before the focus and nearer: rib at z = 180 is 180 mm in front, far off the axis.
    const geometry = ribs([180]);
    (geometry.getAttribute('position') as BufferAttribute).setY(5, 150);
    const cut = new ContextPartCut(geometry, ranges(1));
    const hidden = new Float32Array(FOCUS_PARTS);
    cut.update(hidden, new Matrix4().makeTranslation(0, 400, 0), camera, focus, reach);
    expect(hidden[0]).toBe(1);
    cut.update(hidden, new Matrix4(), camera, new Vector4(0, 0, 0, 0), reach);
    expect(hidden[0]).toBe(0);
  });

  it('goes at a lower bar than the per-pixel cut: overlapping the focus 0.8 radii in front, or 1.9 radii anywhere', () => {
    // Focus radius 10. Rib 0 crosses the line of sight 12 mm in front (inside the cone, short of the shader's
    // 16 mm); rib 1 is as far in front but 300 mm aside; rib 2 is 300 mm aside and 20 mm in front; rib 3 crosses
    // the line of sight only 5 mm in front (a near flank of the subject, kept).
    const geometry = ribs([12, 12, 20, 5]);
    const position = geometry.getAttribute('position') as BufferAttribute;
    for (let i = 40; i < 120; i++) position.setY(i, 300);
    const cut = new ContextPartCut(geometry, ranges(4));
    const hidden = new Float32Array(FOCUS_PARTS);
    cut.update(hidden, new Matrix4(), camera, focus, reach);
    expect([...hidden.slice(0, 4)]).toEqual([1, 0, 1, 0]);
  });

  it('at a section (access), a bone reaching anywhere in front of the focus plane goes; one behind it stays', () => {
    const section = createFocusUniform();
    setFocusSection(section, 1);
    expect(section.reach.value.toArray()).toEqual([FOCUS_SECTION_RADII, FOCUS_SECTION_RADII]);
    // Rib 0 is 300 mm aside and only 5 mm in front (kept by the normal cut); rib 1 lies 10 mm behind the focus,
    // beyond the section's 3 mm (0.3 radii) past the focus plane.
    const geometry = ribs([5, -10]);
    const position = geometry.getAttribute('position') as BufferAttribute;
    for (let i = 0; i < 40; i++) position.setY(i, 300);
    const cut = new ContextPartCut(geometry, ranges(2));
    const hidden = new Float32Array(FOCUS_PARTS);
    cut.update(hidden, new Matrix4(), camera, focus, reach);
    expect([...hidden.slice(0, 2)]).toEqual([0, 0]);
    cut.update(hidden, new Matrix4(), camera, focus, section.reach.value);
    expect([...hidden.slice(0, 2)]).toEqual([1, 0]);
    // Half way in, half way between.
    setFocusSection(section, 0.5);
    expect(section.reach.value.x).toBeCloseTo((reach.x + FOCUS_SECTION_RADII) / 2, 9);
    expect(section.reach.value).not.toBe(reach);
    expect(new Vector2().copy(reach).toArray()).toEqual(createFocusUniform().reach.value.toArray());
  });
});
