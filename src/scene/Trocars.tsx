import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Group, Mesh } from 'three';
import { TROCAR_LENGTH_MM, instrumentDiameterMm, type AccessPlan } from '../procedure/accessPath';
import type { ProcedureId } from '../procedure/types';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { showInFrontOfTheCut } from './cutaway';
import { CementDevice } from './CementDevice';
import {
  CANNULA_WALL_MM,
  bulbHandleGeometry,
  cannulaTubeGeometry,
  hubTubeGeometry,
  merged,
  styletCapGeometry,
  styletRodGeometry,
  tHandleGeometry,
} from './instruments/instrumentGeometry';
import { useInstrumentMaterials } from './instruments/useInstrumentMaterials';
import { useInstrumentPlacement } from './useInstrumentPlacement';
import { useFluoroMaterials } from './useFluoroMaterials';
import { useSceneResources } from './useSceneResources';

/** TrocarsProps: the access plan whose needles to draw (in the treated level's local frame). */
export interface TrocarsProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
  /** Vertebroplasty draws its 11/13 G needle; kyphoplasty the working cannula sized for the balloon. */
  procedure: ProcedureId;
}

/**
 * The instrument left in each pedicle, at true scale, tip at the state's cannula depth along each path: a steel
 * shaft with its hub and handle (a T-handle on the vertebroplasty needle, a palm handle on the kyphoplasty
 * cannula) and, while the way in is being made, the stylet inside it with its cap on the handle. The cement
 * delivery device seats in the same cannula.
 */
export function Trocars({ plan, procedure }: TrocarsProps) {
  const controller = useController();
  const { surfaces } = useSceneResources();
  const fluoro = useFluoroMaterials();
  const materials = useInstrumentMaterials();
  const { cutaway } = useSettings();
  const stylets = useRef<(Group | null)[]>([]);
  /** Each needle's meshes, hidden in the 3D view (not on the X-ray) while behind the open cut. */
  const meshes = useRef<(Mesh | null)[][]>([]);
  const placed = useInstrumentPlacement(plan, {
    visible: (s) => s.needleVisible,
    depthMm: (s) => s.cannulaDepthMm,
  });
  const kind = procedure === 'kyphoplasty' ? 'bulb' : 'tee';
  const parts = useMemo(
    () =>
      plan.needles.map((needle) => {
        const r = instrumentDiameterMm(needle, procedure) / 2;
        return {
          side: needle.side,
          // Shaft and its steel hub, hollow as they are: one mesh, one draw call.
          shaft: merged([
            cannulaTubeGeometry(r, TROCAR_LENGTH_MM),
            hubTubeGeometry(TROCAR_LENGTH_MM, Math.max(r - CANNULA_WALL_MM, r * 0.5)),
          ]),
          handle: kind === 'bulb' ? bulbHandleGeometry(TROCAR_LENGTH_MM) : tHandleGeometry(TROCAR_LENGTH_MM),
          styletRod: styletRodGeometry(r * 0.72, TROCAR_LENGTH_MM + 16),
          styletCap: styletCapGeometry(TROCAR_LENGTH_MM, kind),
        };
      }),
    [plan, procedure, kind],
  );
  useEffect(
    () => () =>
      parts.forEach((p) => {
        for (const g of [p.shaft, p.handle, p.styletRod, p.styletCap]) g.dispose();
      }),
    [parts],
  );
  useFrame(() => {
    const s = controller.state;
    // The stylet closes the cannula while it is driven in; it comes out before drilling or cement.
    const styletIn = s.step === 'targeting' || s.step === 'access';
    for (const stylet of stylets.current) if (stylet) stylet.visible = styletIn;
    showInFrontOfTheCut(meshes.current, s, cutaway);
  });
  // Needle i's shaft, handle, stylet rod and cap, by slot (React passes null when one goes).
  const keep = (i: number, slot: number) => (mesh: Mesh | null) => {
    (meshes.current[i] ??= [])[slot] = mesh;
  };

  return (
    <>
      {parts.map((part, i) => (
        <group key={part.side} ref={placed.refs[i]} quaternion={placed.orientations[i]}>
          <mesh
            ref={keep(i, 0)}
            geometry={part.shaft}
            material={surfaces.steel}
            userData={{ fluoroMaterial: fluoro.steel, fluoroAlways: true }}
          />
          <mesh ref={keep(i, 1)} geometry={part.handle} material={surfaces.handle} />
          <group ref={(g) => void (stylets.current[i] = g)}>
            {/* The cannula is hollow on the X-ray too, so the stylet shows as the dense core inside it. */}
            <mesh
              ref={keep(i, 2)}
              geometry={part.styletRod}
              material={surfaces.steel}
              userData={{ fluoroMaterial: fluoro.steel, fluoroAlways: true }}
            />
            <mesh ref={keep(i, 3)} geometry={part.styletCap} material={materials.styletCap} />
          </group>
        </group>
      ))}
      <CementDevice plan={plan} procedure={procedure} />
    </>
  );
}
