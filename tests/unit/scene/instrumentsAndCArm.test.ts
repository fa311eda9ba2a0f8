import type { BufferGeometry } from 'three';
import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import { TROCAR_LENGTH_MM, accessPlan } from '../../../src/procedure/accessPath';
import { HANDHELD, drillLengthMm, numbingNeedleDepthMm } from '../../../src/procedure/instruments';
import { CAMERA_SHOTS, subjectSphere, type CameraShot } from '../../../src/scene/cameraPoses';
import { framingDistance, freeArea } from '../../../src/scene/shotFraming';
import type { CameraPresetId, ShotSubject } from '../../../src/procedure/types';
import {
  C_ARM_SHAPE,
  cArmBlocksView,
  CLOSE_UP_MM,
  ROOM_VIEW_MM,
  standBounds,
} from '../../../src/scene/cArm/cArmLayout';
import { receptorGeometry } from '../../../src/scene/cArm/cArmReceptor';
import {
  drillBitGeometry,
  drillHandleGeometry,
  drillShankGeometry,
} from '../../../src/scene/instruments/drillGeometry';
import {
  bulbHandleGeometry,
  hubGeometry,
  shaftGeometry,
  styletCapGeometry,
  styletRodGeometry,
  tHandleGeometry,
} from '../../../src/scene/instruments/instrumentGeometry';
import { patientBody, tableToWorld } from '../../../src/scene/patient/bodyShape';

describe('hand-held instruments', () => {
  it('the drill reaches the target through the cannula with its handle still outside the cannula handle', () => {
    for (const level of LEVEL_IDS) {
      const plan = accessPlan(level, 'bipedicular');
      const travel = plan.targetDepthMm - plan.cannulaDepthMm;
      expect(drillLengthMm(TROCAR_LENGTH_MM, travel)).toBeGreaterThanOrEqual(TROCAR_LENGTH_MM + travel + 20);
    }
  });

  it('the numbing needle starts outside the skin, stops short of the bone and comes out again', () => {
    for (const skin of [42, 50]) {
      expect(numbingNeedleDepthMm(0, skin)).toBeLessThan(0);
      let deepest = -Infinity;
      for (let u = 0; u <= 1; u += 0.01) deepest = Math.max(deepest, numbingNeedleDepthMm(u, skin));
      expect(deepest).toBeLessThanOrEqual(skin - 4 + 1e-9);
      expect(deepest).toBeLessThanOrEqual(HANDHELD.numbingNeedleLengthMm);
      expect(deepest).toBeGreaterThan(20);
      // Injecting: the needle holds still in the middle of its share of the step.
      expect(numbingNeedleDepthMm(0.6, skin)).toBeCloseTo(numbingNeedleDepthMm(0.75, skin), 9);
      expect(numbingNeedleDepthMm(1, skin)).toBeLessThan(0);
    }
  });
});

/** A camera close over the back, looking down on the pedicles from a little towards the feet. */
const CLOSE_ABOVE: CameraShot = { direction: [0.06, 1, -0.18], up: [0, 0, 1], fill: 0.66 };

/** Where the guided camera stands for a shot on a 1280×800 canvas without the X-ray inset (as CameraRig frames it). */
function shotPose(camera: CameraPresetId | CameraShot, subject: ShotSubject) {
  const sphere = subjectSphere(subject, 'L1', { centre: [0, 0, 0], radius: 0 });
  const area = freeArea(1280, 800, { fluoro: 'none', cure: false }, [], { x: 0, y: 0, width: 0, height: 0 });
  const shot = typeof camera === 'string' ? CAMERA_SHOTS[camera] : camera;
  const distance = framingDistance(sphere.radius, 32, 800, area, shot.fill);
  const length = Math.hypot(...shot.direction);
  const position = sphere.centre.map((c, i) => c + (shot.direction[i]! / length) * distance) as [
    number,
    number,
    number,
  ];
  return { position, target: sphere.centre };
}

describe('the C-arm keeps out of the view of the treated level', () => {
  const standFor = (level: 'T6' | 'L1' | 'L5') => {
    const body = patientBody(level);
    return standBounds(body.tableTopY - 820).map((b) => ({
      centre: tableToWorld(body, b.centre, [0, 0, 0]) as [number, number, number],
      radius: b.radius,
    }));
  };

  it('looking down on the back, the C-arm hides at AP (detector over the back) and shows at lateral', () => {
    const { position, target } = shotPose(CLOSE_ABOVE, 'pedicles');
    for (const level of ['T6', 'L1', 'L5'] as const) {
      // At AP the detector hangs over the back, between this camera and the spine: the C-arm must hide.
      expect(cArmBlocksView(0, position, target, standFor(level))).toBe(true);
      // At lateral the C stands beside the patient, clear of the view.
      expect(cArmBlocksView(90, position, target, standFor(level))).toBe(false);
    }
  });

  it('the room view sees the C-arm at AP', () => {
    const { position, target } = shotPose('patient', 'patient');
    expect(cArmBlocksView(0, position, target, standFor('L1'))).toBe(false);
  });

  it('the targeting shot sees the C-arm through its whole swing between views, at every level', () => {
    // CArm.tsx checks the sight line from the eye to the treated level (the origin) and hides the C-arm where it
    // is blocked: from along the axis the C turns about, it never is, so the machine never blinks out.
    const { position } = shotPose('imaging', 'imaging');
    const distance = Math.hypot(...position);
    // Framed from further away where the canvas is narrower (a phone in portrait, the X-ray inset beside it).
    for (const farther of [1, 1.6]) {
      const eye = position.map((c) => c * farther);
      for (const level of ['T6', 'L1', 'L5'] as const)
        for (let angle = 0; angle <= 90; angle += 5)
          expect(cArmBlocksView(angle, eye, [0, 0, 0], standFor(level)), `${angle}° ×${farther}`).toBe(false);
    }
    // Not a close-up of the bone, where the C-arm is left out altogether.
    expect(distance).toBeGreaterThan(CLOSE_UP_MM);
    // ... and no close-up is a room view.
    for (const camera of ['access', 'lateral', 'balloon', 'hardening'] as const) {
      const close = shotPose(camera, 'vertebra').position;
      expect(Math.hypot(...close), camera).toBeLessThan(ROOM_VIEW_MM);
    }
  });

  it('a sight line through the detector, the tube or the stand counts as blocked (the C-arm is hidden then)', () => {
    const stand = standFor('L1');
    // Looking down the beam from above the detector at AP, and from beyond the tube at lateral.
    expect(cArmBlocksView(0, [0, 900, 0], [0, 0, 0], stand)).toBe(true);
    expect(cArmBlocksView(90, [-1200, 0, 0], [0, 0, 0], stand)).toBe(true);
    // Past the stand, from the patient's right.
    expect(cArmBlocksView(0, [-1500, 0, 0], [0, 0, 0], [])).toBe(true);
    // Clear line of sight, far from the C's plane.
    expect(cArmBlocksView(0, [300, 200, -900], [0, 0, 0], stand)).toBe(false);
  });

  it('while the C swings between views past the surgeon’s side, the check sees it coming', () => {
    const { position, target } = shotPose(CLOSE_ABOVE, 'pedicles');
    expect([15, 30, 45, 60, 75].some((a) => cArmBlocksView(a, position, target, []))).toBe(true);
  });
});

