import { describe, expect, it } from 'vitest';
import { CORTEX_MM, MU_PER_MM, excessMu, transmission } from '../../../src/fluoro/attenuation';
import { C_ARM, coneFovDeg, sourceDirection } from '../../../src/fluoro/cArmGeometry';
import { layoutFluoro, type FluoroPanel } from '../../../src/fluoro/fluoroLayout';

describe('attenuation maths', () => {
  it('a known thickness of a known material gives the Beer–Lambert transmission', () => {
    // 10 mm of cortical bone at 50 keV: μ = 0.8145 /cm (NIST, reference §3.3) → I/I0 = e^(−0.8145) ≈ 0.4429.
    expect(transmission([{ mu: MU_PER_MM.corticalBone, lengthMm: 10 }])).toBeCloseTo(Math.exp(-0.8145), 6);
    expect(transmission([{ mu: MU_PER_MM.corticalBone, lengthMm: 10 }])).toBeCloseTo(0.4429, 3);
    // 200 mm of soft tissue: 0.240 /cm → e^(−4.8).
    expect(transmission([{ mu: MU_PER_MM.softTissue, lengthMm: 200 }])).toBeCloseTo(Math.exp(-4.8), 8);
  });

  it('path segments multiply (sums in the exponent), and nothing attenuates nothing', () => {
    const a = { mu: MU_PER_MM.softTissue, lengthMm: 150 };
    const b = { mu: MU_PER_MM.cementBaSO4, lengthMm: 12 };
    expect(transmission([a, b])).toBeCloseTo(transmission([a]) * transmission([b]), 12);
    expect(transmission([])).toBe(1);
  });

  it('orders materials as on a radiograph: steel ≫ cement ≫ cortical > cancellous ≈ soft tissue', () => {
    const m = MU_PER_MM;
    expect(m.steel / m.cementBaSO4).toBeGreaterThan(3);
    expect(m.cementBaSO4 / m.corticalBone).toBeGreaterThan(4);
    expect(m.corticalBone).toBeGreaterThan(m.cancellousHealthy);
    expect(m.cancellousHealthy).toBeGreaterThan(m.cancellousOsteoporotic);
    expect(m.cancellousOsteoporotic).toBeGreaterThanOrEqual(m.softTissue);
  });

  it('objects inside the body add only their excess over the soft tissue they replace', () => {
    // 30 mm of cement inside a 200 mm body: soft·170 + cement·30 = soft·200 + (cement − soft)·30.
    const direct = transmission([
      { mu: MU_PER_MM.softTissue, lengthMm: 170 },
      { mu: MU_PER_MM.cementBaSO4, lengthMm: 30 },
    ]);
    const excess = transmission([
      { mu: MU_PER_MM.softTissue, lengthMm: 200 },
      { mu: excessMu('cementBaSO4'), lengthMm: 30 },
    ]);
    expect(excess).toBeCloseTo(direct, 12);
    expect(CORTEX_MM).toBeGreaterThan(0.2);
    expect(CORTEX_MM).toBeLessThan(1.5);
  });
});

describe('C-arm geometry', () => {
  it('AP puts the source under the table, lateral on the patient’s right', () => {
    const out: [number, number, number] = [0, 0, 0];
    expect(sourceDirection(0, out).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([-0, -1, 0]);
    expect(sourceDirection(90, out).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([-1, -0, 0]);
  });

  it('the cone just covers the detector field', () => {
    const half = Math.tan(((coneFovDeg() / 2) * Math.PI) / 180) * C_ARM.sourceToDetectorMm;
    expect(half * 2).toBeCloseTo(C_ARM.fieldDiameterMm, 6);
  });
});

describe('fluoro panel layout', () => {
  it('inset only while the step uses fluoroscopy; split shows AP and lateral side by side; panels are reused', () => {
    const out: FluoroPanel[] = [];
    expect(layoutFluoro(1000, 600, '3d', 'none', out)).toHaveLength(0);
    const inset = layoutFluoro(1000, 600, '3d', 'ap', out);
    expect(inset).toHaveLength(1);
    expect(inset[0]!.view).toBe('ap');
    expect(inset[0]!.x + inset[0]!.size).toBeLessThanOrEqual(1000);
    const first = layoutFluoro(1000, 600, 'split', 'lateral', out)[0];
    const split = layoutFluoro(1000, 600, 'split', 'lateral', out);
    expect(split.map((p) => p.view)).toEqual(['ap', 'lateral']);
    expect(split[0]).toBe(first);
    expect(split[0]!.x + split[0]!.size).toBeLessThanOrEqual(split[1]!.x);
  });
});
