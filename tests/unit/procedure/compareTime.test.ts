import { describe, expect, it } from 'vitest';
import { compareMoment, compareReadouts, otherProcedure } from '../../../src/procedure/compareTime';
import { findStep, stepIndexAt, timelineFor } from '../../../src/procedure/timeline';
import type { ProcedureOptions } from '../../../src/procedure/types';

const KP = timelineFor('kyphoplasty');
const VP = timelineFor('vertebroplasty');
const OPTIONS: ProcedureOptions = { level: 'L1', grade: 2, morphology: 'wedge', approach: 'bipedicular' };

describe('compareMoment', () => {
  it('aligns a shared step by id at the same fraction of the step', () => {
    for (const id of ['targeting', 'access', 'cement-injection', 'closure'] as const) {
      const kp = findStep(KP, id)!;
      const vp = findStep(VP, id)!;
      for (const fraction of [0, 0.25, 0.5, 0.9]) {
        const moment = compareMoment(KP, kp.start + fraction * (kp.end - kp.start), VP);
        expect(moment.held).toBe(false);
        expect(moment.time).toBeCloseTo(vp.start + fraction * (vp.end - vp.start), 6);
        expect(VP.steps[stepIndexAt(VP, moment.time)]!.id).toBe(id);
      }
    }
  });

  it('holds vertebroplasty at the end of its previous step through every kyphoplasty-only step', () => {
    const kpOnly = KP.steps.filter((s) => !findStep(VP, s.id));
    expect(kpOnly.map((s) => s.id)).toEqual(
      expect.arrayContaining(['balloon-insertion', 'balloon-inflation', 'balloon-removal']),
    );
    for (const step of kpOnly) {
      const previousShared = KP.steps
        .slice(0, step.index)
        .reverse()
        .find((s) => findStep(VP, s.id))!;
      for (const fraction of [0, 0.5, 0.99]) {
        const moment = compareMoment(KP, step.start + fraction * (step.end - step.start), VP);
        expect(moment.held).toBe(true);
        expect(moment.mainStep).toBe(step.id);
        expect(moment.time).toBeCloseTo(findStep(VP, previousShared.id)!.end, 2);
        expect(VP.steps[stepIndexAt(VP, moment.time)]!.id).toBe(previousShared.id);
      }
    }
  });

  it('is monotonic and the ends align, both ways', () => {
    for (const [main, other] of [
      [KP, VP],
      [VP, KP],
    ] as const) {
      let last = -1;
      for (let t = 0; t <= main.duration; t += main.duration / 997) {
        const time = compareMoment(main, t, other).time;
        expect(time).toBeGreaterThanOrEqual(last - 1e-9);
        last = time;
      }
      expect(compareMoment(main, 0, other).time).toBe(0);
      expect(compareMoment(main, main.duration, other).time).toBeCloseTo(other.duration, 6);
    }
  });

  it('never holds when vertebroplasty is the main procedure', () => {
    for (let t = 0; t <= VP.duration; t += VP.duration / 211) {
      expect(compareMoment(VP, t, KP).held).toBe(false);
    }
  });
});

describe('compareReadouts', () => {
  it('reports the other procedure at the aligned step with its own numbers', () => {
    expect(otherProcedure('kyphoplasty')).toBe('vertebroplasty');
    const result = findStep(KP, 'result')!;
    const vp = compareReadouts(KP, result.start + 0.5 * (result.end - result.start), OPTIONS);
    expect(vp.procedure).toBe('vertebroplasty');
    expect(vp.step).toBe('result');
    expect(vp.cementVolumeMl).toBeGreaterThan(0);
    const kp = compareReadouts(VP, findStep(VP, 'result')!.end, OPTIONS);
    expect(kp.procedure).toBe('kyphoplasty');
    // Kyphoplasty lifts the collapsed body; vertebroplasty sets it as it is.
    expect(kp.anteriorHeightPct).toBeGreaterThan(vp.anteriorHeightPct);
  });

  it('names the held step during the balloon', () => {
    const inflation = findStep(KP, 'balloon-inflation')!;
    const vp = compareReadouts(KP, (inflation.start + inflation.end) / 2, OPTIONS);
    expect(vp.held).toBe(true);
    expect(vp.step).toBe('access');
    expect(vp.cementVolumeMl).toBe(0);
  });
});
