import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { SphereGeometry } from 'three';
import type { AccessPlan } from '../procedure/accessPath';
import { useController } from '../playback/react/viewerHooks';
import { useInstrumentPlacement } from './useInstrumentPlacement';
import { useSceneResources } from './useSceneResources';

/** BalloonsProps: the access plan whose channels hold the inflatable bone tamps. */
export interface BalloonsProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
}

/** Radius of the folded balloon on its catheter. */
const FOLDED_RADIUS_MM = 1.1;

/**
 * Inflatable bone tamps: a contrast-filled ellipsoid in the drilled channel whose radius follows the state's
 * volume (V = 4/3·π·r²·L/2 for a prolate ellipsoid of length L). Its material is cut with the bone: a balloon
 * in the removed half disappears with it, the other shows in the opened body.
 */
export function Balloons({ plan }: BalloonsProps) {
  const controller = useController();
  const { surfaces, fluoro } = useSceneResources();
  const length = plan.targetDepthMm - plan.cannulaDepthMm;
  const placed = useInstrumentPlacement(plan, {
    visible: (s) => s.balloonInsertion > 0.001,
    // Slides in from inside the cannula to the channel between the cannula tip and the drilled depth.
    depthMm: (s) => plan.cannulaDepthMm - length / 2 + length * s.balloonInsertion,
  });
  const geometry = useMemo(() => new SphereGeometry(1, 32, 20), []);
  useEffect(() => () => geometry.dispose(), [geometry]);

  useFrame(() => {
    const volumeMm3 = controller.state.balloonVolumeMl * 1000;
    const radius = Math.max(FOLDED_RADIUS_MM, Math.sqrt((3 * volumeMm3) / (2 * Math.PI * length)));
    for (let i = 0; i < plan.needles.length; i++)
      placed.objects.current[i]?.scale.set(radius, length / 2, radius);
  });

  return (
    <>
      {plan.needles.map((needle, i) => (
        <mesh
          key={needle.side}
          ref={placed.refs[i]}
          geometry={geometry}
          material={surfaces.balloon}
          quaternion={placed.orientations[i]}
          renderOrder={2}
          userData={{ fluoroMaterial: fluoro.contrast }}
        />
      ))}
    </>
  );
}
