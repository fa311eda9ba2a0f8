import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { CylinderGeometry, SphereGeometry } from 'three';
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
import { useInstrumentPlacement, type InstrumentPlacement } from './useInstrumentPlacement';
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

/** The balloon catheter's shaft and its two marker bands (mm): a drawing of the device, not a measured one. */
const SHAFT_RADIUS_MM = 0.8;
const BAND_RADIUS_MM = 1.05;
const BAND_LENGTH_MM = 1.2;
/** How far the shaft runs back from the balloon into the cannula (hidden there), and stops short of its far end. */
const SHAFT_BACK_MM = 30;
const SHAFT_TIP_MM = -1.2;
/** How far inside each end of the balloon its marker band sits, so the inflated balloon's tapered ends cover it. */
const BAND_INSET_MM = 2.2;

/**
 * Inflatable bone tamps (balloon catheters, Kyphon's US 2003/0229372): a contrast-filled ellipsoid in the drilled channel holding the state's volume
 * (V = 4/3·π·a·b·L/2 for an ellipsoid of length L), reaching for the endplates and pressing flat against them as
 * they lift (the body's height comes from the same state). Its material is cut with the bone: a balloon
 * in the removed half disappears with it, the other shows in the opened body. The balloon sits on its catheter: a
 * thin shaft from the cannula through the balloon, with a metal marker band at each end of the balloon (dots on the
 * X-ray before the contrast goes in), so the folded balloon going in reads as a device, not a pill on its own.
 */
export function Balloons({ plan, level, fracture }: BalloonsProps) {
  const controller = useController();
  const { surfaces } = useSceneResources();
  const fluoro = useFluoroMaterials();
  const length = plan.targetDepthMm - plan.cannulaDepthMm;
  const channel = useMemo(() => channelMiddle(plan), [plan]);
  const halfExtent = useMemo(() => bodyHalfExtent(level), [level]);
  const span = useMemo<BalloonSpan>(() => ({ middleMm: 0, heightMm: 0 }), []);
  const placement = useMemo<InstrumentPlacement>(
    () => ({
      visible: (s) => s.balloonInsertion > 0.001,
      // Slides in from inside the cannula to the channel between the cannula tip and the drilled depth.
      depthMm: (s) => plan.cannulaDepthMm - length / 2 + length * s.balloonInsertion,
    }),
    [plan, length],
  );
  const placed = useInstrumentPlacement(plan, placement);
  const geometry = useMemo(() => new SphereGeometry(1, 32, 20), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  // The catheter: placed as the balloon is (local +Y along the needle), but never scaled.
  const catheters = useInstrumentPlacement(plan, placement);
  const catheter = useMemo(() => {
    const shaftLength = length + SHAFT_BACK_MM + SHAFT_TIP_MM;
    const shaft = new CylinderGeometry(SHAFT_RADIUS_MM, SHAFT_RADIUS_MM, shaftLength, 12).translate(
      0,
      (SHAFT_TIP_MM - SHAFT_BACK_MM) / 2,
      0,
    );
    const band = (y: number) =>
      new CylinderGeometry(BAND_RADIUS_MM, BAND_RADIUS_MM, BAND_LENGTH_MM, 16).translate(0, y, 0);
    const end = length / 2 - BAND_INSET_MM;
    return { shaft, bands: [band(-end), band(end)] };
  }, [length]);
  useEffect(() => () => [catheter.shaft, ...catheter.bands].forEach((g) => g.dispose()), [catheter]);
  const alongZ = useMemo(() => placed.orientations.map(craniocaudalIsLocalZ), [placed.orientations]);
  const section = useMemo<BalloonSection>(() => ({ craniocaudal: 1, across: 1 }), []);

  useFrame(() => {
    const s = controller.state;
    balloonSpan(s, fracture, halfExtent, channel[0], channel[2], span);
    balloonSection(s.balloonVolumeMl * 1000, length, span.heightMm, section);
    const { across, craniocaudal: cc } = section;
    scaleAlongNeedles(placed.objects.current, alongZ, across, length / 2, cc);
    const rise = balloonRiseMm(span, channel[1], s.balloonVolumeMl);
    raiseAlongLevel(placed.objects.current, rise);
    raiseAlongLevel(catheters.objects.current, rise);
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
      {plan.needles.map((needle, i) => (
        <group key={`${needle.side}-catheter`} ref={catheters.refs[i]} quaternion={catheters.orientations[i]}>
          <mesh geometry={catheter.shaft} material={surfaces.handle} />
          {catheter.bands.map((band, k) => (
            <mesh
              key={k}
              geometry={band}
              material={surfaces.steel}
              userData={{ fluoroMaterial: fluoro.steel }}
            />
          ))}
        </group>
      ))}
    </>
  );
}
