import { describe, expect, it } from 'vitest';
import { fractureProfile } from '../../../src/procedure/fracture';
import { stepMoments } from '../support/stepMoments';
import {
  NORMAL_SHAPE_OPACITY,
  normalShapeOpacity,
  normalShapeShown,
} from '../../../src/scene/NormalShapeGhost';

const OPTIONS = { level: 'L1', approach: 'bipedicular', grade: 2, morphology: 'wedge' } as const;

describe('the broken body’s normal shape (the overview’s pale outline)', () => {
  const { normal, fractured } = fractureProfile(OPTIONS);

  it('shows over a sunken body while it is highlighted, in proportion to the highlight', () => {
    expect(normalShapeOpacity(fractured, normal, 1)).toBe(NORMAL_SHAPE_OPACITY);
    expect(normalShapeOpacity(fractured, normal, 0.5)).toBeCloseTo(NORMAL_SHAPE_OPACITY / 2);
    expect(normalShapeOpacity(fractured, normal, 0)).toBe(0);
  });

  it('shows nothing over a body of normal height, whatever the highlight', () => {
    expect(normalShapeOpacity(normal, normal, 1)).toBe(0);
    expect(normalShapeOpacity({ ...normal, anteriorMm: normal.anteriorMm * 0.99 }, normal, 1)).toBe(0);
  });

  it('shows for every grade and shape the viewer offers (each loses at least a fifth of a wall)', () => {
    for (const grade of [1, 2, 3] as const)
      for (const morphology of ['wedge', 'biconcave', 'crush'] as const) {
        const p = fractureProfile({ ...OPTIONS, grade, morphology });
        expect(normalShapeOpacity(p.fractured, p.normal, 1), `${grade} ${morphology}`).toBe(
          NORMAL_SHAPE_OPACITY,
        );
      }
  });

  it('shows at the overview, faintly while targeting, and never over a see-through or opened body', () => {
    // Well inside each step, after its channels have blended in.
    for (const { procedure, step, state } of stepMoments(0.7, OPTIONS)) {
      const shown = normalShapeShown(state);
      if (step.id === 'overview') expect(shown, `${procedure} ${step.id}`).toBe(1);
      else if (step.id === 'targeting') expect(shown, `${procedure} ${step.id}`).toBeCloseTo(0.5);
      else expect(shown, `${procedure} ${step.id}`).toBe(0);
    }
  });
});
