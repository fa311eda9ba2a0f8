import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Mesh, Plane, Quaternion, SphereGeometry, Vector3 } from 'three';
import type { VertebraLandmarks } from '../anatomy/vertebraLandmarks';
import { tipAt, type AccessPlan } from '../procedure/accessPath';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { cutawayX, OPEN_CUT } from './cutaway';
import { fluoroMaterials } from './fluoroMaterials';
import { sharedMaterials } from './materials';

/** BalloonsProps: the access plan whose channels hold the inflatable bone tamps. */
export interface BalloonsProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
  /** Landmarks of the treated level (for the cutaway plane). */
  marks: VertebraLandmarks;
}

const UP = new Vector3(0, 1, 0);
const point: [number, number, number] = [0, 0, 0];
/** Radius of the folded balloon on its catheter. */
const FOLDED_RADIUS_MM = 1.1;

/**
 * Inflatable bone tamps: a contrast-filled ellipsoid in the drilled channel whose radius follows the state's
 * volume (V = 4/3·π·r²·L/2 for a prolate ellipsoid of length L).
 */
export function Balloons({ plan, marks }: BalloonsProps) {
  const controller = useController();
  const { cutaway } = useSettings();
  const meshes = useRef<(Mesh | null)[]>([]);
  // Cut with the bone: a balloon in the removed half disappears with it, the other shows in the opened body.
  const { material, clip } = useMemo(() => {
    const clip = new Plane(new Vector3(-1, 0, 0), OPEN_CUT);
    const material = sharedMaterials().balloon.clone();
    material.clippingPlanes = [clip];
    return { material, clip };
  }, []);
  useEffect(() => () => material.dispose(), [material]);
  const geometry = useMemo(() => new SphereGeometry(1, 32, 20), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  const orientations = useMemo(
    () => plan.needles.map((n) => new Quaternion().setFromUnitVectors(UP, new Vector3(...n.direction))),
    [plan],
  );
  const length = plan.targetDepthMm - plan.cannulaDepthMm;

  useFrame(() => {
    const s = controller.state;
    clip.constant = cutawayX(s, cutaway, marks);
    const volumeMm3 = s.balloonVolumeMl * 1000;
    const radius = Math.max(FOLDED_RADIUS_MM, Math.sqrt((3 * volumeMm3) / (2 * Math.PI * length)));
    // Slides in from inside the cannula to the channel between the cannula tip and the drilled depth.
    const centreDepth = plan.cannulaDepthMm - length / 2 + length * s.balloonInsertion;
    for (let i = 0; i < plan.needles.length; i++) {
      const mesh = meshes.current[i];
      if (!mesh) continue;
      mesh.visible = s.balloonInsertion > 0.001;
      tipAt(plan.needles[i]!, centreDepth, point);
      mesh.position.set(point[0], point[1], point[2]);
      mesh.scale.set(radius, length / 2, radius);
    }
  });

  return (
    <>
      {plan.needles.map((needle, i) => (
        <mesh
          key={needle.side}
          ref={(m) => void (meshes.current[i] = m)}
          geometry={geometry}
          material={material}
          quaternion={orientations[i]}
          renderOrder={2}
          userData={{ fluoroMaterial: fluoroMaterials().contrast }}
        />
      ))}
    </>
  );
}
