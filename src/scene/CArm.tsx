import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BoxGeometry, CylinderGeometry, Group, MeshStandardMaterial, TorusGeometry } from 'three';
import { C_ARM } from '../fluoro/cArmGeometry';
import { useController } from '../playback/react/viewerHooks';

const ARC_CENTRE_Y = (C_ARM.sourceToDetectorMm - 2 * C_ARM.sourceToIsocentreMm) / 2;
const ARC_RADIUS = C_ARM.sourceToDetectorMm / 2;
const DEG = Math.PI / 180;

/**
 * The C-arm around the prone patient: X-ray source under the table, image intensifier above, turning about the
 * patient's long axis between AP and lateral. Shown while the step uses fluoroscopy; never on the X-ray itself.
 */
export function CArm() {
  const controller = useController();
  const group = useRef<Group>(null);
  const parts = useMemo(() => {
    const material = new MeshStandardMaterial({
      color: '#dfe4ea',
      roughness: 0.55,
      transparent: true,
      opacity: 0.55,
    });
    const accent = new MeshStandardMaterial({
      color: '#9aa7b4',
      roughness: 0.5,
      transparent: true,
      opacity: 0.6,
    });
    // Half circle through the patient's left side, joining source and detector.
    const arc = new TorusGeometry(ARC_RADIUS, 32, 12, 48, Math.PI)
      .rotateZ(-Math.PI / 2)
      .translate(0, ARC_CENTRE_Y, 0);
    const source = new BoxGeometry(200, 150, 200).translate(0, -C_ARM.sourceToIsocentreMm - 40, 0);
    const detectorFace = C_ARM.sourceToDetectorMm - C_ARM.sourceToIsocentreMm;
    const detector = new CylinderGeometry(150, 150, 110, 40).translate(0, detectorFace + 55, 0);
    return { material, accent, arc, source, detector };
  }, []);
  useEffect(
    () => () => {
      for (const g of [parts.arc, parts.source, parts.detector]) g.dispose();
      parts.material.dispose();
      parts.accent.dispose();
    },
    [parts],
  );
  useFrame(() => {
    const g = group.current;
    if (!g) return;
    const s = controller.state;
    // Shown in the room views; close-ups inside the bone would only see a grey arc.
    g.visible = s.fluoroView !== 'none' && s.camera !== 'inside' && s.camera !== 'lateral';
    g.rotation.z = -s.cArmAngleDeg * DEG;
  });
  return (
    <group ref={group}>
      <mesh geometry={parts.arc} material={parts.material} />
      <mesh geometry={parts.source} material={parts.accent} />
      <mesh geometry={parts.detector} material={parts.accent} />
    </group>
  );
}
