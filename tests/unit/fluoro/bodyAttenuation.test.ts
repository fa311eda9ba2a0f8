import { describe, expect, it } from 'vitest';
import { MU_PER_MM } from '../../../src/fluoro/attenuation';
import {
  bodyLineIntegral,
  bodyModel,
  ellipsoidSpan,
  lungPath,
  trunkAt,
  trunkPath,
  type Ellipsoid,
} from '../../../src/fluoro/bodyAttenuation';
import { C_ARM } from '../../../src/fluoro/cArmGeometry';
import { frameOf, worldBodyFrames } from '../../../src/fluoro/spineFrames';

type V = [number, number, number];
const R = C_ARM.sourceToIsocentreMm;

/** A ray from the AP source (under the table) through the point (x, 0, z) of the isocentre's coronal plane. */
function apRay(x: number, z: number): [V, V] {
  const o: V = [0, -R, 0];
  const d: V = [x, R, z];
  const n = Math.hypot(...d);
  return [o, [d[0] / n, d[1] / n, d[2] / n]];
}

function inside(e: Ellipsoid, p: V): boolean {
  let s = 0;
  for (let i = 0; i < 3; i++) s += ((p[i]! - e.centre[i]!) / e.radii[i]!) ** 2;
  return s < 1;
}

/** Path length through a set by marching (0.05 mm steps), to check the closed forms against. */
function marched(o: V, d: V, test: (p: V) => boolean): number {
  let n = 0;
  const step = 0.05;
  for (let t = 0; t < 2 * R; t += step) {
    if (test([o[0] + t * d[0], o[1] + t * d[1], o[2] + t * d[2]])) n++;
  }
  return n * step;
}

