import { BoxGeometry, SphereGeometry } from 'three';
import { describe, expect, it } from 'vitest';
import { CUT_CORTEX_MM, insetAlongNormals } from '../../../src/scene/corticalInset';

describe('insetAlongNormals', () => {
  it('moves every vertex of a sphere inwards by the depth', () => {
    const sphere = new SphereGeometry(10, 24, 16);
    const inset = insetAlongNormals(sphere, CUT_CORTEX_MM);
    const p = inset.getAttribute('position');
    for (let i = 0; i < p.count; i++) {
      const r = Math.hypot(p.getX(i), p.getY(i), p.getZ(i));
      expect(r, `vertex ${i}: expected radius ${10 - CUT_CORTEX_MM}, got ${r}`).toBeCloseTo(
        10 - CUT_CORTEX_MM,
        4,
      );
    }
  });

  it('keeps the triangles and leaves the source untouched', () => {
    const sphere = new SphereGeometry(10, 12, 8);
    const before = Array.from(sphere.getAttribute('position').array);
    const inset = insetAlongNormals(sphere, 1);
    expect(Array.from(inset.getIndex()!.array)).toEqual(Array.from(sphere.getIndex()!.array));
    expect(inset.getAttribute('position').count).toBe(sphere.getAttribute('position').count);
    expect(Array.from(sphere.getAttribute('position').array)).toEqual(before);
    expect(inset.getAttribute('color')).toBeUndefined();
  });

  it('keeps outward normals (front faces still face out)', () => {
    const inset = insetAlongNormals(new BoxGeometry(4, 4, 4), 0.5);
    const p = inset.getAttribute('position');
    const n = inset.getAttribute('normal');
    for (let i = 0; i < p.count; i++) {
      expect(p.getX(i) * n.getX(i) + p.getY(i) * n.getY(i) + p.getZ(i) * n.getZ(i)).toBeGreaterThan(0);
    }
  });

  it('needs normals', () => {
    const bare = new SphereGeometry(1);
    bare.deleteAttribute('normal');
    expect(() => insetAlongNormals(bare, 1)).toThrow(/normal/);
  });

  it('keeps the drawn cortex thin next to the body (under 1 mm)', () => {
    expect(CUT_CORTEX_MM).toBeGreaterThan(0.3);
    expect(CUT_CORTEX_MM).toBeLessThan(1);
  });
});
