import { describe, expect, it } from 'vitest';
import { createProcedureState, stateAt, timelineFor } from '../../../src/procedure';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import {
  fractureProfile,
  heightKeptByBalloonMm,
  heightsBeforeBalloon,
} from '../../../src/procedure/fracture';
import type { ProcedureOptions } from '../../../src/procedure/types';

describe('fractureProfile', () => {
  it('is computed once per options object, so the scene, the frame and the cement share it', () => {
    const options: ProcedureOptions = { level: 'L1', grade: 2, morphology: 'wedge', approach: 'bipedicular' };
    expect(fractureProfile(options)).toBe(fractureProfile(options));
    const same = { ...options };
    expect(fractureProfile(same)).not.toBe(fractureProfile(options));
    expect(fractureProfile(same)).toEqual(fractureProfile(options));
  });

  it('loses more anterior height with a higher grade (wedge)', () => {
    const at = (grade: 1 | 2 | 3) =>
      fractureProfile({ level: 'T12', grade, morphology: 'wedge', approach: 'bipedicular' }).fractured
        .anteriorMm;
    expect(at(1)).toBeGreaterThan(at(2));
    expect(at(2)).toBeGreaterThan(at(3));
  });
});

describe('heightsBeforeBalloon: where the dashed line of the collapsed endplate is drawn', () => {
  it("is the frame's height when the balloon starts to inflate, a little above the fracture (lying prone)", () => {
    const timeline = timelineFor('kyphoplasty');
    const inflation = timeline.steps.find((s) => s.definition.id === 'balloon-inflation')!;
    for (const morphology of ['wedge', 'biconcave', 'crush'] as const) {
      const options: ProcedureOptions = { level: 'T12', grade: 3, morphology, approach: 'bipedicular' };
      const profile = fractureProfile(options);
      const before = heightsBeforeBalloon(profile);
      const state = stateAt(timeline, options, inflation.start, createProcedureState());
      expect(before.anteriorMm).toBeCloseTo(state.anteriorHeightMm, 6);
      expect(before.middleMm).toBeCloseTo(state.middleHeightMm, 6);
      expect(before.posteriorMm).toBeCloseTo(state.posteriorHeightMm, 6);
      // Higher than the fracture where it lost height, yet well below the normal shape where it lost most.
      const n = profile.normal;
      expect(before.middleMm).toBeGreaterThan(profile.fractured.middleMm);
      const lost = [
        n.anteriorMm - before.anteriorMm,
        n.middleMm - before.middleMm,
        n.posteriorMm - before.posteriorMm,
      ];
      expect(Math.max(...lost)).toBeGreaterThan(3);
      // The inflation lifts it further.
      const peak = stateAt(timeline, options, inflation.end, createProcedureState());
      expect(peak.middleHeightMm).toBeGreaterThan(before.middleMm + 1);
    }
  });
});

describe('heightKeptByBalloonMm: the millimetres the result names beside the dashed line', () => {
  it("is the height a kyphoplasty's final frame holds above the dashed line, a few millimetres at most", () => {
    const timeline = timelineFor('kyphoplasty');
    const end = timeline.steps.at(-1)!.end;
    for (const level of LEVEL_IDS)
      for (const grade of [1, 2, 3] as const)
        for (const morphology of ['wedge', 'biconcave', 'crush'] as const) {
          const options: ProcedureOptions = { level, grade, morphology, approach: 'bipedicular' };
          const profile = fractureProfile(options);
          const before = heightsBeforeBalloon(profile);
          const state = stateAt(timeline, options, end, createProcedureState());
          const kept = Math.max(
            state.anteriorHeightMm - before.anteriorMm,
            state.middleHeightMm - before.middleMm,
            state.posteriorHeightMm - before.posteriorMm,
          );
          const name = `${level} grade ${grade} ${morphology}`;
          expect(heightKeptByBalloonMm(profile), name).toBeCloseTo(kept, 6);
          // Modest, as clinically (KP − VP anterior height about +3.7 mm; medical facts: "a few mm"), and
          // never the whole height lost.
          expect(kept, name).toBeGreaterThan(0.5);
          expect(kept, name).toBeLessThan(6);
          const lost = Math.max(
            profile.normal.anteriorMm - before.anteriorMm,
            profile.normal.middleMm - before.middleMm,
            profile.normal.posteriorMm - before.posteriorMm,
          );
          expect(kept, name).toBeLessThan(lost / 2);
        }
  });

  it('vertebroplasty keeps none: its final frame stands where the balloon would have started', () => {
    const timeline = timelineFor('vertebroplasty');
    const options: ProcedureOptions = { level: 'L1', grade: 3, morphology: 'wedge', approach: 'bipedicular' };
    const state = stateAt(timeline, options, timeline.steps.at(-1)!.end, createProcedureState());
    expect(state.anteriorHeightMm).toBeCloseTo(heightsBeforeBalloon(fractureProfile(options)).anteriorMm, 6);
  });
});
