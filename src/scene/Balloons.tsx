import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { SphereGeometry } from 'three';
import type { AccessPlan } from '../procedure/accessPath';
import { useController } from '../playback/react/viewerHooks';
import { bodyHalfExtent } from '../anatomy/fractureField';
import type { LevelId } from '../anatomy/levels';
import type { FractureProfile } from '../procedure/fracture';
import {
  balloonRiseMm,
  balloonSection,
  balloonSpan,
  channelMiddle,
  craniocaudalIsLocalZ,
  raiseAlongLevel,
  scaleAlongNeedles,
  type BalloonSection,
  type BalloonSpan,
} from './balloonShape';
import { useInstrumentPlacement } from './useInstrumentPlacement';
import { useFluoroMaterials } from './useFluoroMaterials';
import { useSceneResources } from './useSceneResources';

/** BalloonsProps: the access plan whose channels hold the inflatable bone tamps. */
export interface BalloonsProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
  /** The treated level. */
  level: LevelId;
  /** The level's fracture: where its collapsed body's middle lies. */
  fracture: FractureProfile;
}

/**
 * Inflatable bone tamps: a contrast-filled ellipsoid in the drilled channel holding the state's volume
 * (V = 4/3·π·a·b·L/2 for an ellipsoid of length L), reaching for the endplates and pressing flat against them as
 * they lift (the body's height comes from the same state). Its material is cut with the bone: a balloon
 * in the removed half disappears with it, the other shows in the opened body.
 */
export function Balloons({ plan, level, fracture }: BalloonsProps) {
  const controller = useController();
  const { surfaces } = useSceneResources();
  const fluoro = useFluoroMaterials();
  const length = plan.targetDepthMm - plan.cannulaDepthMm;
  const channel = useMemo(() => channelMiddle(plan), [plan]);
  const halfExtent = useMemo(() => bodyHalfExtent(level), [level]);
  const span = useMemo<BalloonSpan>(() => ({ middleMm: 0, heightMm: 0 }), []);
  const placed = useInstrumentPlacement(plan, {
    visible: (s) => s.balloonInsertion > 0.001,
    // Slides in from inside the cannula to the channel between the cannula tip and the drilled depth.
    depthMm: (s) => plan.cannulaDepthMm - length / 2 + length * s.balloonInsertion,
  });
  const geometry = useMemo(() => new SphereGeometry(1, 32, 20), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  const alongZ = useMemo(() => placed.orientations.map(craniocaudalIsLocalZ), [placed.orientations]);
  const section = useMemo<BalloonSection>(() => ({ craniocaudal: 1, across: 1 }), []);

  useFrame(() => {
    const s = controller.state;
    balloonSpan(s, fracture, halfExtent, channel[0], channel[2], span);
    balloonSection(s.balloonVolumeMl * 1000, length, span.heightMm, section);
    const { across, craniocaudal: cc } = section;
    scaleAlongNeedles(placed.objects.current, alongZ, across, length / 2, cc);
    raiseAlongLevel(placed.objects.current, balloonRiseMm(span, channel[1], s.balloonVolumeMl));
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
