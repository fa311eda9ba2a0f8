import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BoxGeometry, CylinderGeometry, Group, MeshStandardMaterial, TorusGeometry, Vector3 } from 'three';
import type { Detector } from '../options/optionValues';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { C_ARM_SHAPE, CLOSE_UP_MM, createSightCheck, ROOM_VIEW_MM, standBounds } from './cArm/cArmLayout';
import { receptorGeometry } from './cArm/cArmReceptor';
import { merged } from './instruments/instrumentGeometry';
import { palette } from './palette';
import { patientBody, tableToWorld } from './patient/bodyShape';

const DEG = Math.PI / 180;

/** The orbiting part: the C, the X-ray tube under the table (AP) and the image receptor above the back. */
function orbitGeometry(detector: Detector) {
  const s = C_ARM_SHAPE;
  // Half circle from the bottom, through the patient's right, to the top; deeper along Z than it is thick.
  const arc = new TorusGeometry(s.arcRadiusMm, s.arcThicknessMm / 2, 10, 48, Math.PI)
    .rotateZ(Math.PI / 2)
    .scale(1, 1, s.arcDepthMm / s.arcThicknessMm);
  const [tb, tw, tz] = s.tubeSize;
  const tube = new BoxGeometry(tw, tb, tz).translate(0, -s.tubeCentreMm, 0);
  // The collimator: a short cone from the tube towards the patient.
  const collimator = new CylinderGeometry(45, 80, 60, 24).translate(0, -s.tubeCentreMm + tb / 2 + 30, 0);
  const { housing, rim } = receptorGeometry(detector);
  const strutLength = s.arcRadiusMm - (s.detectorFaceMm + s.detectorSize[1]);
  const strut = new CylinderGeometry(50, 58, strutLength, 20).translate(
    0,
    s.arcRadiusMm - strutLength / 2,
    0,
  );
  return { frame: merged([arc, strut, housing]), tube: merged([tube, collimator]), detector: rim };
}

/** The stand on the patient's right: wheeled base, column, horizontal arm and the collar holding the C. */
function standGeometry(floorY: number) {
  const s = C_ARM_SHAPE;
  const [bw, bh, bd] = s.baseSize;
  const base = new BoxGeometry(bw, bh, bd).translate(s.columnX - 60, floorY + bh / 2 + 30, 0);
  const wheels = [-1, 1].flatMap((zs) =>
    [-1, 1].map((xs) =>
      new CylinderGeometry(30, 30, 24, 16)
        .rotateZ(Math.PI / 2)
        .translate(s.columnX - 60 + xs * (bw / 2 - 50), floorY + 30, zs * (bd / 2 - 60)),
    ),
  );
  const columnHeight = 80 - (floorY + bh + 30);
  const column = new BoxGeometry(180, columnHeight, 220).translate(
    s.columnX,
    floorY + bh + 30 + columnHeight / 2,
    0,
  );
  const armLength = s.collarX - s.columnX - 40;
  const arm = new BoxGeometry(armLength, 110, 130).translate(s.columnX + armLength / 2, 0, 0);
  const collar = new BoxGeometry(110, 190, 190).translate(s.collarX - 70, 0, 0);
  return merged([base, ...wheels, column, arm, collar]);
}

/**
 * The C-arm beside the prone patient: a C-shaped arc joining the X-ray tube and the image receptor, held by a
 * stand on the patient's right. It turns about the patient's long axis between AP and lateral as the X-ray
 * views are taken; the stand stands on the floor (tilted with the table in the treated level's frame). Shown
 * while the step uses fluoroscopy; never on the X-ray itself.
 */
export function CArm() {
  const controller = useController();
  const { level, detector } = useSettings();
  const group = useRef<Group>(null);
  const orbit = useRef<Group>(null);
  const body = patientBody(level);
  const materials = useMemo(
    () => ({
      shell: new MeshStandardMaterial({ color: palette.cArm, roughness: 0.45, metalness: 0.05 }),
      accent: new MeshStandardMaterial({ color: palette.cArmAccent, roughness: 0.5, metalness: 0.1 }),
    }),
    [],
  );
  const parts = useMemo(() => orbitGeometry(detector), [detector]);
  const stand = useMemo(() => standGeometry(body.tableTopY - 820), [body]);
  const camera = useThree((s) => s.camera);
  const sight = useMemo(() => {
    const bounds = standBounds(body.tableTopY - 820).map((b) => ({
      centre: tableToWorld(body, b.centre, [0, 0, 0]) as [number, number, number],
      radius: b.radius,
    }));
    return { blocks: createSightCheck(bounds), eye: [0, 0, 0], target: [0, 0, 0], scratch: new Vector3() };
  }, [body]);
  // Apart: a change of detector replaces the geometry only, and the materials (and their programs) stay.
  useEffect(() => () => Object.values(parts).forEach((g) => g.dispose()), [parts]);
  useEffect(
    () => () => {
      materials.shell.dispose();
      materials.accent.dispose();
    },
    [materials],
  );
  useEffect(() => () => stand.dispose(), [stand]);
  useFrame(() => {
    const g = group.current;
    if (!g) return;
    const s = controller.state;
    // Shown while X-ray views are taken, and only when no part of it comes between the eye and the treated
    // level (the close-ups from the patient's left would otherwise look through the detector).
    camera.getWorldPosition(sight.scratch);
    sight.eye[0] = sight.scratch.x;
    sight.eye[1] = sight.scratch.y;
    sight.eye[2] = sight.scratch.z;
    // Close-ups of the bone leave it out altogether: there it would only be clutter behind the subject.
    const distance = sight.scratch.length();
    // A room view shows the machine at work: there it stays in the picture, even where it passes in front of the
    // treated level while it swings between views (hiding it then made it blink out and back).
    const inRoom = distance > ROOM_VIEW_MM;
    g.visible =
      s.fluoroView !== 'none' &&
      distance >= CLOSE_UP_MM &&
      (inRoom || !sight.blocks(s.cArmAngleDeg, sight.eye, sight.target));
    if (orbit.current) orbit.current.rotation.z = -s.cArmAngleDeg * DEG;
  });
  return (
    <group ref={group}>
      <group ref={orbit}>
        <mesh geometry={parts.frame} material={materials.shell} />
        <mesh geometry={parts.tube} material={materials.accent} />
        <mesh geometry={parts.detector} material={materials.accent} />
      </group>
      <group rotation-x={body.tiltRad}>
        <mesh geometry={stand} material={materials.shell} />
      </group>
    </group>
  );
}
