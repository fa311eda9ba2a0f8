import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { CircleGeometry, Group, MeshStandardMaterial, Vector3 } from 'three';
import type { AccessPlan } from '../procedure/accessPath';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { dressingGeometry } from './dressingGeometry';
import { NumbingSyringe } from './NumbingSyringe';
import { patientBody } from './patient/bodyShape';
import { needleSkinCrossing } from './patient/skinCrossing';
import { alongNeedle } from './useInstrumentPlacement';
import { useSceneResources } from './useSceneResources';

/** SkinMarksProps: where the needles cross the skin. */
export interface SkinMarksProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
}

/** The dressing's adhesive border: fabric tape, a shade warmer and greyer than the white gauze pad it holds. */
const ADHESIVE_COLOR = '#e3d7c5';

/** Lift off the skin so a flat mark never sinks into it where the back is hollow (mm). */
const ON_SKIN_MM = 2;

/**
 * The numbing syringe, the numbed spot on the skin (anaesthesia) and the small island dressing after closure (a
 * gauze pad on an adhesive border, dressingGeometry.ts),
 * lying on the drawn skin where each needle crosses it. No blood.
 */
export function SkinMarks({ plan }: SkinMarksProps) {
  const controller = useController();
  const { level } = useSettings();
  const materials = useSceneResources().surfaces;
  const marks = useRef<(Group | null)[]>([]);
  const dressings = useRef<(Group | null)[]>([]);
  const spots = useMemo(() => {
    const body = patientBody(level);
    return plan.needles.map((n) => {
      const crossing = needleSkinCrossing(body, n);
      return {
        key: n.side,
        depthMm: crossing.depthMm,
        position: new Vector3(...crossing.point).addScaledVector(new Vector3(...crossing.normal), ON_SKIN_MM),
        // Flat on the skin: the mark's own +Y along the skin's outward normal.
        orientation: alongNeedle(crossing.normal),
      };
    });
  }, [plan, level]);
  const skinPoints = useMemo(
    () =>
      spots.map((s) => ({ point: [s.position.x, s.position.y, s.position.z] as const, depthMm: s.depthMm })),
    [spots],
  );
  const geometry = useMemo(
    () => ({ spot: new CircleGeometry(7, 32).rotateX(-Math.PI / 2), ...dressingGeometry() }),
    [],
  );
  const adhesive = useMemo(() => new MeshStandardMaterial({ color: ADHESIVE_COLOR, roughness: 0.95 }), []);
  useEffect(
    () => () => {
      for (const g of Object.values(geometry)) g.dispose();
      adhesive.dispose();
    },
    [geometry, adhesive],
  );
  useFrame(() => {
    const s = controller.state;
    for (let i = 0; i < spots.length; i++) {
      const mark = marks.current[i];
      const dressing = dressings.current[i];
      // Marks belong on the skin: shown only while the skin is.
      const skinShown = s.torsoOpacity > 0.3;
      if (mark) {
        mark.visible = skinShown && s.skinMarker > 0.01;
        mark.scale.setScalar(0.4 + 0.6 * s.skinMarker);
      }
      if (dressing) {
        dressing.visible = skinShown && s.bandage > 0.01;
        // Each dressing goes on early in its part of the step and stays: full size by 40 % of the way.
        dressing.scale.setScalar(Math.max(0.01, Math.min(1, s.bandage * 2.5)));
      }
    }
  });
  return (
    <>
      {spots.map((spot, i) => (
        <group key={spot.key} position={spot.position} quaternion={spot.orientation}>
          <group ref={(g) => void (marks.current[i] = g)}>
            <mesh geometry={geometry.spot} material={materials.marker} renderOrder={6} />
          </group>
          <group ref={(g) => void (dressings.current[i] = g)}>
            <mesh geometry={geometry.border} material={adhesive} />
            <mesh geometry={geometry.pad} material={materials.bandage} />
          </group>
        </group>
      ))}
      <NumbingSyringe needles={plan.needles} skinPoints={skinPoints} />
    </>
  );
}
