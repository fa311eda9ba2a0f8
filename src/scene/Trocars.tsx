import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BoxGeometry, ConeGeometry, CylinderGeometry, Group, Quaternion, Vector3 } from 'three';
import { TROCAR_LENGTH_MM, tipAt, type AccessPlan } from '../procedure/accessPath';
import { useController } from '../playback/react/viewerHooks';
import { fluoroMaterials } from './fluoroMaterials';
import { sharedMaterials } from './materials';

/** TrocarsProps: the access plan whose needles to draw (in the treated level's local frame). */
export interface TrocarsProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
}

const UP = new Vector3(0, 1, 0);
const tip: [number, number, number] = [0, 0, 0];

/** 11/13-gauge trocars at true scale, tip at the state's cannula depth along each planned path. */
export function Trocars({ plan }: TrocarsProps) {
  const controller = useController();
  const groups = useRef<(Group | null)[]>([]);
  const materials = sharedMaterials();
  const parts = useMemo(
    () =>
      plan.needles.map((needle) => {
        const r = needle.outerDiameterMm / 2;
        // Local +Y is the direction of advance; the tip sits at the origin and the shaft trails behind it.
        const shaft = new CylinderGeometry(r, r, TROCAR_LENGTH_MM - 4, 20).translate(
          0,
          -(TROCAR_LENGTH_MM - 4) / 2 - 4,
          0,
        );
        const bevel = new ConeGeometry(r, 4, 20).translate(0, -2, 0);
        const handle = new BoxGeometry(34, 12, 14).translate(0, -TROCAR_LENGTH_MM - 6, 0);
        const orientation = new Quaternion().setFromUnitVectors(UP, new Vector3(...needle.direction));
        return { needle, shaft, bevel, handle, orientation };
      }),
    [plan],
  );

  useEffect(
    () => () =>
      parts.forEach((p) => {
        p.shaft.dispose();
        p.bevel.dispose();
        p.handle.dispose();
      }),
    [parts],
  );

  useFrame(() => {
    const s = controller.state;
    for (let i = 0; i < parts.length; i++) {
      const group = groups.current[i];
      if (!group) continue;
      group.visible = s.needleVisible;
      tipAt(parts[i]!.needle, s.cannulaDepthMm, tip);
      group.position.set(tip[0], tip[1], tip[2]);
    }
  });

  return (
    <>
      {parts.map((part, i) => (
        <group key={part.needle.side} ref={(g) => void (groups.current[i] = g)} quaternion={part.orientation}>
          <mesh
            geometry={part.shaft}
            material={materials.steel}
            userData={{ fluoroMaterial: fluoroMaterials().steel }}
          />
          <mesh
            geometry={part.bevel}
            material={materials.steel}
            userData={{ fluoroMaterial: fluoroMaterials().steel }}
          />
          <mesh geometry={part.handle} material={materials.handle} />
        </group>
      ))}
    </>
  );
}
