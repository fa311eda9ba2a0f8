import { describe, expect, it } from 'vitest';
import { createProcedureState } from '../../../src/procedure/procedureState';
import { stateAt } from '../../../src/procedure/stateAt';
import { stepLanding } from '../../../src/procedure/stepNavigation';
import {
  findStep,
  levelSpans,
  PER_LEVEL_STEPS,
  stepIndexAt,
  timelineFor,
} from '../../../src/procedure/timeline';
import { mapTimeToProcedure, mapTimeToTimeline } from '../../../src/procedure/toggleMapping';
import { compareMoment } from '../../../src/procedure/compareTime';
import { PROCEDURE_IDS, type ProcedureOptions } from '../../../src/procedure/types';

/** Two levels, each with its own fracture: T12 moderate wedge, L1 severe crush. */
const TWO: ProcedureOptions = {
  level: 'T12',
  grade: 2,
  morphology: 'wedge',
  approach: 'bipedicular',
  treated: [
    { level: 'T12', grade: 2, morphology: 'wedge' },
    { level: 'L1', grade: 3, morphology: 'crush' },
  ],
};

const at = (procedure: 'kyphoplasty' | 'vertebroplasty', key: string, share: number, options = TWO) => {
  const timeline = timelineFor(procedure, ['T12', 'L1']);
  const step = findStep(timeline, key)!;
  return stateAt(timeline, options, step.start + share * (step.end - step.start), createProcedureState());
};

describe.each(PROCEDURE_IDS)('%s for several levels', (procedure) => {
  const single = timelineFor(procedure);
  const two = timelineFor(procedure, ['T12', 'L1']);
  const three = timelineFor(procedure, ['T11', 'T12', 'L2']);

  it('repeats the per-level steps for each level, in order, with keys that carry the level', () => {
    const perLevel = single.steps.filter((s) => PER_LEVEL_STEPS.includes(s.id));
    expect(perLevel.length).toBeGreaterThanOrEqual(4);
    const keys = two.steps.map((s) => s.key);
    expect(new Set(keys).size, 'keys are unique').toBe(keys.length);
    for (const level of ['T12', 'L1']) {
      expect(two.steps.filter((s) => s.level === level).map((s) => s.id)).toEqual(perLevel.map((s) => s.id));
    }
    expect(keys).toContain('cement-injection@T12');
    expect(keys).toContain('cement-injection@L1');
    expect(findStep(two, 'cement-injection@T12')!.start).toBeLessThan(findStep(two, 'access@L1')!.start);
    // Shared steps once: positioning before every level, closure after the last.
    for (const id of ['overview', 'positioning', 'cement-hardening', 'closure', 'result'] as const) {
      expect(two.steps.filter((s) => s.id === id).map((s) => s.key)).toEqual([id]);
    }
    expect(findStep(two, 'closure')!.start).toBeGreaterThan(findStep(two, 'cement-injection@L1')!.start);
    const perLevelSeconds = perLevel.reduce((sum, s) => sum + (s.end - s.start), 0);
    expect(two.duration).toBeCloseTo(single.duration + perLevelSeconds, 6);
    expect(three.duration).toBeCloseTo(single.duration + 2 * perLevelSeconds, 6);
  });

  it('finds a plain id as the first level’s step, and marks each level’s chapter', () => {
    expect(findStep(two, 'access')!.key).toBe('access@T12');
    expect(findStep(two, 'access@L3')).toBeUndefined();
    const spans = levelSpans(two);
    expect(spans.map((s) => s.level)).toEqual(['T12', 'L1']);
    expect(spans[0]!.end).toBe(spans[1]!.start);
    expect(spans[0]!.start).toBe(findStep(two, 'anaesthesia@T12')!.start);
    expect(levelSpans(single)).toEqual([]);
  });

  it('one level keeps the same timeline as before (keys are ids)', () => {
    expect(timelineFor(procedure, ['L1'])).toBe(single);
    expect(single.steps.every((s) => s.key === s.id && s.level === null)).toBe(true);
    expect(timelineFor(procedure, ['T12', 'L1'])).toBe(two);
  });

  it('works on one level at a time: the next waits untouched, the one before keeps its cement', () => {
    const during = at(procedure, 'cement-injection@L1', 0.5);
    expect(during.level).toBe('L1');
    expect(during.levelIndex).toBe(1);
    expect(during.stepKey).toBe('cement-injection@L1');
    expect(during.levels.map((l) => l.level)).toEqual(['T12', 'L1']);
    expect(during.levels[0]!.cementFill, 'T12 was filled before L1').toBe(1);
    expect(during.levels[1]!.cementFill).toBeGreaterThan(0);
    expect(during.levels[1]!.cementFill).toBeLessThan(1);
    expect(during.cementFill).toBe(during.levels[1]!.cementFill);

    const first = at(procedure, 'access@T12', 0.5);
    expect(first.level).toBe('T12');
    expect(first.needleVisible).toBe(true);
    expect(first.levels[1]!.cementFill, 'L1 waits').toBe(0);
    expect(first.levels[1]!.grade).toBe(3);
    expect(first.levels[1]!.morphology).toBe('crush');
    // Each level has its own fracture: the grade 3 crush is lower at the front than the grade 2 wedge.
    expect(first.levels[1]!.anteriorHeightPct).toBeLessThan(first.levels[0]!.anteriorHeightPct);
  });

  it('sets every level’s cement together and ends with all of them treated', () => {
    const hardening = at(procedure, 'cement-hardening', 0.5);
    expect(hardening.levels.every((l) => l.cementFill === 1)).toBe(true);
    expect(hardening.levels[0]!.cementCure).toBeCloseTo(hardening.levels[1]!.cementCure, 9);
    expect(hardening.levels[0]!.cementCure).toBeGreaterThan(0);
    const end = stateAt(two, TWO, two.duration, createProcedureState());
    expect(end.step).toBe('result');
    expect(end.level, 'the shared steps after the levels belong to the last one').toBe('L1');
    expect(end.levels.every((l) => l.cementVolumeMl > 0 && l.cementCure === 1)).toBe(true);
  });

  it('is a pure function of time: any order of seeks gives the same frame', () => {
    const times = [0, 40, 170, 95, 12, two.duration, 133.3, 60];
    const reused = createProcedureState();
    for (const t of times) {
      const fresh = stateAt(two, TWO, t, createProcedureState());
      const again = stateAt(two, TWO, t, reused);
      expect({ ...again, levels: again.levels.map((l) => ({ ...l })) }).toEqual({
        ...fresh,
        levels: fresh.levels.map((l) => ({ ...l })),
      });
    }
  });

  it('shows a leak at the first level only, and reports it for the session', () => {
    const options = { ...TWO, complication: 'venous' as const };
    const end = stateAt(two, options, two.duration, createProcedureState());
    expect(end.levels[0]!.leakVolumeMl).toBeGreaterThan(0);
    expect(end.levels[1]!.leakVolumeMl).toBe(0);
    expect(end.leakVolumeMl).toBeCloseTo(end.levels[0]!.leakVolumeMl, 9);
    expect(end.complication).toBe('venous');
  });

  it('lands a jump to a level’s step inside that step, and keeps the place when levels change', () => {
    const landing = stepLanding(two, 'balloon-inflation@L1') ?? stepLanding(two, 'cement-injection@L1')!;
    expect(two.steps[stepIndexAt(two, landing)]!.level).toBe('L1');
    const access = findStep(two, 'access@L1')!;
    const t = access.start + 3;
    const mapped = mapTimeToTimeline(two, t, three);
    expect(
      three.steps[stepIndexAt(three, mapped)]!.key,
      'a level that is no longer treated lands on the same step of the first',
    ).toBe('access@T11');
    const back = mapTimeToTimeline(
      three,
      mapTimeToTimeline(two, findStep(two, 'closure')!.start + 1, three),
      two,
    );
    expect(back).toBeCloseTo(findStep(two, 'closure')!.start + 1, 9);
  });
});

