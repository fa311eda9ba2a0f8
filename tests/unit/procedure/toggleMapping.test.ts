import { describe, expect, it } from 'vitest';
import { findStep, stepIndexAt, timelineFor } from '../../../src/procedure/timeline';
import { mapTimeToProcedure } from '../../../src/procedure/toggleMapping';
import { PROCEDURE_IDS, type StepId } from '../../../src/procedure/types';

const kp = timelineFor('kyphoplasty');
const vp = timelineFor('vertebroplasty');
const KYPHOPLASTY_ONLY = new Set<StepId>([
  'drilling',
  'balloon-insertion',
  'balloon-inflation',
  'balloon-removal',
]);
const PROGRESSES = [0, 0.5, 0.99] as const;

function where(timeline: typeof kp, t: number) {
  const index = stepIndexAt(timeline, t);
  const step = timeline.steps[index]!;
  return { id: step.id, progress: (t - step.start) / (step.end - step.start) };
}

describe('kyphoplasty → vertebroplasty', () => {
  const table = kp.steps.flatMap((step) => PROGRESSES.map((progress) => [step.id, progress] as const));

  it.each(table)('%s at progress %s', (id, progress) => {
    const step = findStep(kp, id)!;
    const t = step.start + progress * (step.end - step.start);
    const mapped = mapTimeToProcedure(kp, t, 'vertebroplasty');
    const landed = where(vp, mapped);
    if (KYPHOPLASTY_ONLY.has(id)) {
      const injection = findStep(vp, 'cement-injection')!;
      expect(
        mapped,
        `${id}@${progress} should map to the start of cement-injection (${injection.start}), got ${mapped}`,
      ).toBe(injection.start);
    } else {
      expect(landed.id, `${id}@${progress} landed in ${landed.id}`).toBe(id);
      expect(landed.progress, `${id}: expected progress ${progress}, got ${landed.progress}`).toBeCloseTo(
        progress,
        9,
      );
    }
  });
});

describe('vertebroplasty → kyphoplasty', () => {
  const table = vp.steps.flatMap((step) => PROGRESSES.map((progress) => [step.id, progress] as const));

  it.each(table)('%s at progress %s keeps the step and its progress', (id, progress) => {
    const step = findStep(vp, id)!;
    const t = step.start + progress * (step.end - step.start);
    const mapped = mapTimeToProcedure(vp, t, 'kyphoplasty');
    const landed = where(kp, mapped);
    expect(landed.id, `${id}@${progress} landed in ${landed.id}`).toBe(id);
    expect(landed.progress, `${id}: expected progress ${progress}, got ${landed.progress}`).toBeCloseTo(
      progress,
      9,
    );
  });

  it.each(table)('%s at progress %s survives a round trip', (id, progress) => {
    const step = findStep(vp, id)!;
    const t = step.start + progress * (step.end - step.start);
    const back = mapTimeToProcedure(kp, mapTimeToProcedure(vp, t, 'kyphoplasty'), 'vertebroplasty');
    expect(Math.abs(back - t), `round trip of t=${t} returned ${back}`).toBeLessThan(1e-9);
  });
});

describe('round trips and identity', () => {
  it('a shared kyphoplasty moment returns to the same time after kp → vp → kp', () => {
    for (const step of kp.steps) {
      if (KYPHOPLASTY_ONLY.has(step.id)) continue;
      for (const progress of PROGRESSES) {
        const t = step.start + progress * (step.end - step.start);
        const back = mapTimeToProcedure(vp, mapTimeToProcedure(kp, t, 'vertebroplasty'), 'kyphoplasty');
        expect(Math.abs(back - t), `${step.id}@${progress}: t=${t} came back as ${back}`).toBeLessThan(1e-9);
      }
    }
  });

  it('a kyphoplasty-only moment comes back at the start of kyphoplasty cement injection', () => {
    const injection = findStep(kp, 'cement-injection')!;
    for (const id of KYPHOPLASTY_ONLY) {
      const step = findStep(kp, id)!;
      const t = (step.start + step.end) / 2;
      const back = mapTimeToProcedure(vp, mapTimeToProcedure(kp, t, 'vertebroplasty'), 'kyphoplasty');
      expect(back, `${id}: came back at ${back}`).toBe(injection.start);
    }
  });

  it.each(PROCEDURE_IDS)('mapping %s onto itself is the identity', (procedure) => {
    const timeline = timelineFor(procedure);
    for (let i = 0; i <= 200; i++) {
      const t = (timeline.duration * i) / 200;
      expect(mapTimeToProcedure(timeline, t, procedure), `t=${t}`).toBe(t);
    }
  });

  it('the ends of the timelines map onto each other', () => {
    expect(mapTimeToProcedure(kp, 0, 'vertebroplasty')).toBe(0);
    expect(mapTimeToProcedure(vp, 0, 'kyphoplasty')).toBe(0);
    expect(mapTimeToProcedure(kp, kp.duration, 'vertebroplasty')).toBe(vp.duration);
    expect(mapTimeToProcedure(vp, vp.duration, 'kyphoplasty')).toBe(kp.duration);
  });

  it('mapping is monotonic: later moments never map to earlier ones', () => {
    for (const [from, to] of [
      [kp, 'vertebroplasty'],
      [vp, 'kyphoplasty'],
    ] as const) {
      let previous = -Infinity;
      for (let i = 0; i <= 2000; i++) {
        const t = (from.duration * i) / 2000;
        const mapped = mapTimeToProcedure(from, t, to);
        expect(
          mapped,
          `${from.procedure} t=${t} mapped to ${mapped} after ${previous}`,
        ).toBeGreaterThanOrEqual(previous);
        const target = timelineFor(to);
        expect(mapped, 'inside the target timeline').toBeGreaterThanOrEqual(0);
        expect(mapped, 'inside the target timeline').toBeLessThanOrEqual(target.duration);
        previous = mapped;
      }
    }
  });
});
