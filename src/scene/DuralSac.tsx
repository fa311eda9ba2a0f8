import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { CylinderGeometry, Vector2, type Group } from 'three';
import { duralSac } from '../anatomy/duralSac';
import type { LevelId } from '../anatomy/levels';
import { useController, useSettings } from '../playback/react/viewerHooks';
import type { Complication } from '../procedure/types';
import { cutOpen, cutsAcross } from './cutaway';
import { cordRadii, createDuralSacMaterials } from './duralSacMaterial';
import { useSceneResources } from './useSceneResources';

/** DuralSacProps: the treated level, whose canal the sac runs through. */
export interface DuralSacProps {
  level: LevelId;
}

/** The leaks that reach the nerves: into the canal in front of the sac, and out by a nerve root's foramen. */
const NEAR_THE_NERVES: readonly Complication[] = ['epidural', 'foraminal'];

/**
 * The dural sac in the treated vertebra's canal, and down to L1 the spinal cord's section in it. Drawn while the
 * cut across the spine is open (access), where the section shows what the needles' course through the pedicles
 * keeps clear of (with the canal empty, the pedicle's medial wall protected nothing a viewer could see); and, with
 * the cut along the needle open, once cement leaks towards the nerves, where it shows through the foramina beside
 * the leak ("near the nerves", the caption says). Otherwise the side views leave it out: glimpsed through the
 * foramina it drew the eye from the instruments. No X-ray material: soft tissue adds nothing fluoroscopy shows.
 */
export function DuralSac({ level }: DuralSacProps) {
  const controller = useController();
  const { cutaway: enabled } = useSettings();
  const { cutaway } = useSceneResources();
  const group = useRef<Group>(null);
  const shape = duralSac(level);
  // A unit-diameter cylinder along y, scaled to the sac's ellipse and length.
  const geometry = useMemo(() => new CylinderGeometry(0.5, 0.5, 1, 40, 1), []);
  const cord = useMemo(() => new Vector2(), []);
  cordRadii(shape, shape.cord, cord);
  const materials = useMemo(() => createDuralSacMaterials(cutaway.plane, cord), [cutaway, cord]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(
    () => () => {
      materials.surface.dispose();
      materials.section.dispose();
    },
    [materials],
  );
  useFrame(() => {
    const s = controller.state;
    const leakNearTheNerves = NEAR_THE_NERVES.includes(s.complication) && s.leakVolumeMl > 0;
    if (group.current)
      group.current.visible = cutsAcross(s) ? enabled : leakNearTheNerves && cutOpen(s, enabled);
  });
  return (
    <group
      ref={group}
      position={[0, shape.centerY, shape.centerZ]}
      scale={[shape.widthMm, shape.lengthMm, shape.depthMm]}
      visible={false}
    >
      <mesh geometry={geometry} material={materials.surface} />
      <mesh geometry={geometry} material={materials.section} />
    </group>
  );
}