describe('several levels across both procedures', () => {
  it('toggles procedure keeping the level being treated', () => {
    const kypho = timelineFor('kyphoplasty', ['T12', 'L1']);
    const vp = timelineFor('vertebroplasty', ['T12', 'L1']);
    const t = findStep(kypho, 'cement-injection@L1')!.start + 2;
    const mapped = mapTimeToProcedure(kypho, t, 'vertebroplasty');
    expect(vp.steps[stepIndexAt(vp, mapped)]!.key).toBe('cement-injection@L1');
    // A kyphoplasty-only step of the second level goes to that level's next shared step.
    const balloon = findStep(kypho, 'balloon-inflation@L1')!.start + 1;
    expect(vp.steps[stepIndexAt(vp, mapTimeToProcedure(kypho, balloon, 'vertebroplasty'))]!.key).toBe(
      'cement-injection@L1',
    );
  });

  it('compares the two procedures level by level', () => {
    const kypho = timelineFor('kyphoplasty', ['T12', 'L1']);
    const vp = timelineFor('vertebroplasty', ['T12', 'L1']);
    const during = compareMoment(kypho, findStep(kypho, 'access@L1')!.start + 4, vp);
    expect(during.held).toBe(false);
    expect(vp.steps[stepIndexAt(vp, during.time)]!.key).toBe('access@L1');
    const held = compareMoment(kypho, findStep(kypho, 'balloon-inflation@L1')!.start + 4, vp);
    expect(held.held).toBe(true);
    expect(vp.steps[stepIndexAt(vp, held.time)]!.key, 'holds at the same level').toBe('access@L1');
  });
});
