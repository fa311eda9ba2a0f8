import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BoxGeometry, CircleGeometry, Group, Vector3 } from 'three';
import type { AccessPlan } from '../procedure/accessPath';
import { useController } from '../playback/react/viewerHooks';
import { alongNeedle } from './useInstrumentPlacement';
import { useSceneResources } from './useSceneResources';

/** SkinMarksProps: where the needles cross the skin. */
export interface SkinMarksProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
}

/** The numbed spot on the skin (anaesthesia) and the small adhesive dressing after closure. No blood. */
export function SkinMarks({ plan }: SkinMarksProps) {
  const controller = useController();
  const materials = useSceneResources().surfaces;
  const marks = useRef<(Group | null)[]>([]);
  const dressings = useRef<(Group | null)[]>([]);
  const spots = useMemo(
    () =>
      plan.needles.map((n) => ({
        key: n.side,
        position: new Vector3(...n.entry).addScaledVector(new Vector3(...n.direction), -n.skinDepthMm),
        // Face the disc and dressing outwards along the needle, i.e. flat on the skin.
        orientation: alongNeedle([-n.direction[0], -n.direction[1], -n.direction[2]]),
      })),
    [plan],
  );
  const geometry = useMemo(
    () => ({ spot: new CircleGeometry(7, 32).rotateX(-Math.PI / 2), dressing: new BoxGeometry(22, 1.5, 28) }),
    [],
  );
  useEffect(
    () => () => {
      geometry.spot.dispose();
      geometry.dressing.dispose();
    },
    [geometry],
  );
  useFrame(() => {
    const s = controller.state;
    for (let i = 0; i < spots.length; i++) {
      const mark = marks.current[i];
      const dressing = dressings.current[i];
      // Marks belong on the skin: shown only while the skin silhouette is.
      const skinShown = s.torsoOpacity > 0.3;
      if (mark) {
        mark.visible = skinShown && s.skinMarker > 0.01;
        mark.scale.setScalar(0.4 + 0.6 * s.skinMarker);
      }
      if (dressing) {
        dressing.visible = skinShown && s.bandage > 0.01;
        dressing.scale.setScalar(Math.max(0.01, s.bandage));
      }
    }
  });
  return (
    <>
      {spots.map((spot, i) => (
        <group key={spot.key} position={spot.position} quaternion={spot.orientation}>
          <group ref={(g) => void (marks.current[i] = g)}>
            <mesh geometry={geometry.spot} material={materials.marker} />
          </group>
          <group ref={(g) => void (dressings.current[i] = g)}>
            <mesh geometry={geometry.dressing} material={materials.bandage} />
          </group>
        </group>
      ))}
    </>
  );
}
