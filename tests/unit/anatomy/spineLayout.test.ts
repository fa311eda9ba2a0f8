import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import { levelDimensions } from '../../../src/anatomy/morphometry';
import {
  allDiscs,
  discPose,
  levelPose,
  SPINE_BONE_IDS,
  type SpineBoneId,
} from '../../../src/anatomy/spineLayout';

const deg = (rad: number): number => (rad * 180) / Math.PI;
/** Angle between two bones' frames, + when the upper one is turned forwards relative to the lower (kyphosis). */
const curve = (upper: SpineBoneId, lower: SpineBoneId): number =>
  deg(levelPose(upper).rotationXRad - levelPose(lower).rotationXRad);

function rotate(v: [number, number, number], a: number): [number, number, number] {
  return [v[0], v[1] * Math.cos(a) - v[2] * Math.sin(a), v[1] * Math.sin(a) + v[2] * Math.cos(a)];
}

describe('spine layout', () => {
  it('puts L1 at the origin, unrotated', () => {
    expect(levelPose('L1')).toEqual({ position: [0, 0, 0], rotationXRad: 0 });
  });

  it('has a thoracic kyphosis T1–T12 of about 40°', () => {
    expect(
      Math.abs(curve('T1', 'T12') - 40),
      `T1–T12 kyphosis ${curve('T1', 'T12').toFixed(1)}°`,
    ).toBeLessThanOrEqual(5);
  });

  it('has a lumbar lordosis L1–S1 of about 60°', () => {
    const lordosis = -curve('L1', 'S1');
    expect(Math.abs(lordosis - 60), `L1–S1 lordosis ${lordosis.toFixed(1)}°`).toBeLessThanOrEqual(5);
  });

  it('keeps the thoracolumbar junction T11–L1 straight', () => {
    expect(Math.abs(curve('T11', 'L1'))).toBeLessThanOrEqual(5);
  });

  it('turns each segment by its segmental angle', () => {
    for (let i = 0; i < SPINE_BONE_IDS.length - 1; i++) {
      const upper = LEVEL_IDS[i]!;
      expect(curve(upper, SPINE_BONE_IDS[i + 1]!)).toBeCloseTo(
        levelDimensions(upper).segmentalAngleToNextDeg,
        9,
      );
    }
  });

  it('has one disc per segment, with the data’s mid-sagittal height and positive heights front and back', () => {
    const discs = allDiscs();
    expect(discs.map((d) => d.name)).toEqual(LEVEL_IDS.map((l, i) => `disc_${l}_${SPINE_BONE_IDS[i + 1]}`));
    for (const disc of discs) {
      expect(disc.heightMm, disc.name).toBe(levelDimensions(disc.upper).discHeightBelowMm);
      expect(disc.anteriorHeightMm, `${disc.name} anterior`).toBeGreaterThan(1.5);
      expect(disc.posteriorHeightMm, `${disc.name} posterior`).toBeGreaterThan(1.5);
    }
  });

  it('leaves exactly the disc height between the rims it joins, measured along the disc axis', () => {
    for (const disc of allDiscs()) {
      const upper = levelPose(disc.upper);
      const lower = levelPose(disc.lower);
      const hu =
        (levelDimensions(disc.upper).bodyHeightAnteriorMm +
          levelDimensions(disc.upper).bodyHeightPosteriorMm) /
        4;
      const rimAbove = rotate([0, -hu, 0], upper.rotationXRad).map((v, i) => v + upper.position[i]!);
      const toRimAbove = rimAbove.map((v, i) => v - disc.position[i]!) as [number, number, number];
      const local = rotate(toRimAbove, -disc.rotationXRad);
      expect(local[0]).toBeCloseTo(0, 9);
      expect(local[1]).toBeCloseTo(disc.heightMm / 2, 9);
      expect(local[2]).toBeCloseTo(0, 9);
      expect(lower.position[1]).toBeLessThan(upper.position[1]);
    }
  });

  it('finds discs by their neighbours and refuses non-adjacent pairs', () => {
    expect(discPose('T12', 'L1').name).toBe('disc_T12_L1');
    expect(discPose('L5', 'S1').name).toBe('disc_L5_S1');
    expect(() => discPose('T12', 'L2')).toThrow(/not adjacent/);
  });
});
