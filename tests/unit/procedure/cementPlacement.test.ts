import { describe, expect, it } from 'vitest';
import { vertebraLandmarks } from '../../../src/anatomy/vertebraLandmarks';
import {
  bodyHalfExtent,
  bodyHeightScale,
  deformedY,
  heightScalesFor,
} from '../../../src/anatomy/fractureField';
import { cementArrival } from '../../../src/procedure/cementArrival';
import { NEIGHBOURS } from '../../../src/procedure/cementCells';
import { fractureProfile } from '../../../src/procedure/fracture';
import type { ProcedureOptions } from '../../../src/procedure/types';

const OPTIONS: ProcedureOptions = { level: 'L1', grade: 2, morphology: 'wedge', approach: 'bipedicular' };

describe('where the cement goes', () => {
  for (const procedure of ['kyphoplasty', 'vertebroplasty'] as const) {
    it(`${procedure}: stays inside the body and stops before its posterior quarter`, () => {
      const marks = vertebraLandmarks(OPTIONS.level);
      const field = cementArrival(procedure, OPTIONS, fractureProfile(OPTIONS).fractured);
      expect(field.count).toBeGreaterThan(100);
      for (let i = 0; i < field.count; i++) {
        const z = field.positions[i * 3 + 2]!;
        // Injection stops as the cement approaches the body's posterior quarter (medical-facts: "cement stop").
        expect(z).toBeGreaterThan(marks.posteriorWallZ + marks.bodyDepthMm / 4);
        // Clear of the front wall too (a fleck against it on the cut read as a leak).
        expect(z).toBeLessThan(marks.anteriorWallZ - 3);
        expect(Math.abs(field.positions[i * 3]!)).toBeLessThan(marks.bodyWidthMm / 2);
      }
    });

    it(`${procedure}: lies between the endplates of the wedge, whose superior endplate alone gave way`, () => {
      const profile = fractureProfile(OPTIONS);
      const scales = heightScalesFor(OPTIONS.level, {
        anteriorMm: profile.fractured.anteriorMm,
        middleMm: profile.fractured.middleMm,
        posteriorMm: profile.fractured.posteriorMm,
      });
      const [halfWidth, halfDepth] = bodyHalfExtent(OPTIONS.level);
      const normalHalf = (profile.normal.anteriorMm + profile.normal.posteriorMm) / 4;
      const field = cementArrival(procedure, OPTIONS, profile.fractured);
      let lowest = Infinity;
      for (let i = 0; i < field.count; i++) {
        const [x, y, z] = [0, 1, 2].map((k) => field.positions[i * 3 + k]!) as [number, number, number];
        const scale = bodyHeightScale(z / halfDepth, x / halfWidth, scales);
        const top = deformedY(normalHalf, scale, profile.anchorMm);
        const bottom = deformedY(-normalHalf, scale, profile.anchorMm);
        expect(y).toBeLessThan(top - 0.5);
        expect(y).toBeGreaterThan(bottom + 0.5);
        lowest = Math.min(lowest, y - bottom);
      }
      // It reaches down to the inferior endplate, which did not move.
      expect(lowest).toBeLessThan(3);
    });
  }

  it('kyphoplasty fills a compact mass, vertebroplasty interdigitates through the sponge-like bone', () => {
    // Irregularity: exposed cell faces over the faces of a cube of the same volume (1 for a cube, more when ragged).
    const ragged = (procedure: 'kyphoplasty' | 'vertebroplasty') => {
      const f = cementArrival(procedure, OPTIONS, fractureProfile(OPTIONS).fractured);
      const key = (x: number, y: number, z: number) =>
        `${Math.round(x / f.cellMm)},${Math.round(y / f.cellMm)},${Math.round(z / f.cellMm)}`;
      const cells = new Set<string>();
      for (let i = 0; i < f.count; i++)
        cells.add(key(f.positions[i * 3]!, f.positions[i * 3 + 1]!, f.positions[i * 3 + 2]!));
      let exposed = 0;
      for (let i = 0; i < f.count; i++) {
        const [x, y, z] = [f.positions[i * 3]!, f.positions[i * 3 + 1]!, f.positions[i * 3 + 2]!];
        for (const [dx, dy, dz] of NEIGHBOURS)
          if (!cells.has(key(x + dx * f.cellMm, y + dy * f.cellMm, z + dz * f.cellMm))) exposed++;
      }
      return exposed / (6 * f.count ** (2 / 3));
    };
    expect(ragged('vertebroplasty')).toBeGreaterThan(ragged('kyphoplasty') * 1.2);
  });
});
