import { describe, expect, it } from 'vitest';
import { balloonSection, FOLDED_RADIUS_MM } from '../../../src/scene/balloonShape';

const volumeOf = (s: { craniocaudal: number; across: number }, length: number) =>
  (4 / 3) * Math.PI * s.craniocaudal * s.across * (length / 2);

describe('balloon tamp section', () => {
  it('holds the given volume while it reaches for the endplates', () => {
    const out = { craniocaudal: 0, across: 0 };
    for (const ml of [0.5, 1, 2, 3]) {
      balloonSection(ml * 1000, 20, 24, out);
      expect(volumeOf(out, 20)).toBeCloseTo(ml * 1000, 6);
      expect(out.craniocaudal).toBeGreaterThanOrEqual(out.across * 0.99);
    }
  });

  it('never passes the endplates: flattens against them and widens instead', () => {
    const out = balloonSection(3000, 18, 18, { craniocaudal: 0, across: 0 });
    expect(out.craniocaudal).toBeLessThanOrEqual(18 / 2 - 1 + 1e-9);
    expect(out.across).toBeGreaterThan(out.craniocaudal);
    expect(volumeOf(out, 18)).toBeCloseTo(3000, 6);
  });

  it('is folded on its catheter when empty', () => {
    const out = balloonSection(0, 18, 24, { craniocaudal: 0, across: 0 });
    expect(out.craniocaudal).toBeGreaterThanOrEqual(FOLDED_RADIUS_MM);
    expect(out.across).toBeLessThan(2);
  });
});
