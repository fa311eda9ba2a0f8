import { describe, expect, it } from 'vitest';
import { stepMoments } from '../support/stepMoments';

describe('the skin over the treated level', () => {
  const at = (fraction: number, step: string) =>
    stepMoments(fraction).find((m) => m.procedure === 'kyphoplasty' && m.step.id === step)!.state;

  it('is closed while the story is on the skin: the patient on the table, the numbing injection', () => {
    expect(at(0.7, 'positioning').skinCover).toBe(1);
    expect(at(0.7, 'anaesthesia').skinCover).toBeGreaterThanOrEqual(0.7);
  });

  it('opens onto the spine once X-rays guide the needles, blending in with the step', () => {
    expect(at(0.7, 'targeting').skinCover).toBe(0);
    expect(at(0.7, 'access').skinCover).toBe(0);
    const early = at(0.02, 'targeting').skinCover;
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(at(0.7, 'anaesthesia').skinCover);
  });
});
