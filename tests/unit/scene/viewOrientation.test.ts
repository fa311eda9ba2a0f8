import { Plane, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { timelineFor } from '../../../src/procedure';
import {
  createBoneSurfaceMaterial,
  createScanBoneMaterial,
  createTreatedBoneMaterial,
} from '../../../src/scene/boneMaterial';
import { CAMERA_SHOTS } from '../../../src/scene/cameraPoses';
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

describe('the needles cut across at access, the cement in a whole see-through vertebra at the result', () => {
  it('the cut runs across the spine at access only, the body see-through at the result only', () => {
    for (const { step, state: s } of stepMoments(0.9)) {
      const id = step.definition.id;
      expect(s.axialCut, id).toBe(id === 'access' ? 1 : 0);
      expect(s.seeThrough, id).toBe(id === 'result' ? 1 : 0);
      if (id === 'access' || id === 'result') expect(s.insideView, id).toBe(0);
    }
  });

  it('access is seen from the feet along the spine, the back up, onto the section that faces them', () => {
    const { direction, up } = CAMERA_SHOTS.access;
    const d = new Vector3(...direction).normalize();
    // Mostly along the spine from the feet, a little above the back, not from either side.
    expect(d.z).toBeLessThan(-0.9);
    expect(d.y).toBeGreaterThan(0);
    expect(d.x).toBe(0);
    expect(up).toEqual([0, 1, 0]);
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

  it('a context bone left out whole is decided per vertex; the fragment stage only reads the result', () => {
    const { vertex, fragment } = compiled(createBoneSurfaceMaterial(createFocusUniform()));
    expect(vertex).toContain('uFocusHidden[spvPart]');
    expect(fragment).not.toContain('uFocusHidden');
    expect(fragment.indexOf('if (vFocusHidden > 0.5) discard;')).toBeGreaterThan(
      fragment.indexOf('#include <clipping_planes_fragment>'),
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
