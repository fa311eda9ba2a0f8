import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import { arrivalVolumeMl, cementArrival } from '../../../src/procedure/cementArrival';
import { cementVolume, fillThreshold } from '../../../src/procedure/cementVolume';
import { bodyVolumeMl, MAX_FILL_FRACTION } from '../../../src/procedure/dosing';
import { fractureProfile } from '../../../src/procedure/fracture';
import { createProcedureState } from '../../../src/procedure/procedureState';
import { stateAt } from '../../../src/procedure/stateAt';
import { timelineFor } from '../../../src/procedure/timeline';
import { APPROACHES, PROCEDURE_IDS, type ProcedureOptions } from '../../../src/procedure/types';

const cases = LEVEL_IDS.flatMap((level) =>
  APPROACHES.flatMap((approach) => PROCEDURE_IDS.map((procedure) => [level, approach, procedure] as const)),
);

function finalMl(procedure: (typeof PROCEDURE_IDS)[number], opts: ProcedureOptions): number {
  const timeline = timelineFor(procedure);
  return stateAt(timeline, opts, timeline.duration, createProcedureState()).cementVolumeMl;
}

describe('cement volume', () => {
  it('the fill ceiling is a sourced 15–25 % of the body', () => {
    expect(MAX_FILL_FRACTION).toBeGreaterThanOrEqual(0.15);
    expect(MAX_FILL_FRACTION).toBeLessThanOrEqual(0.25);
  });

  it.each(cases)(
    '%s %s %s: final volume ≤ 25 % of the body and equal to the 3D arrival field',
    (level, approach, procedure) => {
      for (const [grade, morphology] of [
        [1, 'crush'],
        [3, 'crush'],
        [2, 'wedge'],
        [3, 'wedge'],
        [2, 'biconcave'],
      ] as const) {
        const opts: ProcedureOptions = { level, approach, grade, morphology };
        const final = finalMl(procedure, opts);
        const body = bodyVolumeMl(opts);
        expect(final, `${final} mL vs body ${body} mL`).toBeLessThanOrEqual(MAX_FILL_FRACTION * body + 1e-9);
        const arrival = cementArrival(procedure, opts, fractureProfile(opts).fractured);
        expect(final, 'readout = the volume the 3D cement holds').toBeCloseTo(arrivalVolumeMl(arrival), 9);
      }
    },
  );

  it.each(['L1', 'L2', 'L3', 'L4', 'L5'] as const)(
    '%s bipedicular: totals within reported lumbar means (3.8–6 mL)',
    (level) => {
      // Bipedicular BKP mean 4.9 mL, unipedicular 4.1 mL (PMC4068843); cadaveric L1 PVP 4.4 mL (3.8–5.0,
      // JOSR 2020); SWISSspine: ≥ 4.5 mL relieved pain more often (PMC3804705).
      for (const procedure of PROCEDURE_IDS) {
        const final = finalMl(procedure, { level, approach: 'bipedicular', grade: 2, morphology: 'wedge' });
        expect(final, `${procedure} ${final} mL`).toBeGreaterThanOrEqual(3.8);
        expect(final, `${procedure} ${final} mL`).toBeLessThanOrEqual(6);
      }
    },
  );

  it.each(['T6', 'L1', 'L4'] as const)(
    '%s: the rendered mass holds fill × the final volume at every fill',
    (level) => {
      for (const procedure of PROCEDURE_IDS) {
        const opts: ProcedureOptions = { level, approach: 'bipedicular', grade: 2, morphology: 'wedge' };
        const arrival = cementArrival(procedure, opts, fractureProfile(opts).fractured);
        const volume = cementVolume(arrival);
        const h = (volume.max[0] - volume.min[0]) / (volume.size[0] - 1);
        for (const fill of [0.25, 0.5, 0.75, 1]) {
          const tau = fillThreshold(volume, fill);
          let inside = 0;
          for (const v of volume.data) if (v < tau) inside++;
          const shown = (inside * h ** 3) / 1000;
          const expected = fill * arrivalVolumeMl(arrival);
          expect(
            Math.abs(shown - expected),
            `${procedure} fill ${fill}: ${shown} vs ${expected} mL`,
          ).toBeLessThanOrEqual(0.03 * expected + 0.01);
        }
      }
    },
  );
});
