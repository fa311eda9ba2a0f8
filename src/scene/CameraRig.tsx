import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type ComponentRef } from 'react';
import { PerspectiveCamera, Vector3 } from 'three';
import { MAX_DISTANCE, MIN_DISTANCE, nudgeCamera, orbitOf, orbitScratch } from './cameraNudge';
import type { FluoroPanel } from '../fluoro/fluoroLayout';
import type { TimedStep } from '../procedure/types';
import { useActiveLevel, useController, useSettings, useTreatedLevels } from '../playback/react/viewerHooks';
import { CAMERA_SHOTS, subjectSphere, type SubjectSphere } from './cameraPoses';
import {
  compareArea,
  COMPARE_FILL,
  centringOffset,
  framingDistance,
  freeArea,
  projectedRadiusPx,
  type ScreenRect,
} from './shotFraming';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';
import { useQuietGuidedControls } from './useQuietGuidedControls';
import { includeLeak } from './leakFraming';
import { includeOtherLevels, otherLevelOffsets } from './levelsFraming';

/** One step's framing on the current canvas. */
interface Framing {
  target: Vector3;
  direction: Vector3;
  up: Vector3;
  distance: number;
  radius: number;
  offset: [number, number];
}

const newFraming = (): Framing => ({
  target: new Vector3(),
  direction: new Vector3(),
  up: new Vector3(),
  distance: 1,
  radius: 1,
  offset: [0, 0],
});

/**
 * Guided camera: each step frames its subject (a bounding sphere) from its shot's direction, at the distance
 * where it fills a fixed share of the canvas part no overlay covers, centred there by a view offset — so the
 * subject stays large and central from a phone held upright to a wall screen, clear of the X-ray inset. Across a
 * step boundary the two framings blend by the timeline's camera blend (scrubbing is exact); reduced motion cuts.
 * A compare side, half the room and with no overlay panel, frames its subject closer and at its centre (compareArea).
 * The user may orbit at any time; that switches to free mode until "follow the procedure" is chosen. The camera
 * never changes the timeline state.
 */
