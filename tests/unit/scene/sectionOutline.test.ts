import { SphereGeometry, Vector3, Vector4 } from 'three';
import { describe, expect, it } from 'vitest';
import { createProcedureState } from '../../../src/procedure';
import { stepMoments } from '../support/stepMoments';
import { normalOutlineShown, resultOutlineShown } from '../../../src/scene/NormalShapeOutline';
import { sectionOutline } from '../../../src/scene/sectionOutline';

describe('sectionOutline: where a surface crosses a plane, as a ribbon on the plane', () => {
  const sphere = new SphereGeometry(10, 48, 32).translate(2, -3, 5);
  const centre = new Vector3(2, -3, 5);
  // An upright oblique plane through the sphere's centre, kept side towards -x (as the cutaway's).
  const n = new Vector3(-0.9, 0, -0.4).normalize();
  const plane = new Vector4(n.x, n.y, n.z, -n.dot(centre));

  it('traces the great circle: every ribbon corner is one radius from the centre, lifted off the plane', () => {
    const ribbon = sectionOutline(sphere, plane, 0.7, 0.25);
    const position = ribbon.getAttribute('position');
    // A 48 × 32 sphere cut through its centre crosses well over a hundred triangles.
    expect(position.count / 6).toBeGreaterThan(100);
    const p = new Vector3();
    for (let i = 0; i < position.count; i++) {
      p.fromBufferAttribute(position, i);
      // The lift is towards the removed side (against the kept normal).
      expect(n.dot(p) + plane.w).toBeCloseTo(-0.25, 6);
      // On the circle, give or take the ribbon's half width and the facets' chords.
      expect(Math.abs(p.distanceTo(centre) - 10)).toBeLessThan(0.7);
    }
  });

  it('gives an empty outline where the plane misses the surface', () => {
    const away = new Vector4(plane.x, plane.y, plane.z, plane.w + 50);
    expect(sectionOutline(sphere, away, 0.7, 0.25).getAttribute('position').count).toBe(0);
  });
});

describe('normalOutlineShown: the outline shows while a balloon, then its empty hollow, is in the opened body', () => {
  it('is nothing before the balloon fills, full once it holds half a millilitre, nothing with the cutaway off', () => {
    const s = createProcedureState();
    s.insideView = 1;
    expect(normalOutlineShown(s, true)).toBe(0);
    s.balloonVolumeMl = 0.25;
    expect(normalOutlineShown(s, true)).toBeCloseTo(0.5, 9);
    s.balloonVolumeMl = 2.5;
    expect(normalOutlineShown(s, true)).toBe(1);
    expect(normalOutlineShown(s, false)).toBe(0);
    s.insideView = 0;
    expect(normalOutlineShown(s, true)).toBe(0);
  });

  it('stays while the emptied balloon’s hollow stands empty, and fades as the first half millilitre of cement goes in', () => {
    const s = createProcedureState();
    s.insideView = 1;
    s.cavityVolumeMl = 3;
    expect(normalOutlineShown(s, true)).toBe(1);
    s.cementVolumeMl = 0.25;
    expect(normalOutlineShown(s, true)).toBeCloseTo(0.5, 9);
    s.cementVolumeMl = 1;
    expect(normalOutlineShown(s, true)).toBe(0);
    expect(normalOutlineShown({ ...s, cementVolumeMl: 0 }, false)).toBe(0);
  });

  it('shows at the balloon inflation and removal of kyphoplasty (their pictures), at no step of vertebroplasty', () => {
    for (const { procedure, step, state } of stepMoments(0.7)) {
      const lined =
        procedure === 'kyphoplasty' && ['balloon-inflation', 'balloon-removal'].includes(step.definition.id);
      expect(normalOutlineShown(state, true), `${procedure} ${step.definition.id}`).toBe(lined ? 1 : 0);
    }
  });
});

describe('resultOutlineShown: the endplate lines inside the whole body once kyphoplasty is done', () => {
  it('shows at the kyphoplasty result (its picture), at no other step and never in vertebroplasty', () => {
    for (const { procedure, step, state } of stepMoments(0.7)) {
      const result = procedure === 'kyphoplasty' && step.definition.id === 'result';
      // Access is see-through too (the needles in the pedicles), but nothing has been lifted yet.
      expect(resultOutlineShown(state), `${procedure} ${step.definition.id}`).toBe(result ? 1 : 0);
    }
  });
});
