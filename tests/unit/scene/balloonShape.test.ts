import { describe, expect, it } from 'vitest';
import {
  bodyHalfExtent,
  bodyHeightScale,
  deformedY,
  heightScalesFor,
} from '../../../src/anatomy/fractureField';
import { accessPlan, tipAt } from '../../../src/procedure/accessPath';
import { fractureProfile } from '../../../src/procedure/fracture';
import type { ProcedureState } from '../../../src/procedure/procedureState';
import {
  balloonBodyHeightMm,
  balloonCentreMm,
  balloonRiseMm,
  balloonSection,
  FOLDED_RADIUS_MM,
} from '../../../src/scene/balloonShape';
import { L1_WEDGE, stepMoments } from '../support/stepMoments';

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

describe('where the balloons open in a wedge', () => {
  const profile = fractureProfile(L1_WEDGE);
  const plan = accessPlan(L1_WEDGE.level, L1_WEDGE.approach);
  const length = plan.targetDepthMm - plan.cannulaDepthMm;
  const [halfWidth, halfDepth] = bodyHalfExtent(L1_WEDGE.level);
  const normalHalf = (profile.normal.anteriorMm + profile.normal.posteriorMm) / 4;
  const scales = (s: ProcedureState) =>
    heightScalesFor(L1_WEDGE.level, {
      anteriorMm: s.anteriorHeightMm,
      middleMm: s.middleHeightMm,
      posteriorMm: s.posteriorHeightMm,
    });
  const inflation = (fraction: number) =>
    stepMoments(fraction).find((m) => m.procedure === 'kyphoplasty' && m.step.id === 'balloon-inflation')!
      .state;

  it('stays between the endplates of the collapsed body from the first fill to full inflation', () => {
    for (const fraction of [0.1, 0.4, 0.7, 1]) {
      const s = inflation(fraction);
      const section = balloonSection(s.balloonVolumeMl * 1000, length, balloonBodyHeightMm(s), {
        craniocaudal: 0,
        across: 0,
      });
      for (const needle of plan.needles) {
        const [x, y, z] = tipAt(needle, (plan.cannulaDepthMm + plan.targetDepthMm) / 2, [0, 0, 0]);
        const centre = balloonRiseMm(s, profile, y, s.balloonVolumeMl);
        const scale = bodyHeightScale(z / halfDepth, x / halfWidth, scales(s));
        const top = deformedY(normalHalf, scale, profile.anchorMm);
        const bottom = deformedY(-normalHalf, scale, profile.anchorMm);
        expect(y + centre + section.craniocaudal).toBeLessThan(top);
        expect(y + centre - section.craniocaudal).toBeGreaterThan(bottom);
      }
    }
  });

  it('opens below the body centre and rises as the endplate lifts', () => {
    const early = balloonCentreMm(inflation(0.1), profile);
    const late = balloonCentreMm(inflation(1), profile);
    expect(early).toBeLessThan(-1);
    expect(late).toBeGreaterThan(early);
  });
});
