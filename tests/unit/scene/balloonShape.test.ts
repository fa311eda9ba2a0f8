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
  balloonRiseMm,
  balloonSection,
  balloonSpan,
  channelMiddle,
  FOLDED_RADIUS_MM,
} from '../../../src/scene/balloonShape';
import { L1_WEDGE, stepMoments } from '../support/stepMoments';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import { createProcedureState } from '../../../src/procedure/procedureState';
import { stateAt } from '../../../src/procedure/stateAt';
import { timelineFor } from '../../../src/procedure/timeline';
import { APPROACHES, MORPHOLOGIES, type ProcedureOptions } from '../../../src/procedure/types';

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

  const halfExtent = bodyHalfExtent(L1_WEDGE.level);
  /** The balloon's top and bottom, and the endplates' (mm, level frame), over one needle's channel. */
  const extents = (s: ProcedureState, needle: (typeof plan.needles)[number]) => {
    const [x, y, z] = tipAt(needle, (plan.cannulaDepthMm + plan.targetDepthMm) / 2, [0, 0, 0]);
    const span = balloonSpan(s, profile, halfExtent, x, z, { middleMm: 0, heightMm: 0 });
    const section = balloonSection(s.balloonVolumeMl * 1000, length, span.heightMm, {
      craniocaudal: 0,
      across: 0,
    });
    const centre = y + balloonRiseMm(span, y, s.balloonVolumeMl);
    // Independently of balloonSpan: the fracture field at the channel, as the bone's vertex shader applies it.
    const scale = bodyHeightScale(z / halfDepth, x / halfWidth, scales(s));
    return {
      balloonTop: centre + section.craniocaudal,
      balloonBottom: centre - section.craniocaudal,
      top: deformedY(normalHalf, scale, profile.anchorMm),
      bottom: deformedY(-normalHalf, scale, profile.anchorMm),
    };
  };

  it('stays between the endplates of the collapsed body from the first fill to full inflation', () => {
    for (const fraction of [0.1, 0.4, 0.7, 1])
      for (const needle of plan.needles) {
        const e = extents(inflation(fraction), needle);
        expect(e.balloonTop).toBeLessThan(e.top);
        expect(e.balloonBottom).toBeGreaterThan(e.bottom);
      }
  });

  it("presses on the endplate it lifts: from the step's picture on, the balloon reaches it", () => {
    const collapsed = extents(inflation(0), plan.needles[0]!).top;
    for (const fraction of [0.7, 1])
      for (const needle of plan.needles) {
        const e = extents(inflation(fraction), needle);
        expect(e.top - collapsed, 'the endplate has lifted').toBeGreaterThan(0.5);
        // Within the endplate's bony plate (1 mm) and the field's straight-line normal body (0.3 mm).
        expect(e.top - e.balloonTop).toBeLessThan(1.3);
        expect(e.balloonBottom - e.bottom).toBeLessThan(1.3);
      }
  });

  it('opens below the body centre and rises as the endplate lifts', () => {
    const [x, , z] = channelMiddle(plan);
    const middle = (fraction: number) =>
      balloonSpan(inflation(fraction), profile, halfExtent, x, z, { middleMm: 0, heightMm: 0 }).middleMm;
    expect(middle(0.1)).toBeLessThan(-1);
    expect(middle(1)).toBeGreaterThan(middle(0.1));
  });

  it('reaches the endplates at every level, grade and shape by the step picture', () => {
    const timeline = timelineFor('kyphoplasty');
    const step = timeline.steps.find((s) => s.id === 'balloon-inflation')!;
    for (const level of LEVEL_IDS)
      for (const grade of [1, 2, 3] as const)
        for (const morphology of MORPHOLOGIES)
          for (const approach of APPROACHES) {
            const options: ProcedureOptions = { level, grade, morphology, approach };
            const levelPlan = accessPlan(level, approach);
            const [x, , z] = channelMiddle(levelPlan);
            for (const fraction of [0.7, 1]) {
              const t = step.start + (step.end - step.start) * fraction;
              const s = stateAt(timeline, options, t, createProcedureState());
              const span = balloonSpan(s, fractureProfile(options), bodyHalfExtent(level), x, z, {
                middleMm: 0,
                heightMm: 0,
              });
              const section = balloonSection(
                s.balloonVolumeMl * 1000,
                levelPlan.targetDepthMm - levelPlan.cannulaDepthMm,
                span.heightMm,
                { craniocaudal: 0, across: 0 },
              );
              // The endplate's plate (1 mm) and less than half a millimetre more.
              expect(
                span.heightMm / 2 - section.craniocaudal,
                `${level} ${grade} ${morphology}`,
              ).toBeLessThan(1.5);
            }
          }
  });
});