export function CameraRig() {
  const controller = useController();
  const { view, procedure } = useSettings();
  const compare = view === 'compare';
  // The level the moment works on: the camera frames it (the world is centred on it; see SpineScene).
  const { options: active } = useActiveLevel();
  const { level, grade, morphology, approach } = active;
  const complication = active.complication ?? 'none';
  const treated = useTreatedLevels();
  const others = useMemo(
    () =>
      otherLevelOffsets(
        level,
        treated.map((o) => o.level),
      ),
    [level, treated],
  );
  const controls = useRef<ComponentRef<typeof OrbitControls>>(null);
  useQuietGuidedControls(controls, controller);
  const camera = useThree((s) => s.camera);
  const reducedMotion = usePrefersReducedMotion();
  const scratch = useMemo(
    () => ({
      from: newFraming(),
      to: newFraming(),
      sphere: { centre: [0, 0, 0], radius: 1 } as SubjectSphere,
      other: { centre: [0, 0, 0], radius: 1 } as SubjectSphere,
      area: { x: 0, y: 0, width: 1, height: 1 } as ScreenRect,
      panels: [] as FluoroPanel[],
      target: new Vector3(),
      direction: new Vector3(),
      projected: new Vector3(),
      ...orbitScratch(),
    }),
    [],
  );

  // Keys and buttons turn, zoom and reset the view through the controller (the same free mode a drag starts).
  useEffect(() => {
    const commands = controller.renderer.camera;
    commands.attach((nudge) => {
      if (nudge === 'reset') {
        controller.updateSettings({ cameraMode: 'guided' });
      } else if (controls.current) {
        if (controller.getSettings().cameraMode !== 'free') controller.updateSettings({ cameraMode: 'free' });
        nudgeCamera(camera, controls.current.target, nudge, scratch);
        controls.current.update();
      }
      controller.requestFrame();
    });
    return () => commands.attach(null);
  }, [controller, camera, scratch]);

  useFrame(({ size }) => {
    // Read now, not from the render: a key may have switched to free mode since this callback was made.
    if (controller.getSettings().cameraMode !== 'guided' || !(camera instanceof PerspectiveCamera)) return;
    const s = controller.state;
    const steps = controller.getTimeline().steps;
    const step = steps[s.stepIndex];
    const previous = steps[Math.max(0, s.stepIndex - 1)] ?? step;
    if (!step || !previous) return;
    const frame = (timed: TimedStep, out: Framing) => {
      const definition = timed.definition;
      const shot = CAMERA_SHOTS[definition.camera];
      subjectSphere(definition.subject, level, scratch.sphere);
      // A shared step of a several-level session frames every treated bone (the overview, the result).
      if (timed.level === null) includeOtherLevels(scratch.sphere, definition.subject, others, scratch.other);
      includeLeak(
        scratch.sphere,
        definition,
        { level, grade, morphology, approach },
        procedure,
        complication,
      );
      // A compare side is small and has no overlay panel over it: its own, closer framing (compareArea).
      if (compare) compareArea(size.width, size.height, scratch.area);
      else
        freeArea(
          size.width,
          size.height,
          { fluoro: view === '3d' ? definition.fluoro : 'none', cure: definition.channels.includes('cure') },
          scratch.panels,
          scratch.area,
        );
      out.target.fromArray(scratch.sphere.centre);
      out.direction.fromArray(shot.direction).normalize();
      out.up.fromArray(shot.up);
      out.radius = scratch.sphere.radius;
      const fill = compare ? Math.max(shot.fill, COMPARE_FILL) : shot.fill;
      out.distance = framingDistance(out.radius, camera.fov, size.height, scratch.area, fill);
      out.offset = centringOffset(size.width, size.height, scratch.area);
    };
    const a = scratch.from;
    const b = scratch.to;
    frame(previous, a);
    frame(step, b);
    const k = reducedMotion ? 1 : s.cameraBlend;
    // Direction and distance blend separately (log distance), so a move between shots swings around the subject
    // instead of cutting through it, and a zoom from the room to the bone feels even.
    const target = scratch.target.lerpVectors(a.target, b.target, k);
    const direction = scratch.direction.lerpVectors(a.direction, b.direction, k).normalize();
    const distance = Math.exp(Math.log(a.distance) + (Math.log(b.distance) - Math.log(a.distance)) * k);
    camera.up.lerpVectors(a.up, b.up, k).normalize();
    camera.position.copy(target).addScaledVector(direction, distance);
    camera.lookAt(target);
    camera.setViewOffset(
      size.width,
      size.height,
      a.offset[0] + (b.offset[0] - a.offset[0]) * k,
      a.offset[1] + (b.offset[1] - a.offset[1]) * k,
      size.width,
      size.height,
    );
    camera.updateMatrixWorld();
    if (controls.current) controls.current.target.copy(target);

    // Where the subject lands on the canvas, for diagnostics (CSS pixels from the top-left).
    const p = scratch.projected.copy(target).project(camera);
    const subject = controller.renderer.frameStats.subject;
    subject.x = (p.x * 0.5 + 0.5) * size.width;
    subject.y = (0.5 - p.y * 0.5) * size.height;
    subject.radius = projectedRadiusPx(
      a.radius + (b.radius - a.radius) * k,
      distance,
      camera.fov,
      size.height,
    );
  });

  // The pose as drawn, for diagnostics: in place, every frame, after the guided camera (registered after it, so it
  // runs after it) or the controls moved it.
  useFrame(() => {
    if (!controls.current) return;
    const pose = controller.renderer.camera.pose;
    const spherical = orbitOf(camera, controls.current.target, scratch);
    pose.azimuth = spherical.theta;
    pose.polar = spherical.phi;
    pose.distance = spherical.radius;
  });

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping={false}
      minDistance={MIN_DISTANCE}
      maxDistance={MAX_DISTANCE}
    />
  );
}
