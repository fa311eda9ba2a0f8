import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { CylinderGeometry, type Group } from 'three';
import { duralSac } from '../anatomy/duralSac';
import type { LevelId } from '../anatomy/levels';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { cutsAcross } from './cutaway';
import { createDuralSacMaterial, sacSection } from './duralSacMaterial';
import { useSceneResources } from './useSceneResources';

/** DuralSacProps: the treated level, whose canal the sac runs through. */
export interface DuralSacProps {
  level: LevelId;
}

/**
 * The dural sac in the treated vertebra's canal, and down to L1 the spinal cord's section in it (below, the nerve
 * roots'), drawn while the cut across the spine is open (access): the section shows what the needles' course
 * through the pedicles keeps clear of (with the canal empty, the pedicle's medial wall protected nothing a viewer
 * could see). The side views leave it out: seen through the foramina beside the cut pedicle, just behind the
 * plane of the needle, it read as lying in that plane, the needle crossing the canal (a blind review), and it drew
 * the eye from the instruments. No X-ray material: soft tissue adds nothing fluoroscopy shows.
 */
export function DuralSac({ level }: DuralSacProps) {
  const controller = useController();
  const { cutaway: enabled } = useSettings();
  const { cutaway } = useSceneResources();
  const group = useRef<Group>(null);
  const shape = duralSac(level);
  // A unit-diameter cylinder along y, scaled to the sac's ellipse and length.
  const geometry = useMemo(() => new CylinderGeometry(0.5, 0.5, 1, 40, 1), []);
  const material = useMemo(
    () => createDuralSacMaterial(cutaway.plane, sacSection(duralSac(level))),
    [cutaway, level],
  );
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);
  useFrame(() => {
    const s = controller.state;
    if (group.current) group.current.visible = enabled && cutsAcross(s);
  });
  return (
    <group
      ref={group}
      position={[0, shape.centerY, shape.centerZ]}
      scale={[shape.widthMm, shape.lengthMm, shape.depthMm]}
      visible={false}
    >
      <mesh geometry={geometry} material={material} />
    </group>
  );
}
