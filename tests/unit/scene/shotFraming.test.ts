import { describe, expect, it } from 'vitest';
import type { FluoroPanel } from '../../../src/fluoro/fluoroLayout';
import { LEVEL_IDS } from '../../../src/anatomy/levels';
import { KYPHOPLASTY, VERTEBROPLASTY } from '../../../src/procedure/steps';
import { levelDimensions } from '../../../src/anatomy/morphometry';
import { CAMERA_SHOTS, subjectSphere, type SubjectSphere } from '../../../src/scene/cameraPoses';
import {
  compareArea,
  COMPARE_BAND_PX,
  COMPARE_FILL,
  centringOffset,
  focalPx,
  framingDistance,
  freeArea,
  projectedRadiusPx,
  type ScreenRect,
} from '../../../src/scene/shotFraming';

const FOV = 32;
/** 9:16 phone portrait to 16:9 wall, and the squares and tall strips in between. */
const CANVASES = [
  [360, 640],
  [375, 420],
  [600, 600],
  [1280, 694],
  [1920, 1080],
  [2560, 1080],
] as const;

const area = (): ScreenRect => ({ x: 0, y: 0, width: 0, height: 0 });

/** Project a point at camera-space (x, y, -z) through a camera whose view is offset like the rig's. */
function toScreen(width: number, height: number, offset: [number, number], x: number, y: number, z: number) {
  const f = focalPx(FOV, height);
  return [width / 2 + (f * x) / z - offset[0], height / 2 - (f * y) / z - offset[1]] as const;
}

describe('framing a subject', () => {
  for (const [width, height] of CANVASES) {
    for (const fluoro of ['none', 'lateral'] as const) {
      it(`${width}×${height}, X-ray inset ${fluoro === 'none' ? 'off' : 'on'}: fits, centred, clear of the inset`, () => {
        const panels: FluoroPanel[] = [];
        const free = freeArea(width, height, { fluoro, cure: false }, panels, area());
        const radius = 40;
        const fill = 0.66;
        const distance = framingDistance(radius, FOV, height, free, fill);
        const offset = centringOffset(width, height, free);
        // The subject's centre lands in the middle of the free area.
        const [cx, cy] = toScreen(width, height, offset, 0, 0, distance);
        expect(cx).toBeCloseTo(free.x + free.width / 2, 6);
        expect(cy).toBeCloseTo(free.y + free.height / 2, 6);
        // Its silhouette spans the asked share of the smaller side: inside the area both ways.
        const r = projectedRadiusPx(radius, distance, FOV, height);
        expect(2 * r).toBeCloseTo(fill * Math.min(free.width, free.height), 6);
        expect(cx - r).toBeGreaterThanOrEqual(free.x);
        expect(cx + r).toBeLessThanOrEqual(free.x + free.width);
        expect(cy - r).toBeGreaterThanOrEqual(free.y);
        expect(cy + r).toBeLessThanOrEqual(free.y + free.height);
        // The free area never overlaps the inset.
        const inset = panels[0];
        if (fluoro === 'none') expect(panels.length).toBe(0);
        else {
          expect(inset).toBeDefined();
          const apart = free.x + free.width <= inset!.x || free.y + free.height <= inset!.y;
          expect(apart).toBe(true);
        }
      });
    }
  }

  it('keeps clear of the cure indicator at the top while the cement hardens', () => {
    const free = freeArea(1280, 694, { fluoro: 'lateral', cure: true }, [], area());
    expect(free.y).toBeGreaterThanOrEqual(118);
  });

  it('a taller subject or a smaller share puts the camera further away', () => {
    const free = freeArea(1280, 694, { fluoro: 'none', cure: false }, [], area());
    expect(framingDistance(60, FOV, 694, free, 0.66)).toBeGreaterThan(
      framingDistance(30, FOV, 694, free, 0.66),
    );
    expect(framingDistance(30, FOV, 694, free, 0.5)).toBeGreaterThan(
      framingDistance(30, FOV, 694, free, 0.7),
    );
  });
});

