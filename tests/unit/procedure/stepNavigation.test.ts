import { describe, expect, it } from 'vitest';
import { createProcedureState, type ProcedureState } from '../../../src/procedure/procedureState';
import { stateAt } from '../../../src/procedure/stateAt';
import {
  nextStepLanding,
  previousStepLanding,
  stepLanding,
  stepLandings,
} from '../../../src/procedure/stepNavigation';
import { STEP_BLEND_SECONDS } from '../../../src/procedure/steppedChannels';
import { findStep, timelineFor } from '../../../src/procedure/timeline';
import { PROCEDURE_IDS, type ProcedureOptions, type StepId } from '../../../src/procedure/types';

const OPTIONS: ProcedureOptions = { level: 'L1', grade: 2, morphology: 'wedge', approach: 'bipedicular' };
/** Other options than the landings were found with: the subject must show with these too. */
const OTHER: ProcedureOptions = { level: 'T12', grade: 3, morphology: 'crush', approach: 'unipedicular' };

/**
 * What each step's caption is about, as a test on the frame: it must hold where a jump to the step lands.
 * Written from the captions, not from the landing times.
 */
const SUBJECT_SHOWN: Record<StepId, (s: ProcedureState, start: ProcedureState) => boolean> = {
  overview: (s) => s.highlight > 0.9,
  positioning: (s) => s.torsoOpacity > 0.5,
  anaesthesia: (s) => s.skinMarker > 0,
  // The trocar is on its way to the pedicle, not still where the step found it.
  targeting: (s, start) => s.needleVisible && s.cannulaDepthMm > start.cannulaDepthMm,
  // Inserted partway: deeper than at the step's start, short of where the step ends.
  access: (s, start) => s.cannulaDepthMm > start.cannulaDepthMm + 2,
  drilling: (s) => s.drillVisible && s.drillDepthMm > s.cannulaDepthMm,
  'balloon-insertion': (s) => s.balloonInsertion > 0.2,
  'balloon-inflation': (s) => s.balloonPressurePsi > 0 && s.balloonVolumeMl > 0.2 * s.balloonPeakMl,
  'balloon-removal': (s, start) => s.balloonVolumeMl < start.balloonVolumeMl * 0.8,
  'cement-injection': (s) => s.cementVolumeMl > 0.2 * s.cementFinalMl,
  'cement-hardening': (s) => s.cementCure > 0.2,
  closure: (s, start) => s.needleDepthMm < start.needleDepthMm,
  result: (s) => s.seeThrough > 0.9,
};

describe.each(PROCEDURE_IDS)('jumping to a step of %s', (procedure) => {
  const timeline = timelineFor(procedure);
  const landings = stepLandings(timeline);

  it.each(timeline.steps.map((s) => [s.id, s] as const))(
    '%s lands on a frame that shows its action, camera arrived',
    (id, step) => {
      const landing = stepLanding(timeline, id)!;
      expect(landing).toBe(landings[step.index]);
      expect(landing).toBeGreaterThanOrEqual(step.start);
      // Well inside the step: most of its action is still to come.
      expect(landing).toBeLessThan(step.start + 0.75 * (step.end - step.start));
      for (const options of [OPTIONS, OTHER]) {
        const start = stateAt(timeline, options, step.start, createProcedureState());
        const s = stateAt(timeline, options, landing, createProcedureState());
        expect(s.step, `${id} landing is in the step`).toBe(id);
        expect(s.cameraBlend, `${id}: the camera is at the step's shot`).toBe(1);
        expect(SUBJECT_SHOWN[id](s, start), `${id} at ${landing.toFixed(2)} s shows its subject`).toBe(true);
      }
    },
  );

  it('the first frame of an action step does not show its subject yet (why landing is not the start)', () => {
    for (const id of ['balloon-inflation', 'cement-injection', 'access'] as const) {
      const step = findStep(timeline, id);
      if (!step) continue;
      const prev = stateAt(timeline, OPTIONS, step.start, createProcedureState());
      expect(SUBJECT_SHOWN[id](prev, prev), `${id} at its start`).toBe(false);
      expect(stepLanding(timeline, id)).toBeGreaterThan(step.start + STEP_BLEND_SECONDS - 1e-9);
    }
  });

  it('next goes to the next step’s landing, then to the end', () => {
    for (let i = 0; i < timeline.steps.length; i++) {
      const step = timeline.steps[i]!;
      for (const t of [step.start, landings[i]!, step.end - 0.01]) {
        expect(nextStepLanding(timeline, t)).toBe(landings[i + 1] ?? timeline.duration);
      }
    }
  });

  it('previous returns to this step’s landing when well past it, else the previous step’s', () => {
    for (let i = 1; i < timeline.steps.length; i++) {
      const step = timeline.steps[i]!;
      expect(previousStepLanding(timeline, landings[i]!)).toBe(landings[i - 1]);
      expect(previousStepLanding(timeline, step.start)).toBe(landings[i - 1]);
      expect(previousStepLanding(timeline, step.end - 0.01)).toBe(landings[i]);
    }
    expect(previousStepLanding(timeline, 0)).toBe(landings[0]);
  });

  it('an unknown step has no landing', () => {
    if (procedure === 'vertebroplasty') expect(stepLanding(timeline, 'balloon-inflation')).toBeUndefined();
    else expect(stepLanding(timeline, 'overview')).toBe(0);
  });
});
