import { describe, expect, it } from 'vitest';
import { createProcedureState, stateAt, timelineFor } from '../../../src/procedure';
import { fractureProfile, heightsBeforeBalloon } from '../../../src/procedure/fracture';
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
