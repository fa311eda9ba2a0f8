import { describe, expect, it } from 'vitest';
import { accessPlan } from '../../../src/procedure/accessPath';
import { syringeAdvance } from '../../../src/scene/NumbingSyringe';

describe('syringeAdvance: the numbing syringe goes in along the track its needle will take, visibly at an angle', () => {
  for (const level of ['T8', 'L1', 'L4'] as const) {
    for (const approach of ['bipedicular', 'unipedicular'] as const) {
      it(`${level} ${approach}: towards the spine like its needle, at 45–65° to the back`, () => {
        for (const needle of accessPlan(level, approach).needles) {
          const d = syringeAdvance(needle);
          expect(Math.hypot(...d)).toBeCloseTo(1, 9);
          // Medially as the needle runs (lateral entry, towards the midline), and in the same craniocaudal sense.
          expect(Math.sign(d[0])).toBe(Math.sign(needle.direction[0]));
          expect(Math.sign(d[1])).toBe(Math.sign(needle.direction[1]));
          // Into the body (+Z anterior), steeper than 45° to the skin but not end-on to a camera above the back.
          const toSkinDeg = (Math.asin(d[2]) * 180) / Math.PI;
          expect(toSkinDeg).toBeGreaterThan(45);
          expect(toSkinDeg).toBeLessThan(65);
        }
      });
    }
  }
});
