import { describe, expect, it } from 'vitest';
import { KYPHOPLASTY, VERTEBROPLASTY } from '../../../src/procedure/steps';
import { clampTime, findStep, stepIndexAt, stepStart, timelineFor } from '../../../src/procedure/timeline';
import { PROCEDURE_IDS, STEP_IDS, type StepId } from '../../../src/procedure/types';

const KYPHOPLASTY_ONLY: readonly StepId[] = [
  'drilling',
  'balloon-insertion',
  'balloon-inflation',
  'balloon-removal',
];

describe.each(PROCEDURE_IDS)('timeline of %s', (procedure) => {
  const timeline = timelineFor(procedure);
  const definition = procedure === 'kyphoplasty' ? KYPHOPLASTY : VERTEBROPLASTY;

  it('is built from the procedure definition, step for step', () => {
    expect(timeline.procedure).toBe(procedure);
    expect(
      timeline.steps.map((s) => s.id),
      'timeline step ids should follow the definition',
    ).toEqual(definition.steps.map((s) => s.id));
    timeline.steps.forEach((step, i) => {
      expect(step.index, `step ${step.id}: expected index ${i}, got ${step.index}`).toBe(i);
      expect(step.definition, `step ${step.id} should carry its definition`).toBe(definition.steps[i]);
    });
  });

  it('has unique step ids that are all known step ids', () => {
    const ids = timeline.steps.map((s) => s.id);
    expect(new Set(ids).size, `duplicate step ids in ${ids.join(', ')}`).toBe(ids.length);
    for (const id of ids) expect(STEP_IDS, `unknown step id ${id}`).toContain(id);
  });

  it('places steps contiguously from 0 to the duration', () => {
    expect(timeline.steps.length).toBeGreaterThan(0);
    expect(timeline.steps[0]!.start, 'first step should start at 0').toBe(0);
    for (let i = 1; i < timeline.steps.length; i++) {
      const prev = timeline.steps[i - 1]!;
      const step = timeline.steps[i]!;
      expect(
        step.start,
        `${step.id} should start where ${prev.id} ends (${prev.end}), got ${step.start}`,
      ).toBe(prev.end);
    }
    const last = timeline.steps[timeline.steps.length - 1]!;
    expect(last.end, `last step ends at ${last.end}, duration is ${timeline.duration}`).toBe(
      timeline.duration,
    );
  });

  it('gives every step a positive length equal to its definition, summing to the duration', () => {
    let sum = 0;
    for (const step of timeline.steps) {
      const length = step.end - step.start;
      expect(length, `${step.id}: expected a positive length, got ${length}`).toBeGreaterThan(0);
      expect(length, `${step.id}: expected length ${step.definition.duration}, got ${length}`).toBeCloseTo(
        step.definition.duration,
        9,
      );
      sum += step.definition.duration;
    }
    expect(sum, `durations sum to ${sum}, timeline duration is ${timeline.duration}`).toBeCloseTo(
      timeline.duration,
      9,
    );
  });

  it('gives each step to [start, end): exact boundaries belong to the next step', () => {
    timeline.steps.forEach((step, i) => {
      expect(stepIndexAt(timeline, step.start), `t=${step.start} (start of ${step.id})`).toBe(i);
      const mid = (step.start + step.end) / 2;
      expect(stepIndexAt(timeline, mid), `t=${mid} (middle of ${step.id})`).toBe(i);
      const justBefore = step.end - 1e-9;
      expect(stepIndexAt(timeline, justBefore), `t=${justBefore} (just before end of ${step.id})`).toBe(i);
      if (i < timeline.steps.length - 1) {
        expect(
          stepIndexAt(timeline, step.end),
          `t=${step.end} (end of ${step.id}) belongs to the next step`,
        ).toBe(i + 1);
      }
    });
  });

  it('gives the end of the timeline to the last step', () => {
    const last = timeline.steps.length - 1;
    expect(stepIndexAt(timeline, timeline.duration)).toBe(last);
    expect(stepIndexAt(timeline, timeline.duration + 100)).toBe(last);
    expect(stepIndexAt(timeline, Infinity)).toBe(last);
  });

  it('gives times before the start (and NaN) to the first step', () => {
    expect(stepIndexAt(timeline, -1)).toBe(0);
    expect(stepIndexAt(timeline, -Infinity)).toBe(0);
    expect(stepIndexAt(timeline, Number.NaN)).toBe(0);
  });

  it.each([
    ['negative', -5, 0],
    ['tiny negative', -1e-12, 0],
    ['NaN', Number.NaN, 0],
    ['-Infinity', -Infinity, 0],
    ['+Infinity', Infinity, 'duration'],
    ['past the end', 1e6, 'duration'],
    ['zero', 0, 0],
  ] as const)('clampTime: %s', (_label, input, expected) => {
    const want = expected === 'duration' ? timeline.duration : expected;
    const got = clampTime(timeline, input);
    expect(got, `clampTime(${input}): expected ${want}, got ${got}`).toBe(want);
  });

  it('clampTime leaves times inside the timeline unchanged', () => {
    for (const step of timeline.steps) {
      for (const t of [step.start, (step.start + step.end) / 2, step.end]) {
        expect(clampTime(timeline, t), `clampTime(${t})`).toBe(t);
      }
    }
  });

  it('findStep and stepStart agree with the timeline and return undefined for absent steps', () => {
    for (const id of STEP_IDS) {
      const present = timeline.steps.find((s) => s.id === id);
      expect(findStep(timeline, id), `findStep(${id})`).toBe(present);
      expect(stepStart(timeline, id), `stepStart(${id})`).toBe(present?.start);
    }
  });
});

