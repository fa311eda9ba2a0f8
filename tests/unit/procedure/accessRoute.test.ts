import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import { vertebraLandmarks } from '../../../src/anatomy/vertebraLandmarks';
import { accessPlan, tipAt } from '../../../src/procedure/accessPath';
import { createProcedureState } from '../../../src/procedure/procedureState';
import { stateAt } from '../../../src/procedure/stateAt';
import { findStep, timelineFor } from '../../../src/procedure/timeline';
import { APPROACHES, PROCEDURE_IDS } from '../../../src/procedure/types';
import en from '../../../src/i18n/messages/en.json';

const MESSAGES: Record<string, string> = en;
const cases = LEVEL_IDS.flatMap((level) =>
  APPROACHES.flatMap((approach) => PROCEDURE_IDS.map((procedure) => [level, approach, procedure] as const)),
);

describe('every level and approach reaches the anterior third without breaching the medial pedicle wall', () => {
  it.each(cases)('%s %s %s', (level, approach, procedure) => {
    const timeline = timelineFor(procedure);
    const last = findStep(timeline, procedure === 'kyphoplasty' ? 'drilling' : 'access')!;
    const opts = { level, approach, grade: 2, morphology: 'wedge' } as const;
    const state = stateAt(timeline, opts, last.end, createProcedureState());
    const marks = vertebraLandmarks(level);
    const plan = accessPlan(level, approach);
    const anteriorThird = marks.anteriorWallZ - marks.bodyDepthMm / 3;
    const tip: [number, number, number] = [0, 0, 0];
    for (const needle of plan.needles) {
      tipAt(needle, state.needleDepthMm, tip);
      const where = `${level} ${approach} ${procedure} ${needle.side}: tip (x=${tip[0].toFixed(2)}, z=${tip[2].toFixed(2)})`;
      expect(
        tip[2],
        `${where} should be in the anterior third (z ≥ ${anteriorThird.toFixed(2)})`,
      ).toBeGreaterThanOrEqual(anteriorThird);
      expect(tip[2], `${where} behind the anterior wall`).toBeLessThan(marks.anteriorWallZ);
      expect(
        Math.hypot(tip[0] / (marks.bodyWidthMm / 2), tip[2] / (marks.bodyDepthMm / 2)),
        where,
      ).toBeLessThan(1);

      // Behind the posterior wall the tip stays lateral to the medial pedicle wall, on its own side.
      const pedicle = needle.side === 'left' ? marks.pedicleLeft : marks.pedicleRight;
      for (let i = 0; i <= 400; i++) {
        tipAt(needle, (state.needleDepthMm * i) / 400, tip);
        if (tip[2] >= marks.posteriorWallZ) continue;
        const axisX = pedicle.center[0] + (pedicle.axis[0] * (tip[2] - pedicle.center[2])) / pedicle.axis[2];
        expect(
          Math.abs(tip[0]),
          `${where}: medial wall breached at z=${tip[2].toFixed(2)}`,
        ).toBeGreaterThanOrEqual(Math.abs(axisX) - pedicle.widthMm / 2 - 1e-9);
        expect(Math.sign(tip[0])).toBe(Math.sign(pedicle.center[0]));
      }
    }
  });
});

describe('access route', () => {
  it('upper-thoracic levels (T1–T4) asked for two needles take a single medial needle; lumbar keeps two', () => {
    for (const level of ['T1', 'T2', 'T3', 'T4'] as const) {
      const plan = accessPlan(level, 'bipedicular');
      expect(plan.route, level).toBe('single-medial');
      expect(plan.needles, level).toHaveLength(1);
    }
    for (const level of ['T12', 'L1', 'L3', 'L5'] as const) {
      const plan = accessPlan(level, 'bipedicular');
      expect(plan.route, level).toBe('bipedicular');
      expect(plan.needles, level).toHaveLength(2);
    }
    for (const level of LEVEL_IDS) expect(accessPlan(level, 'unipedicular').route).toBe('unipedicular');
  });

  it('the access caption states the route, and each route has its English phrase', () => {
    expect(MESSAGES['step.access.clinical']).toContain('{route}');
    for (const route of ['bipedicular', 'unipedicular', 'single-medial']) {
      expect(MESSAGES[`caption.route.${route}`], route).toMatch(/anterior third/);
    }
    expect(MESSAGES['caption.route.single-medial']).toMatch(/single/i);
    expect(MESSAGES['caption.route.single-medial']).toMatch(/extrapedicular|costotransverse/);
  });
});
