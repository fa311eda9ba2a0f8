import { useEffect, useMemo } from 'react';
import { CylinderGeometry } from 'three';
import type { AccessPlan } from '../procedure/accessPath';
import { useInstrumentPlacement } from './useInstrumentPlacement';
import { useSceneResources } from './useSceneResources';

/** DrillProps: the access plan whose channels are drilled (kyphoplasty). */
export interface DrillProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
}

const DRILL_LENGTH_MM = 150;

/** The hand drill that passes through each working cannula and makes the channel for the balloon. */
export function Drill({ plan }: DrillProps) {
  const { surfaces, fluoro } = useSceneResources();
  const placed = useInstrumentPlacement(plan, {
    visible: (s) => s.drillVisible,
    depthMm: (s) => s.drillDepthMm,
  });
  const shafts = useMemo(
    () =>
      plan.needles.map((needle) => {
        const r = needle.workingCannulaMm / 2 - 0.45;
        // The tip at the origin, the shaft trailing back along local −Y.
        return new CylinderGeometry(r, r * 0.6, DRILL_LENGTH_MM, 16).translate(0, -DRILL_LENGTH_MM / 2, 0);
      }),
    [plan],
  );
  useEffect(() => () => shafts.forEach((shaft) => shaft.dispose()), [shafts]);
  return (
    <>
      {shafts.map((shaft, i) => (
        <mesh
          key={plan.needles[i]!.side}
          ref={placed.refs[i]}
          quaternion={placed.orientations[i]}
          geometry={shaft}
          material={surfaces.drill}
          userData={{ fluoroMaterial: fluoro.steel }}
        />
      ))}
    </>
  );
}