describe('kyphoplasty versus vertebroplasty', () => {
  const kp = timelineFor('kyphoplasty');
  const vp = timelineFor('vertebroplasty');
  const kpIds = kp.steps.map((s) => s.id);
  const vpIds = vp.steps.map((s) => s.id);

  it('kyphoplasty has the drilling and balloon steps', () => {
    for (const id of KYPHOPLASTY_ONLY) expect(kpIds, `kyphoplasty should include ${id}`).toContain(id);
  });

  it('kyphoplasty drills, inserts, inflates and removes the balloon in that order, before the cement', () => {
    const order = [...KYPHOPLASTY_ONLY, 'cement-injection' as const].map((id) => kpIds.indexOf(id));
    expect(order, `indices of drilling…cement-injection: ${order.join(', ')}`).toEqual(
      [...order].sort((a, b) => a - b),
    );
    expect(kpIds.indexOf('access'), 'access comes before drilling').toBeLessThan(kpIds.indexOf('drilling'));
  });

  it('vertebroplasty has no drill and no balloon step', () => {
    for (const id of vpIds) {
      expect(KYPHOPLASTY_ONLY.includes(id), `vertebroplasty should not include ${id}`).toBe(false);
      expect(id.startsWith('balloon'), `vertebroplasty should not include ${id}`).toBe(false);
    }
  });

  it('both share access, cement injection and hardening', () => {
    for (const id of ['access', 'cement-injection', 'cement-hardening'] as const) {
      expect(kpIds, `kyphoplasty lacks ${id}`).toContain(id);
      expect(vpIds, `vertebroplasty lacks ${id}`).toContain(id);
    }
  });

  it('shared step ids appear in the same order in both procedures', () => {
    const sharedInKp = kpIds.filter((id) => vpIds.includes(id));
    expect(sharedInKp, 'shared steps in kyphoplasty order vs vertebroplasty order').toEqual(vpIds);
    expect(kpIds.filter((id) => !vpIds.includes(id)).sort(), 'steps only kyphoplasty has').toEqual(
      [...KYPHOPLASTY_ONLY].sort(),
    );
  });

  it('shared steps last as long in both procedures', () => {
    for (const step of vp.steps) {
      const other = findStep(kp, step.id)!;
      expect(step.end - step.start, `${step.id} length`).toBe(other.end - other.start);
    }
  });

  it('vertebroplasty is shorter by exactly the kyphoplasty-only steps', () => {
    const extra = kp.steps
      .filter((s) => KYPHOPLASTY_ONLY.includes(s.id))
      .reduce((sum, s) => sum + (s.end - s.start), 0);
    expect(kp.duration - vp.duration).toBeCloseTo(extra, 9);
  });
});
