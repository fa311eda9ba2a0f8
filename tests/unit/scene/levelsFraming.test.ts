import { describe, expect, it } from 'vitest';
import { subjectSphere, type SubjectSphere } from '../../../src/scene/cameraPoses';
import { encloseSphere, includeOtherLevels, otherLevelOffsets } from '../../../src/scene/levelsFraming';

const sphere = (): SubjectSphere => ({ centre: [0, 0, 0], radius: 1 });
const holds = (s: SubjectSphere, c: readonly number[], r: number) =>
  Math.hypot(c[0]! - s.centre[0], c[1]! - s.centre[1], c[2]! - s.centre[2]) + r <= s.radius + 1e-9;

describe('framing several treated levels', () => {
  it('places the other levels along the spine: a level above is cranial (+z), one below caudal', () => {
    const [t12] = otherLevelOffsets('L1', ['T12', 'L1']).map((o) => o.offset);
    expect(t12![2]).toBeGreaterThan(25);
    expect(t12![2]).toBeLessThan(45);
    expect(Math.abs(t12![0])).toBeLessThan(1e-9);
    const [l2] = otherLevelOffsets('T8', ['T8', 'L2']).map((o) => o.offset);
    expect(l2![2]).toBeLessThan(-100);
    expect(otherLevelOffsets('L1', ['L1'])).toEqual([]);
  });

  it('encloses two spheres in the smallest sphere holding both', () => {
    const s = sphere();
    encloseSphere(s, [10, 0, 0], 2);
    expect(s.radius).toBeCloseTo(6.5, 9);
    expect(holds(s, [0, 0, 0], 1)).toBe(true);
    expect(holds(s, [10, 0, 0], 2)).toBe(true);
    const inside = { centre: [0, 0, 0], radius: 10 } as SubjectSphere;
    encloseSphere(inside, [1, 0, 0], 2);
    expect(inside.radius).toBe(10);
    const around = sphere();
    encloseSphere(around, [0, 1, 0], 5);
    expect(around).toEqual({ centre: [0, 1, 0], radius: 5 });
  });

  it('the overview and the result take in every treated vertebra; a per-level subject stays on its level', () => {
    const others = otherLevelOffsets('T8', ['T8', 'L2']);
    const scratch = sphere();
    for (const subject of ['spine', 'vertebra'] as const) {
      const s = subjectSphere(subject, 'T8', sphere());
      const own = { centre: [...s.centre], radius: s.radius };
      includeOtherLevels(s, subject, others, scratch);
      expect(holds(s, own.centre, own.radius)).toBe(true);
      const l2 = subjectSphere(subject, 'L2', sphere());
      const at = l2.centre.map((v, a) => v + others[0]!.offset[a]!);
      expect(holds(s, at, l2.radius), subject).toBe(true);
    }
    const inside = subjectSphere('body-interior', 'T8', sphere());
    const before = JSON.stringify(inside);
    includeOtherLevels(inside, 'body-interior', others, scratch);
    expect(JSON.stringify(inside)).toBe(before);
  });
});
