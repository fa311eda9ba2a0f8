import { beforeAll, describe, expect, it } from 'vitest';
import { occlusionAt } from '../../../src/anatomy/ambientOcclusion';
import { buildSpineMeshes, type SpineMeshes } from '../../../src/anatomy/buildSpine';
import type { PartMesh } from '../../../src/anatomy/polygonize';
import type { Sdf } from '../../../src/anatomy/sdf';
import { vertebraLandmarks } from '../../../src/anatomy/vertebraLandmarks';

let meshes: SpineMeshes;
beforeAll(() => {
  meshes = buildSpineMeshes({ bones: ['L1'] });
}, 60_000);

const parts = (): PartMesh[] => meshes.bones.get('L1')!;
const part = (name: string): PartMesh => parts().find((p) => p.name === name)!;
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

describe('occlusionAt (one surface point)', () => {
  const ground: Sdf = (_x, y) => y;
  // Solid below y = 0 and left of x = 0: a concave right-angled corner along the z axis.
  const corner: Sdf = (x, y) => Math.min(y, x);
  // Solid below y = 0 and above y = 0.5: a surface covered by another (an endplate under its disc).
  const covered: Sdf = (_x, y) => Math.min(y, 0.5 - y);

  it('is 1 on an open surface', () => {
    expect(occlusionAt(ground, 3, 0, 0, 0, 1, 0)).toBe(1);
  });

  it('darkens towards a wall, to no less than 0.55', () => {
    const far = occlusionAt(corner, 8, 0, 0, 0, 1, 0);
    const near = occlusionAt(corner, 2, 0, 0, 0, 1, 0);
    const nearest = occlusionAt(corner, 0.5, 0, 0, 0, 1, 0);
    expect(far).toBe(1);
    expect(near).toBeLessThan(1);
    expect(nearest).toBeLessThan(near);
    expect(nearest).toBeGreaterThanOrEqual(0.55);
    expect(occlusionAt(covered, 0, 0, 0, 0, 1, 0)).toBeCloseTo(0.55, 3);
  });

  it('leaves points inside the solid (seams between parts) unshaded', () => {
    expect(occlusionAt(ground, 0, -2, 0, 0, 1, 0)).toBe(1);
  });
});

describe('baked occlusion of L1 (against its neighbours and discs)', () => {
  it('has one value per vertex on every part, all within [0, 1] and no darker than 0.55', () => {
    for (const p of parts()) {
      expect(p.occlusion, p.name).toBeInstanceOf(Uint8Array);
      expect(p.occlusion!.length, p.name).toBe(p.positions.length / 3);
      for (const v of p.occlusion!) {
        expect(v / 255).toBeGreaterThanOrEqual(0.55 - 1 / 255);
        expect(v / 255).toBeLessThanOrEqual(1);
      }
    }
    expect(meshes.discs.every((d) => d.mesh.occlusion?.length === d.mesh.positions.length / 3)).toBe(true);
  });

  it('varies, and leaves most of the surface near 1', () => {
    const all = parts().flatMap((p) => [...p.occlusion!].map((v) => v / 255));
    expect(Math.min(...all)).toBeLessThan(0.75);
    expect(Math.max(...all)).toBe(1);
    expect(all.filter((v) => v >= 0.9).length / all.length).toBeGreaterThan(0.65);
  });

  it('is darker where the pedicle meets the body than on the anterior body wall', () => {
    const marks = vertebraLandmarks('L1');
    const body = part('body');
    const anterior: number[] = [];
    const crevice: number[] = [];
    for (const [mesh, ped] of [
      [body, marks.pedicleLeft],
      [body, marks.pedicleRight],
      [part('pedicle_left'), marks.pedicleLeft],
      [part('pedicle_right'), marks.pedicleRight],
    ] as const) {
      for (let v = 0; v < mesh.positions.length / 3; v++) {
        const [x, y, z] = [mesh.positions[3 * v]!, mesh.positions[3 * v + 1]!, mesh.positions[3 * v + 2]!];
        const ao = mesh.occlusion![v]! / 255;
        if (mesh === body && ped === marks.pedicleLeft && z > marks.anteriorWallZ - 2 && Math.abs(y) < 5)
          anterior.push(ao);
        // The posterior body wall just above and below the pedicle's root: the fillets of the vertebral notches.
        const dy = Math.abs(y - ped.center[1]) - ped.heightMm / 2;
        if (
          Math.abs(z - marks.posteriorWallZ) < 2 &&
          Math.abs(x - ped.center[0]) < ped.widthMm / 2 &&
          dy > 0 &&
          dy < 3
        )
          crevice.push(ao);
      }
    }
    expect(anterior.length).toBeGreaterThan(5);
    expect(crevice.length).toBeGreaterThan(20);
    expect(mean(anterior)).toBeGreaterThan(0.98);
    expect(mean(crevice)).toBeLessThan(mean(anterior) - 0.05);
    expect(Math.min(...crevice)).toBeLessThan(0.8);
  });

  it('does not depend on which other bones are built', () => {
    const withNeighbours = buildSpineMeshes({ bones: ['L1', 'L2'], discs: false });
    const body = withNeighbours.bones.get('L1')!.find((p) => p.name === 'body')!;
    expect(Buffer.from(body.occlusion!).equals(Buffer.from(part('body').occlusion!))).toBe(true);
  }, 60_000);
});
