import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import { accessPlan } from '../../../src/procedure/accessPath';
import { bodyParts } from '../../../src/scene/patient/bodyParts';
import { patientBody, skinTopY, worldToTable } from '../../../src/scene/patient/bodyShape';
import { needleSkinCrossing } from '../../../src/scene/patient/skinCrossing';
import { smoothProfile } from '../../../src/scene/patient/smoothProfile';
import { trunkGeometry } from '../../../src/scene/patient/trunkGeometry';

describe('smooth profile', () => {
  it('passes through its keys, stays within them between monotone keys and is flat beyond the ends', () => {
    const f = smoothProfile([0, 10, 20, 30], [1, 3, 8, 2]);
    expect(f(0)).toBeCloseTo(1, 9);
    expect(f(10)).toBeCloseTo(3, 9);
    expect(f(20)).toBeCloseTo(8, 9);
    expect(f(-5)).toBe(1);
    expect(f(40)).toBe(2);
    for (let x = 10; x <= 20; x += 0.5) {
      expect(f(x)).toBeGreaterThanOrEqual(3 - 1e-9);
      expect(f(x)).toBeLessThanOrEqual(8 + 1e-9);
    }
    // A peak key is a true maximum: no overshoot on either side.
    for (let x = 10; x <= 30; x += 0.5) expect(f(x)).toBeLessThanOrEqual(8 + 1e-9);
  });
});

describe('the prone patient around the spine', () => {
  it('at every level, each planned needle meets the skin where the plan says the skin is', () => {
    for (const level of LEVEL_IDS) {
      const body = patientBody(level);
      for (const approach of ['bipedicular', 'unipedicular'] as const) {
        for (const needle of accessPlan(level, approach).needles) {
          const crossing = needleSkinCrossing(body, needle);
          // The calibrating needle exactly; the other side and the unipedicular path within a few millimetres.
          expect(
            Math.abs(crossing.depthMm - needle.skinDepthMm),
            `${level} ${approach} ${needle.side}`,
          ).toBeLessThan(6);
          // The crossing is on the drawn skin surface and its normal points up (posterior) and out.
          const table = worldToTable(
            body,
            [crossing.point[0], -crossing.point[2], crossing.point[1]],
            [0, 0, 0],
          );
          expect(Math.abs(table[1]! - skinTopY(body, table[0]!, table[2]!))).toBeLessThan(0.05);
          expect(-crossing.normal[2]).toBeGreaterThan(0.8);
        }
      }
    }
  });

  it('the back lies well behind the spine and the front rests above the table, at every level', () => {
    for (const level of LEVEL_IDS) {
      const body = patientBody(level);
      expect(Math.abs(body.tiltRad)).toBeLessThanOrEqual((18 * Math.PI) / 180 + 1e-9);
      for (let z = body.zS1; z <= body.zT1; z += 20) {
        const s = body.section(z);
        const back = s.centreY + s.backHalf;
        const front = s.centreY - s.frontHalf;
        expect(back - body.spineY(z), `${level} back at ${z}`).toBeGreaterThan(55);
        expect(back - body.spineY(z), `${level} back at ${z}`).toBeLessThan(140);
        expect(front, `${level} front at ${z}`).toBeGreaterThan(body.tableTopY);
        // An adult trunk: 250–420 mm across, 150–300 mm deep.
        expect(2 * s.halfWidth).toBeGreaterThan(250);
        expect(2 * s.halfWidth).toBeLessThan(420);
        expect(back - front).toBeGreaterThan(150);
        expect(back - front).toBeLessThan(300);
      }
      const parts = bodyParts(body);
      for (const b of parts.bolsters) expect(b.height).toBeGreaterThan(40);
      expect(parts.faceCushion.height).toBeGreaterThan(60);
      expect(parts.faceCushion.height).toBeLessThan(260);
    }
  });

  it('the trunk is one closed surface with outward normals', () => {
    const body = patientBody('L1');
    const geometry = trunkGeometry(body, 24, 16);
    const index = geometry.getIndex()!;
    // Closed: every edge is shared by exactly two triangles, in opposite directions.
    const edges = new Map<string, number>();
    for (let i = 0; i < index.count; i += 3) {
      const t = [index.getX(i), index.getX(i + 1), index.getX(i + 2)];
      for (let k = 0; k < 3; k++) {
        const key = `${t[k]}>${t[(k + 1) % 3]}`;
        edges.set(key, (edges.get(key) ?? 0) + 1);
      }
    }
    for (const [key, count] of edges) {
      const [a, b] = key.split('>');
      expect(count).toBe(1);
      expect(edges.get(`${b}>${a}`)).toBe(1);
    }
    const position = geometry.getAttribute('position');
    const normal = geometry.getAttribute('normal');
    let outward = 0;
    for (let i = 0; i < position.count; i++) {
      const s = body.section(position.getZ(i));
      const dx = position.getX(i);
      const dy = position.getY(i) - s.centreY;
      if (dx * normal.getX(i) + dy * normal.getY(i) > 0) outward++;
    }
    expect(outward / position.count).toBeGreaterThan(0.97);
    geometry.dispose();
  });
});
