import { describe, expect, it } from 'vitest';
import { fractureProfile } from '../../../src/procedure/fracture';
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
