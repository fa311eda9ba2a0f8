import { useEffect, useMemo } from 'react';
import { BoxGeometry, ConeGeometry, CylinderGeometry } from 'three';
import { TROCAR_LENGTH_MM, instrumentDiameterMm, type AccessPlan } from '../procedure/accessPath';
import type { ProcedureId } from '../procedure/types';
import { useInstrumentPlacement } from './useInstrumentPlacement';
import { useSceneResources } from './useSceneResources';

/** TrocarsProps: the access plan whose needles to draw (in the treated level's local frame). */
export interface TrocarsProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
  /** Vertebroplasty draws its 11/13 G needle; kyphoplasty the working cannula sized for the balloon. */
  procedure: ProcedureId;
}

/** The instrument left in each pedicle, at true scale, tip at the state's cannula depth along each path. */
export function Trocars({ plan, procedure }: TrocarsProps) {
  const { surfaces, fluoro } = useSceneResources();
  const placed = useInstrumentPlacement(plan, {
    visible: (s) => s.needleVisible,
    depthMm: (s) => s.cannulaDepthMm,
  });
  const parts = useMemo(
    () =>
      plan.needles.map((needle) => {
        const r = instrumentDiameterMm(needle, procedure) / 2;
        // Local +Y is the direction of advance; the tip sits at the origin and the shaft trails behind it.
        const shaft = new CylinderGeometry(r, r, TROCAR_LENGTH_MM - 4, 20).translate(
          0,
          -(TROCAR_LENGTH_MM - 4) / 2 - 4,
          0,
        );
        const bevel = new ConeGeometry(r, 4, 20).translate(0, -2, 0);
        const handle = new BoxGeometry(34, 12, 14).translate(0, -TROCAR_LENGTH_MM - 6, 0);
        return { side: needle.side, shaft, bevel, handle };
      }),
    [plan, procedure],
  );
  useEffect(
    () => () =>
      parts.forEach((p) => {
        p.shaft.dispose();
        p.bevel.dispose();
        p.handle.dispose();
      }),
    [parts],
  );

  return (
    <>
      {parts.map((part, i) => (
        <group key={part.side} ref={placed.refs[i]} quaternion={placed.orientations[i]}>
          <mesh geometry={part.shaft} material={surfaces.steel} userData={{ fluoroMaterial: fluoro.steel }} />
          <mesh geometry={part.bevel} material={surfaces.steel} userData={{ fluoroMaterial: fluoro.steel }} />
          <mesh geometry={part.handle} material={surfaces.handle} />
        </group>
      ))}
    </>
  );
}
