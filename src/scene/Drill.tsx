import { useEffect, useMemo } from 'react';
import { TROCAR_LENGTH_MM, type AccessPlan } from '../procedure/accessPath';
import { drillLengthMm } from '../procedure/instruments';
import { drillBitGeometry, drillHandleGeometry, drillShankGeometry } from './instruments/drillGeometry';
import { merged } from './instruments/instrumentGeometry';
import { useInstrumentPlacement } from './useInstrumentPlacement';
import { useSceneResources } from './useSceneResources';

/** DrillProps: the access plan whose channels are drilled (kyphoplasty). */
export interface DrillProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
}

/**
 * The hand drill that passes through each working cannula and makes the channel for the balloon: a fluted bit,
 * a smooth shank long enough to reach past the cannula's handle, and a palm knob turned by hand.
 */
export function Drill({ plan }: DrillProps) {
  const { surfaces, fluoro } = useSceneResources();
  const placed = useInstrumentPlacement(plan, {
    visible: (s) => s.drillVisible,
    depthMm: (s) => s.drillDepthMm,
  });
  const parts = useMemo(() => {
    const length = drillLengthMm(TROCAR_LENGTH_MM, plan.targetDepthMm - plan.cannulaDepthMm);
    return plan.needles.map((needle) => {
      const r = needle.workingCannulaMm / 2 - 0.45;
      return {
        steel: merged([drillBitGeometry(r), drillShankGeometry(r, length)]),
        handle: drillHandleGeometry(length),
      };
    });
  }, [plan]);
  useEffect(
    () => () =>
      parts.forEach((p) => {
        p.steel.dispose();
        p.handle.dispose();
      }),
    [parts],
  );
  return (
    <>
      {parts.map((part, i) => (
        <group key={plan.needles[i]!.side} ref={placed.refs[i]} quaternion={placed.orientations[i]}>
          <mesh geometry={part.steel} material={surfaces.drill} userData={{ fluoroMaterial: fluoro.steel }} />
          <mesh geometry={part.handle} material={surfaces.handle} />
        </group>
      ))}
    </>
  );
}