describe('body model: trunk, lungs and gas in closed form', () => {
  it('the central rays cross the trunk ellipse along its full depth (AP) and width (lateral)', () => {
    const model = bodyModel('L1');
    const row = trunkAt(model.trunk, 0, { z: 0, centreY: 0, halfWidth: 0, halfDepth: 0 });
    expect(trunkPath([0, -R, 0], [0, 1, 0], model.trunk)).toBeCloseTo(2 * row.halfDepth, 6);
    expect(trunkPath([-R, 0, 0], [1, 0, 0], model.trunk)).toBeCloseTo(
      2 * row.halfWidth * Math.sqrt(1 - (row.centreY / row.halfDepth) ** 2),
      6,
    );
    // A realistic adult trunk: ~30–35 cm wide, ~20–23 cm deep (AAPM Report 204).
    expect(2 * row.halfWidth).toBeGreaterThan(290);
    expect(2 * row.halfWidth).toBeLessThan(360);
    expect(2 * row.halfDepth).toBeGreaterThan(190);
    expect(2 * row.halfDepth).toBeLessThan(240);
    expect(row.centreY, 'the spine lies behind the trunk’s centre').toBeLessThan(0);
  });

  it('an oblique ray’s path through the trunk matches a marched elliptic cylinder', () => {
    const model = bodyModel('L3');
    const [o, d] = apRay(60, 40);
    const t = -(o[0] * d[0] + o[1] * d[1] + o[2] * d[2]);
    const row = trunkAt(model.trunk, o[2] + t * d[2], { z: 0, centreY: 0, halfWidth: 0, halfDepth: 0 });
    const march = marched(
      o,
      d,
      (p) => (p[0] / row.halfWidth) ** 2 + ((p[1] - row.centreY) / row.halfDepth) ** 2 < 1,
    );
    expect(trunkPath(o, d, model.trunk)).toBeCloseTo(march, 0);
  });

  it('ellipsoid spans and the lung (ellipsoid less dome) agree with marching', () => {
    const model = bodyModel('T8');
    const [lung, dome] = [model.lungs[1], model.domes[1]];
    for (const [x, z] of [
      [80, 0],
      [60, -60],
      [110, -90],
      [40, 100],
    ] as const) {
      const [o, d] = apRay(x, z);
      const closed = lungPath(o, d, lung, dome);
      const march = marched(o, d, (p) => inside(lung, p) && !inside(dome, p));
      expect(closed).toBeCloseTo(march, 0);
    }
    const [o, d] = apRay(80, 0);
    const s = ellipsoidSpan(o, d, lung)!;
    expect(s[1] - s[0]).toBeCloseTo(
      marched(o, d, (p) => inside(lung, p)),
      0,
    );
  });

  it('lungs lie lateral to the thoracic spine, above the diaphragm, and make the field there darker', () => {
    const model = bodyModel('T8');
    for (const lung of model.lungs) expect(Math.abs(lung.centre[0])).toBeGreaterThan(50);
    // Beside the spine at T8 the AP ray crosses a lung; in the midline it crosses the mediastinum.
    const [oLung, dLung] = apRay(85, 0);
    const [oMid, dMid] = apRay(0, 0);
    expect(lungPath(oLung, dLung, model.lungs[1], model.domes[1])).toBeGreaterThan(100);
    expect(lungPath(oMid, dMid, model.lungs[1], model.domes[1])).toBe(0);
    // The same lateral ray through the lumbar abdomen (L3 treated) finds no lung: more attenuation.
    const abdomen = bodyModel('L3');
    const chest = bodyLineIntegral(oLung, dLung, model);
    const belly = bodyLineIntegral(oLung, dLung, abdomen);
    expect(belly - chest, 'lung transmits more than abdomen (e^1.5 ≈ 4.5× the quanta)').toBeGreaterThan(1.5);
    // Lung density (ICRU 44 inflated lung) between air and soft tissue.
    expect(MU_PER_MM.lungInflated).toBeGreaterThan(MU_PER_MM.air);
    expect(MU_PER_MM.lungInflated).toBeLessThan(MU_PER_MM.softTissue / 2);
  });

  it('bowel gas over the lumbar spine lowers the integral where a pocket is crossed, and is fixed in place', () => {
    const model = bodyModel('L3');
    const pocket = model.gas.find((g) => Math.abs(g.centre[2]) < 40 && Math.abs(g.centre[0]) < 60)!;
    expect(pocket, 'a gas pocket near the L3 field').toBeDefined();
    const through = apRay(
      pocket.centre[0] * (R / (R + pocket.centre[1])),
      pocket.centre[2] * (R / (R + pocket.centre[1])),
    );
    const withoutGas = { ...model, gas: [] };
    const deficit = bodyLineIntegral(...through, withoutGas) - bodyLineIntegral(...through, model);
    // Gas replaces soft tissue over (fraction × path): (μ_soft − μ_air) · fraction · 2·radius_y at the centre.
    expect(deficit).toBeGreaterThan(0.1);
    expect(deficit).toBeLessThan(
      (MU_PER_MM.softTissue - MU_PER_MM.air) * 2.2 * pocket.radii[1] * pocket.fraction + 0.2,
    );
    expect(bodyModel('L3')).toEqual(model);
  });

  it('the lateral central ray through the thoracic spine crosses both lungs (the exposure control sees them)', () => {
    const chest = bodyModel('T8');
    const lateral = bodyLineIntegral([-R, 0, 0], [1, 0, 0], chest);
    const trunkOnly = MU_PER_MM.softTissue * trunkPath([-R, 0, 0], [1, 0, 0], chest.trunk);
    expect(trunkOnly - lateral).toBeGreaterThan(1.5);
  });
});

describe('spine frames in the X-ray’s world', () => {
  it('the treated body sits level at the origin; cranial bones lie at +Z, and the list holds every bone', () => {
    const frames = worldBodyFrames('L2');
    const l2 = frameOf(frames, 'L2');
    expect(l2.y).toBeCloseTo(0, 9);
    expect(l2.z).toBeCloseTo(0, 9);
    expect(l2.tiltRad).toBeCloseTo(0, 9);
    expect(frameOf(frames, 'L1').z).toBeGreaterThan(20);
    expect(frameOf(frames, 'T1').z).toBeGreaterThan(frameOf(frames, 'T12').z);
    expect(frameOf(frames, 'S1').z).toBeLessThan(0);
    expect(frames).toHaveLength(18);
    // Thoracic kyphosis: mid-thoracic bodies lie posterior (+Y) of the line joining T1 and L2.
    const t1 = frameOf(frames, 'T1');
    const t7 = frameOf(frames, 'T7');
    expect(t7.y).toBeGreaterThan((t1.y * t7.z) / t1.z - 1);
  });
});
