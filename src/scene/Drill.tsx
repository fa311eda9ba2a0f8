import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { CylinderGeometry, Group, Quaternion, Vector3 } from 'three';
import { tipAt, type AccessPlan } from '../procedure/accessPath';
import { useController } from '../playback/react/viewerHooks';
import { fluoroMaterials } from './fluoroMaterials';
import { sharedMaterials } from './materials';

/** DrillProps: the access plan whose channels are drilled (kyphoplasty). */
export interface DrillProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
}

const UP = new Vector3(0, 1, 0);
const tip: [number, number, number] = [0, 0, 0];
const DRILL_LENGTH_MM = 150;

/** The hand drill that passes through each working cannula and makes the channel for the balloon. */
export function Drill({ plan }: DrillProps) {
  const controller = useController();
  const groups = useRef<(Group | null)[]>([]);
  const materials = sharedMaterials();
  const parts = useMemo(
    () =>
      plan.needles.map((needle) => {
        const r = needle.outerDiameterMm / 2 - 0.45;
        const shaft = new CylinderGeometry(r, r * 0.6, DRILL_LENGTH_MM, 16).translate(
          0,
          -DRILL_LENGTH_MM / 2,
          0,
        );
        return {
          needle,
          shaft,
          orientation: new Quaternion().setFromUnitVectors(UP, new Vector3(...needle.direction)),
        };
      }),
    [plan],
  );
  useEffect(() => () => parts.forEach((p) => p.shaft.dispose()), [parts]);
  useFrame(() => {
    const s = controller.state;
    for (let i = 0; i < parts.length; i++) {
      const group = groups.current[i];
      if (!group) continue;
      group.visible = s.drillVisible;
      tipAt(parts[i]!.needle, s.drillDepthMm, tip);
      group.position.set(tip[0], tip[1], tip[2]);
    }
  });
  return (
    <>
      {parts.map((part, i) => (
        <group key={part.needle.side} ref={(g) => void (groups.current[i] = g)} quaternion={part.orientation}>
          <mesh
            geometry={part.shaft}
            material={materials.drill}
            userData={{ fluoroMaterial: fluoroMaterials().steel }}
          />
        </group>
      ))}
    </>
  );
}
