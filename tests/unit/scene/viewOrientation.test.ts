import { Plane, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { LEVEL_IDS, type LevelId } from '../../../src/anatomy/levels';
import { timelineFor } from '../../../src/procedure';
import { accessPlan } from '../../../src/procedure/accessPath';
import {
  createBoneSurfaceMaterial,
  createScanBoneMaterial,
  createTreatedBoneMaterial,
} from '../../../src/scene/boneMaterial';
import { CAMERA_SHOTS, subjectSphere } from '../../../src/scene/cameraPoses';
import { CAMERA_FOV_DEG, framingDistance } from '../../../src/scene/shotFraming';
import { createFocusUniform } from '../../../src/scene/focusGlsl';
import { compiled } from './support/compiledShader';
import { stepMoments } from '../support/stepMoments';

describe('the 3D close-ups and the X-ray inset beside them share their orientation', () => {
  for (const procedure of ['kyphoplasty', 'vertebroplasty'] as const) {
    it(`${procedure}: every step that shows the lateral X-ray is seen from the patient's left with the head up`, () => {
      const lateralSteps = timelineFor(procedure).steps.filter((s) => s.definition.fluoro === 'lateral');
      expect(lateralSteps.length).toBeGreaterThan(0);
      for (const { definition } of lateralSteps) {
        const shot = CAMERA_SHOTS[definition.camera];
        // The inset is shown as seen from the patient's left (+X): front on the left, head up.
        expect(shot.up, definition.id).toEqual([0, 0, 1]);
        expect(shot.direction[0], definition.id).toBeGreaterThan(Math.abs(shot.direction[2]));
      }
    });
  }

  it("at each step's picture (70 % through), an X-ray inset shows the view the 3D camera shares", () => {
    for (const { procedure, step, state } of stepMoments(0.7)) {
      if (step.definition.fluoro === 'none') continue;
      const { direction, up } = CAMERA_SHOTS[step.definition.camera];
      const [x, y] = direction;
      // From the side (the patient's left) the inset is lateral; from behind it is AP.
      const shared = Math.abs(x) > Math.abs(y) ? 'lateral' : 'ap';
      expect(state.fluoroView, `${procedure} ${step.definition.id}`).toBe(shared);
      if (shared === 'ap') {
        // The AP inset shows the patient from behind, head up, the patient's left (+X) on the left: the 3D
        // picture's right (the view direction crossed with its up) points to the patient's right (−X), and its
        // up has the head's side (+Z) in it.
        const right = new Vector3(...direction).negate().cross(new Vector3(...up));
        expect(right.x, `${procedure} ${step.definition.id}`).toBeLessThan(0);
        const screenUp = right.clone().cross(new Vector3(...direction).negate());
        expect(screenUp.z, `${procedure} ${step.definition.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('the AP steps look down on the back with the head up (the inset shows the patient from behind)', () => {
    const apSteps = timelineFor('kyphoplasty').steps.filter((s) => s.definition.fluoro === 'ap');
    for (const { definition } of apSteps)
      expect(CAMERA_SHOTS[definition.camera].direction[1]).toBeGreaterThan(0);
  });
});

describe('the needles in the pedicles and the cement in the body show through a whole vertebra', () => {
  it('the cut is closed and the vertebra see-through at access and at the result, only there', () => {
    for (const { step, state: s } of stepMoments(0.9)) {
      if (step.definition.id === 'result' || step.definition.id === 'access') {
        expect(s.seeThrough).toBe(1);
        expect(s.insideView).toBe(0);
      } else expect(s.seeThrough, step.definition.id).toBe(0);
      // The arch only where the needles run inside it: at the result a see-through arch read as bone fading away.
      expect(s.archSeeThrough, step.definition.id).toBe(step.definition.id === 'access' ? 1 : 0);
    }
  });
});

describe('near bones that hide the subject are cut away', () => {
  it('the untreated bone material discards fragments between the camera and the focus when given one', () => {
    const focus = createFocusUniform();
    const withFocus = compiled(createBoneSurfaceMaterial(focus));
    expect(withFocus.uniforms.uFocus).toBe(focus);
    expect(withFocus.vertex).toContain('vFocusWorld = (modelMatrix * vec4(transformed, 1.0)).xyz;');
    // The test runs right after clipping, before any shading work.
    const fragment = withFocus.fragment;
    expect(fragment.indexOf('if (spvInside > spvThreshold) discard;')).toBeGreaterThan(
      fragment.indexOf('#include <clipping_planes_fragment>'),
    );
    expect(fragment.indexOf('if (spvInside > spvThreshold) discard;')).toBeLessThan(
      fragment.indexOf('#include <color_fragment>') === -1
        ? Infinity
        : fragment.indexOf('#include <color_fragment>'),
    );
  });

  it('the treated vertebra and a bone without a focus are never cut this way', () => {
    // A bone given no focus shares the focused bones' program with a focus of its own that cuts nothing.
    const plain = compiled(createBoneSurfaceMaterial()).uniforms.uFocus as { value: { w: number } };
    expect(plain.value.w).toBe(0);
    expect(compiled(createBoneSurfaceMaterial()).uniforms.uFocus).not.toBe(plain);
    // A patient's scan has its own plain program: its back faces are the cortex seen through the cut, not a section.
    expect(compiled(createScanBoneMaterial(new Plane(new Vector3(-1, 0, 0), 0))).fragment).not.toContain(
      'uFocus',
    );
    const treated = createTreatedBoneMaterial({ fracture: true, clip: new Plane(new Vector3(-1, 0, 0), 0) });
    expect(compiled(treated.material).fragment).not.toContain('uFocus');
  });
});

describe('at access each needle shows its own way in', () => {
  /**
   * A world point's place on the access picture, in millimetres at the subject's distance: the guided camera's
   * perspective (its field of view, the subject sphere framed at the shot's fill on a square canvas).
   */
  const onScreen = (level: LevelId) => {
    const { direction, up, fill } = CAMERA_SHOTS.access;
    const sphere = subjectSphere('pedicles', level, { centre: [0, 0, 0], radius: 0 });
    const distance = framingDistance(
      sphere.radius,
      CAMERA_FOV_DEG,
      800,
      { x: 0, y: 0, width: 800, height: 800 },
      fill,
    );
    const back = new Vector3(...direction).normalize();
    const eye = new Vector3(...sphere.centre).addScaledVector(back, distance);
    const right = new Vector3(...up).cross(back).normalize();
    const screenUp = back.clone().cross(right);
    return (p: Vector3): [number, number] => {
      const v = p.clone().sub(eye);
      const scale = distance / -v.dot(back);
      return [v.dot(right) * scale, v.dot(screenUp) * scale];
    };
  };
  /** How far a screen point lies from the screen line through a needle (its first and last sample). */
  const offLine = (line: [number, number][], [px, py]: [number, number]) => {
    const [ax, ay] = line[0]!;
    const [bx, by] = line[line.length - 1]!;
    return Math.abs((bx - ax) * (py - ay) - (by - ay) * (px - ax)) / Math.hypot(bx - ax, by - ay);
  };

  it('the two needles, mirror images about the midline, never lie one over the other on screen', () => {
    for (const level of LEVEL_IDS) {
      const plan = accessPlan(level, 'bipedicular');
      if (plan.needles.length !== 2) continue;
      const project = onScreen(level);
      // Each needle from the bone's surface to the posterior wall, the part that runs in the pedicle (vertebra
      // frame: x left, y cranial, z anterior; world: x left, y posterior, z cranial).
      const [left, right] = plan.needles.map((n) =>
        Array.from({ length: 21 }, (_, i) => {
          const depth = (n.posteriorWallDepthMm * i) / 20;
          const [x, y, z] = n.entry.map((e, k) => e + n.direction[k]! * depth);
          return project(new Vector3(x, -z!, y));
        }),
      );
      // Where each runs in its pedicle it lies clear of the other's line by more than two needles' widths: two
      // rods, not one (seen from straight beside the patient they lie along one line).
      const width = Math.max(...plan.needles.map((n) => n.workingCannulaMm));
      const apart = Math.min(offLine(left!, right![10]!), offLine(right!, left![10]!));
      expect(apart, level).toBeGreaterThan(2 * width);
    }
  });
});