describe('every step has a shot', () => {
  const sphere: SubjectSphere = { centre: [0, 0, 0], radius: 1 };
  for (const procedure of [KYPHOPLASTY, VERTEBROPLASTY]) {
    it(`${procedure.id}: each step names a subject and a framing, and neighbours differ`, () => {
      for (const step of procedure.steps) {
        expect(CAMERA_SHOTS[step.camera], step.id).toBeDefined();
        const shot = CAMERA_SHOTS[step.camera];
        expect(shot.fill).toBeGreaterThanOrEqual(0.55);
        expect(shot.fill).toBeLessThanOrEqual(0.8);
      }
      for (let i = 1; i < procedure.steps.length; i++) {
        const a = procedure.steps[i - 1]!;
        const b = procedure.steps[i]!;
        // A different subject, or the same subject from a clearly different direction (over 12°).
        const da = CAMERA_SHOTS[a.camera].direction;
        const db = CAMERA_SHOTS[b.camera].direction;
        const cos = (da[0] * db[0] + da[1] * db[1] + da[2] * db[2]) / (Math.hypot(...da) * Math.hypot(...db));
        const angle = (Math.acos(Math.min(1, cos)) * 180) / Math.PI;
        expect(a.subject !== b.subject || angle > 12, `${a.id} → ${b.id}`).toBe(true);
      }
    });
  }

  it('subjects have a sensible size at every level', () => {
    for (const level of LEVEL_IDS) {
      expect(subjectSphere('body-interior', level, sphere).radius).toBeGreaterThan(12);
      expect(subjectSphere('body-interior', level, sphere).radius).toBeLessThan(45);
      expect(subjectSphere('vertebra', level, sphere).radius).toBeGreaterThan(
        subjectSphere('body-interior', level, sphere).radius,
      );
      expect(subjectSphere('patient', level, sphere).radius).toBeGreaterThan(300);
    }
  });

  it("the result's subject is the closed body: centred on it and holding all of it", () => {
    for (const level of LEVEL_IDS) {
      const d = levelDimensions(level);
      const { centre, radius } = subjectSphere('vertebra', level, sphere);
      // No more than a quarter of the body's depth behind its middle (centred on the whole vertebra, it was half).
      expect(Math.abs(centre[1]), level).toBeLessThan(d.endplateDepthMm / 4);
      expect(centre[0]).toBe(0);
      expect(centre[2]).toBe(0);
      // The body's sagittal outline (front to back, endplate to endplate) fits inside.
      const front = Math.hypot(d.endplateDepthMm / 2 + centre[1], d.bodyHeightAnteriorMm / 2);
      expect(radius, level).toBeGreaterThan(front);
    }
  });
});

describe('compare sides: a closer, centred framing', () => {
  it('keeps the heading bands clear, centres the subject and frames it larger than the main view would', () => {
    const area: ScreenRect = { x: 0, y: 0, width: 1, height: 1 };
    const sphere: SubjectSphere = { centre: [0, 0, 0], radius: 1 };
    // A phone's stacked side, a laptop's and a wall's side-by-side halves.
    for (const [width, height] of [
      [363, 235],
      [436, 528],
      [668, 827],
    ] as const) {
      compareArea(width, height, area);
      expect(area.y).toBe(COMPARE_BAND_PX);
      expect(area.y + area.height).toBe(height - COMPARE_BAND_PX);
      expect(centringOffset(width, height, area)).toEqual([0, 0]);
      for (const step of KYPHOPLASTY.steps) {
        const shot = CAMERA_SHOTS[step.camera];
        subjectSphere(step.subject, 'L1', sphere);
        const fill = Math.max(shot.fill, COMPARE_FILL);
        const distance = framingDistance(sphere.radius, FOV, height, area, fill);
        const radiusPx = projectedRadiusPx(sphere.radius, distance, FOV, height);
        // At least a quarter of the side's short side, and inside the area between the bands.
        expect(radiusPx, `${step.id} ${width}x${height}`).toBeGreaterThanOrEqual(
          0.25 * Math.min(width, height),
        );
        expect(radiusPx).toBeLessThanOrEqual(Math.min(area.width, area.height) / 2 + 0.5);
      }
    }
  });
});
