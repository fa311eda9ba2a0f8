import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import { vertebraLandmarks } from '../../../src/anatomy/vertebraLandmarks';
import { TROCAR_LENGTH_MM, accessPlan } from '../../../src/procedure/accessPath';

describe('needles on a true AP (beam along the patient’s front–back axis)', () => {
  it('every shaft projects as a line running cranial-lateral to its hub, never end-on', () => {
    for (const level of LEVEL_IDS) {
      for (const needle of accessPlan(level, 'bipedicular').needles) {
        const [dx, dy] = needle.direction;
        // Frame: x to the patient's left, y cranial, z anterior; the AP image keeps x and y.
        const projected = TROCAR_LENGTH_MM * Math.hypot(dx, dy);
        expect(projected, `${level} ${needle.side}: projected shaft length`).toBeGreaterThan(18);
        expect(dy, `${level}: the hub lies cranial of the tip`).toBeLessThan(0);
        if (dx !== 0) expect(Math.sign(dx), `${level}: converging`).toBe(-Math.sign(needle.entry[0]));
      }
    }
  });

  it('the caudal tilt keeps the track inside the pedicle’s height (entry at its cranial aspect)', () => {
    for (const level of LEVEL_IDS) {
      const marks = vertebraLandmarks(level);
      for (const needle of accessPlan(level, 'bipedicular').needles) {
        const pedicle = needle.side === 'left' ? marks.pedicleLeft : marks.pedicleRight;
        const rise = needle.entry[1] - pedicle.center[1];
        expect(rise, `${level}: entry above the pedicle's centre`).toBeGreaterThan(0);
        expect(rise + needle.outerDiameterMm / 2, `${level}: inside the pedicle`).toBeLessThan(
          pedicle.heightMm / 2,
        );
      }
    }
  });
});
