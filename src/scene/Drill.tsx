import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Mesh } from 'three';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { TROCAR_LENGTH_MM, type AccessPlan } from '../procedure/accessPath';
import { drillLengthMm } from '../procedure/instruments';
import { drillBitGeometry, drillHandleGeometry, drillShankGeometry } from './instruments/drillGeometry';
import { showInFrontOfTheCut } from './cutaway';
import { merged } from './instruments/instrumentGeometry';
import { useInstrumentPlacement } from './useInstrumentPlacement';
import { useFluoroMaterials } from './useFluoroMaterials';
import { useSceneResources } from './useSceneResources';

/** DrillProps: the access plan whose channels are drilled (kyphoplasty). */
export interface DrillProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
}

/**
 * The hand drill that passes through each working cannula and makes the channel for the balloon: a fluted bit,
 * a smooth shank long enough to reach past the cannula's handle, and a palm knob turned by hand. As the trocars,
 * the 3D view leaves out the drill of a needle behind the open cut (behindTheCut); the X-ray still shows it.
 */
export function Drill({ plan }: DrillProps) {
  const controller = useController();
  const { cutaway } = useSettings();
  const { surfaces } = useSceneResources();
  const fluoro = useFluoroMaterials();
  // Each drill's steel and handle meshes, by needle.
  const meshes = useRef<(Mesh | null)[][]>([]);
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
  useFrame(() => showInFrontOfTheCut(meshes.current, controller.state, cutaway));
  const keep = (i: number, slot: number) => (mesh: Mesh | null) => {
    (meshes.current[i] ??= [])[slot] = mesh;
  };
  return (
    <>
      {parts.map((part, i) => (
        <group key={plan.needles[i]!.side} ref={placed.refs[i]} quaternion={placed.orientations[i]}>
          <mesh
            ref={keep(i, 0)}
            geometry={part.steel}
            material={surfaces.drill}
            userData={{ fluoroMaterial: fluoro.steel, fluoroAlways: true }}
          />
          <mesh ref={keep(i, 1)} geometry={part.handle} material={surfaces.handle} />
        </group>
      ))}
    </>
  );
}
