import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BackSide, Color, MeshStandardMaterial, SphereGeometry } from 'three';
import type { AccessPlan } from '../procedure/accessPath';
import { useController } from '../playback/react/viewerHooks';
import { useInstrumentPlacement } from './useInstrumentPlacement';
import { useSceneResources } from './useSceneResources';

/** BalloonCavityProps: the access plan whose channels held the balloon tamps. */
export interface BalloonCavityProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
}

/**
 * Wall of the hollow: cancellous bone the balloon compacted, a shade darker and warmer than the cut face so the
 * hollow reads as a hollow (the cut face is pale trabecular bone).
 */
const CAVITY_WALL = new Color('#9c7a62');

/**
 * The cavity the balloon tamps leave in the cancellous bone (the idea that sets kyphoplasty apart): the
 * inflated balloon's ellipsoid, drawn from inside (its far wall), cut with the bone. It appears as the balloon
 * deflates and stays until cement fills it; the cement, drawn in front of its far wall, covers it as it fills.
 * No X-ray material: an empty hole adds nothing a fluoro image would show at this scale.
 */
export function BalloonCavity({ plan }: BalloonCavityProps) {
  const controller = useController();
  const { cutaway } = useSceneResources();
  const length = plan.targetDepthMm - plan.cannulaDepthMm;
  const count = plan.needles.length;
  const placed = useInstrumentPlacement(plan, {
    visible: (s) => s.cavityVolumeMl > 0 && s.balloonVolumeMl * count < s.cavityVolumeMl * 0.97,
    // Where the inflated balloon sat: between the cannula tip and the drilled depth.
    depthMm: () => plan.cannulaDepthMm + length / 2,
  });
  const geometry = useMemo(() => new SphereGeometry(1, 32, 20), []);
  const material = useMemo(
    () =>
      new MeshStandardMaterial({
        color: CAVITY_WALL,
        roughness: 0.95,
        side: BackSide,
        clippingPlanes: [cutaway.plane],
      }),
    [cutaway],
  );
  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );

  useFrame(() => {
    const volumeMm3 = (controller.state.cavityVolumeMl / count) * 1000;
    const radius = Math.max(0.5, Math.sqrt((3 * volumeMm3) / (2 * Math.PI * length)));
    for (let i = 0; i < count; i++) placed.objects.current[i]?.scale.set(radius, length / 2, radius);
  });

  return (
    <>
      {plan.needles.map((needle, i) => (
        <mesh
          key={needle.side}
          ref={placed.refs[i]}
          geometry={geometry}
          material={material}
          quaternion={placed.orientations[i]}
          renderOrder={1}
        />
      ))}
    </>
  );
}
