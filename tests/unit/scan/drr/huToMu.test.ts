import { describe, expect, it } from 'vitest';
import { MU_PER_MM } from '../../../../src/fluoro/attenuation';
import {
  HU_CLAMP,
  HU_CORTICAL_BONE,
  MU_WATER_PER_MM,
  huToMu,
  huToMuTable,
} from '../../../../src/scan/drr/huToMu';

describe('HU → μ at 50 keV', () => {
  it('anchors air, water and cortical bone to the mesh table', () => {
    expect(huToMu(-1000)).toBe(0);
    expect(huToMu(0)).toBeCloseTo(MU_WATER_PER_MM, 10);
    expect(huToMu(HU_CORTICAL_BONE)).toBeCloseTo(MU_PER_MM.corticalBone, 10);
    // Soft tissue (~40 HU) lands on the meshes' soft tissue within 1 %.
    expect(Math.abs(huToMu(40) / MU_PER_MM.softTissue - 1)).toBeLessThan(0.01);
  });

  it('is linear on each side of water, steeper above it, and clamped at both ends', () => {
    expect(huToMu(-500)).toBeCloseTo(MU_WATER_PER_MM / 2, 10);
    const below = huToMu(0) - huToMu(-100);
    const above = huToMu(100) - huToMu(0);
    expect(above).toBeGreaterThan(below);
    expect(huToMu(800) - huToMu(700)).toBeCloseTo(above, 10);
    expect(huToMu(-3024)).toBe(0);
    expect(huToMu(20000)).toBe(huToMu(HU_CLAMP));
    expect(huToMu(HU_CLAMP)).toBeGreaterThan(MU_PER_MM.corticalBone);
  });

  it('the look-up table agrees with the formula', () => {
    const table = huToMuTable();
    for (const hu of [-1000, -1, 0, 1, 250, 1607, 3071]) expect(table[hu + 1000]).toBeCloseTo(huToMu(hu), 7);
  });
});
