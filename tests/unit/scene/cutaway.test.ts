import { BoxGeometry, Plane, Vector3, Vector4 } from 'three';
import { describe, expect, it } from 'vitest';
import type { LevelId } from '../../../src/anatomy/levels';
import { levelDimensions } from '../../../src/anatomy/morphometry';
import type { Vec3 } from '../../../src/anatomy/vertebraLandmarks';
import { vertebraLandmarks } from '../../../src/anatomy/vertebraLandmarks';
import { accessPlan, tipAt } from '../../../src/procedure/accessPath';
import { createProcedureState } from '../../../src/procedure/procedureState';
import type { Approach } from '../../../src/procedure/types';
import {
  createBoneSurfaceMaterial,
  createCutFaceShellMaterial,
  createTreatedBoneMaterial,
} from '../../../src/scene/boneMaterial';
import {
  CUT_TRAVEL_MM,
  behindTheCut,
  crossesPlane,
  cutawayPlane,
  showInFrontOfTheCut,
} from '../../../src/scene/cutaway';
import { compiled } from './support/compiledShader';

const open = (() => {
  const s = createProcedureState();
  s.insideView = 1;
  return s;
})();
const closed = createProcedureState();

/** Signed distance of a point from the plane: > 0 kept, < 0 cut away. */
const side = (plane: Vector4, [x, y, z]: Vec3) => plane.x * x + plane.y * y + plane.z * z + plane.w;

const CASES: [LevelId, Approach][] = [
  ['L1', 'bipedicular'],
  ['L4', 'bipedicular'],
  ['T8', 'bipedicular'],
  ['T3', 'bipedicular'],
  ['L2', 'unipedicular'],
];

describe('the cutaway follows the first needle', () => {
  for (const [level, approach] of CASES) {
    it(`${level} ${approach}: the whole needle lies in the cut; the far side and the canal are kept`, () => {
      const plan = accessPlan(level, approach);
      const needle = plan.needles[0]!;
      const marks = vertebraLandmarks(level);
      const plane = cutawayPlane(open, true, needle, new Vector4());
      // Vertical: the cut face stands upright, and holds the needle's caudal tilt.
      expect(plane.y).toBe(0);
      const point: [number, number, number] = [0, 0, 0];
      for (const depth of [-needle.skinDepthMm, 0, needle.posteriorWallDepthMm, needle.targetDepthMm]) {
        expect(Math.abs(side(plane, tipAt(needle, depth, point)))).toBeLessThan(1e-9);
      }
      // It runs down the pedicle the needle is in: that pedicle's centre is on the cut (within its half width).
      const own = needle.side === 'left' ? marks.pedicleLeft : marks.pedicleRight;
      const other = needle.side === 'left' ? marks.pedicleRight : marks.pedicleLeft;
      expect(Math.abs(side(plane, own.center))).toBeLessThan(own.widthMm / 2);
      // The other pedicle, the spinal canal and the body's far wall are kept; the near wall is removed.
      expect(side(plane, other.center)).toBeGreaterThan(0);
      expect(side(plane, [0, 0, marks.posteriorWallZ - marks.canalDepthMm / 2])).toBeGreaterThan(0);
      const near = needle.side === 'left' ? 1 : -1;
      expect(side(plane, [(-near * marks.bodyWidthMm) / 2, 0, 0])).toBeGreaterThan(0);
      expect(side(plane, [(near * marks.bodyWidthMm) / 2, 0, 0])).toBeLessThan(0);
    });
  }

  it('closed, it starts CUT_TRAVEL_MM outside its open place; switched off, it cuts nothing anywhere near', () => {
    const needle = accessPlan('L1', 'bipedicular').needles[0]!;
    const a = cutawayPlane(open, true, needle, new Vector4());
    const b = cutawayPlane(closed, true, needle, new Vector4());
    expect(b.w - a.w).toBeCloseTo(CUT_TRAVEL_MM, 9);
    const off = cutawayPlane(open, false, needle, new Vector4());
    for (const p of [
      [100, 100, 100],
      [-100, -100, -100],
      [100, 0, -100],
    ] as Vec3[])
      expect(side(off, p)).toBeGreaterThan(0);
  });
});