describe('the C-arm’s image receptor matches the X-ray’s field', () => {
  /** Horizontal distances from the beam (Y) of every vertex, and the lowest point (the face). */
  function footprint(geometry: BufferGeometry) {
    const p = geometry.getAttribute('position');
    const radii: number[] = [];
    let xMax = 0;
    let zMax = 0;
    let lowest = Infinity;
    for (let i = 0; i < p.count; i++) {
      radii.push(Math.hypot(p.getX(i), p.getZ(i)));
      xMax = Math.max(xMax, Math.abs(p.getX(i)));
      zMax = Math.max(zMax, Math.abs(p.getZ(i)));
      lowest = Math.min(lowest, p.getY(i));
    }
    return { radii, xMax, zMax, lowest };
  }

  it('an image intensifier is a round drum, a flat panel a square box, each with its face at the detector distance', () => {
    const [width] = C_ARM_SHAPE.detectorSize;
    const round = receptorGeometry('intensifier');
    const square = receptorGeometry('flat-panel');
    // Round: every rim vertex off the beam's axis lies on its circle (or on the axis, a cap's centre).
    for (const r of footprint(round.rim).radii) expect(r === 0 || Math.abs(r - width / 2) < 8).toBe(true);
    // Square: as wide as deep, with corners √2 further out than the sides.
    const box = footprint(square.housing);
    expect(box.xMax).toBeCloseTo(width / 2, 6);
    expect(box.zMax).toBeCloseTo(width / 2, 6);
    expect(Math.max(...box.radii)).toBeCloseTo((width / 2) * Math.SQRT2, 6);
    for (const { rim, housing } of [round, square]) {
      expect(footprint(rim).lowest).toBeCloseTo(C_ARM_SHAPE.detectorFaceMm, 6);
      // The housing stands on the rim, away from the patient.
      expect(footprint(housing).lowest).toBeGreaterThan(C_ARM_SHAPE.detectorFaceMm);
    }
  });
});

describe('instrument solids face outwards (the X-ray adds steel only where it is)', () => {
  /** Signed volume by the divergence theorem: positive when the triangles face outwards. */
  const signedVolume = (geometry: BufferGeometry): number => {
    const g = geometry.index ? geometry.toNonIndexed() : geometry;
    const p = g.getAttribute('position');
    let v = 0;
    for (let i = 0; i < p.count; i += 3) {
      const a = [p.getX(i), p.getY(i), p.getZ(i)];
      const b = [p.getX(i + 1), p.getY(i + 1), p.getZ(i + 1)];
      const c = [p.getX(i + 2), p.getY(i + 2), p.getZ(i + 2)];
      v +=
        (a[0]! * (b[1]! * c[2]! - b[2]! * c[1]!) -
          a[1]! * (b[0]! * c[2]! - b[2]! * c[0]!) +
          a[2]! * (b[0]! * c[1]! - b[1]! * c[0]!)) /
        6;
    }
    return v;
  };

  it('shafts, hubs, handles, stylets and the drill enclose positive volume', () => {
    const solids = [
      shaftGeometry(1.5, TROCAR_LENGTH_MM),
      hubGeometry(TROCAR_LENGTH_MM),
      bulbHandleGeometry(TROCAR_LENGTH_MM),
      tHandleGeometry(TROCAR_LENGTH_MM),
      styletRodGeometry(1, TROCAR_LENGTH_MM),
      styletCapGeometry(TROCAR_LENGTH_MM, 'bulb'),
      drillBitGeometry(1.6),
      drillShankGeometry(1.6, 170),
      drillHandleGeometry(170),
    ];
    for (const g of solids) expect(signedVolume(g)).toBeGreaterThan(0);
    // The shaft's volume is close to a cylinder's: the X-ray sees the true amount of steel.
    expect(signedVolume(solids[0]!)).toBeCloseTo(Math.PI * 1.5 ** 2 * TROCAR_LENGTH_MM, -2);
  });
});