describe('the cut is a real section: its cap lies on the plane', () => {
  it("a cut bone's faces that stand for the cap write the plane's depth and open over the hollow; uncut bone none", () => {
    const { material, uniforms } = createTreatedBoneMaterial({
      fracture: true,
      clip: new Plane(new Vector3(-1, 0, 0), 0),
      hole: { object: null },
    });
    const cut = compiled(material).fragment;
    expect(cut).toContain('if (!gl_FrontFacing) spvCap(spvCutViewPoint());');
    expect(cut).toContain('gl_FragDepth = gl_FragCoord.z;');
    expect(cut).toMatch(/if \(dot\(q, q\) < 1\.0\) discard;/);
    // The hollow is read before each draw: none yet, the cap is closed.
    expect(uniforms.uCavityOn.value).toBe(0);
    const inner = compiled(
      createCutFaceShellMaterial(uniforms, new Plane(new Vector3(-1, 0, 0), 0)),
    ).fragment;
    expect(inner).toContain('spvCap(spvCutViewPoint());');
    expect(compiled(createBoneSurfaceMaterial()).fragment).not.toContain('gl_FragDepth');
  });

  it('crossesPlane: a part the open cut passes through, not one wholly on either side', () => {
    const box = new BoxGeometry(10, 10, 10);
    expect(crossesPlane(box, new Vector4(1, 0, 0, 0))).toBe(true);
    expect(crossesPlane(box, new Vector4(1, 0, 0, 20))).toBe(false);
    expect(crossesPlane(box, new Vector4(1, 0, 0, -20))).toBe(false);
  });

  it('showInFrontOfTheCut: hides every mesh of the needles behind the open cut, shows them all when it shuts', () => {
    const meshes = [
      [{ visible: false }, null, { visible: false }],
      undefined,
      [{ visible: true }, { visible: true }],
    ];
    showInFrontOfTheCut(meshes, { insideView: 1, axialCut: 0 }, true);
    expect(meshes[0]!.map((m) => m?.visible)).toEqual([true, undefined, true]);
    expect(meshes[2]!.map((m) => m?.visible)).toEqual([false, false]);
    showInFrontOfTheCut(meshes, { insideView: 0, axialCut: 0 }, true);
    expect(meshes[2]!.map((m) => m?.visible)).toEqual([true, true]);
  });

  it('behindTheCut: while the cut is open, the 3D view leaves out every needle but the one the cut holds', () => {
    const closed = createProcedureState();
    const opening = { insideView: 0.2, axialCut: 0 };
    // The first needle lies in the cut plane: always shown.
    expect(behindTheCut(0, open, true)).toBe(false);
    expect(behindTheCut(1, open, true)).toBe(true);
    expect(behindTheCut(1, opening, true)).toBe(true);
    // Closed, or with the cutaway off (the body see-through instead), both needles show.
    expect(behindTheCut(1, closed, true)).toBe(false);
    expect(behindTheCut(1, open, false)).toBe(false);
    // Cut across the spine (access), the cut holds both needles, also while it gives way to the cut along one.
    expect(behindTheCut(1, { insideView: 0, axialCut: 1 }, true)).toBe(false);
    expect(behindTheCut(1, { insideView: 0.4, axialCut: 0.6 }, true)).toBe(false);
    expect(behindTheCut(1, { insideView: 0.6, axialCut: 0.4 }, true)).toBe(true);
  });
});

describe('at access the cutaway runs across the spine through both needles', () => {
  const across = (() => {
    const s = createProcedureState();
    s.axialCut = 1;
    return s;
  })();
  for (const [level, approach] of CASES) {
    it(`${level} ${approach}: every needle lies in the cut; the head's side is kept, the pedicles cut through`, () => {
      const plan = accessPlan(level, approach);
      const marks = vertebraLandmarks(level);
      const plane = cutawayPlane(across, true, plan.needles[0]!, new Vector4());
      // Across the spine: no left-right tilt, and the head's side kept.
      expect(plane.x).toBe(0);
      expect(plane.y).toBeGreaterThan(0.9);
      const point: [number, number, number] = [0, 0, 0];
      for (const needle of plan.needles)
        for (const depth of [-needle.skinDepthMm, 0, needle.posteriorWallDepthMm, needle.targetDepthMm])
          expect(Math.abs(side(plane, tipAt(needle, depth, point)))).toBeLessThan(1e-9);
      // Both pedicles are cut within their height, and the body is cut between its endplates.
      for (const pedicle of [marks.pedicleLeft, marks.pedicleRight])
        expect(Math.abs(side(plane, pedicle.center))).toBeLessThan(pedicle.heightMm / 2);
      expect(Math.abs(side(plane, [0, 0, 0]))).toBeLessThan(levelDimensions(level).bodyHeightPosteriorMm / 3);
    });
  }

  it('slides in from the feet, and gives way to the cut along the needle as the view goes inside', () => {
    const needle = accessPlan('L1', 'bipedicular').needles[0]!;
    const shut = cutawayPlane({ insideView: 0, axialCut: 0.2 }, true, needle, new Vector4());
    const full = cutawayPlane(across, true, needle, new Vector4());
    expect(shut.y).toBeCloseTo(full.y, 12);
    expect(shut.w - full.w).toBeCloseTo(0.8 * CUT_TRAVEL_MM, 9);
    // Half way between access and the drilling, the plane held is the one further in.
    const leaving = cutawayPlane({ insideView: 0.4, axialCut: 0.6 }, true, needle, new Vector4());
    expect(leaving.x).toBe(0);
    const arriving = cutawayPlane({ insideView: 0.6, axialCut: 0.4 }, true, needle, new Vector4());
    expect(arriving.y).toBe(0);
    // Switched off, neither cuts anything.
    expect(cutawayPlane(across, false, needle, new Vector4()).w).toBeGreaterThan(500);
  });
});
