import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BackSide, Color, MeshStandardMaterial, SphereGeometry } from 'three';
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
import { useSceneResources } from './useSceneResources';

/** BalloonCavityProps: the access plan whose channels held the balloon tamps. */
export interface BalloonCavityProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
  /** The treated level. */
  level: LevelId;
  /** The level's fracture: where its collapsed body's middle lies. */
  fracture: FractureProfile;
}

/**
 * Wall of the hollow: cancellous bone the balloon compacted, a dense sand a shade darker than the bone so the
 * hollow reads as a hollow, lit from inside. (A brown wall read as decay to a blind reviewer.)
 */
const CAVITY_WALL = new Color('#c8b496');
/** Brightness of the hollow's wall at its lip, against 1 at its deepest point facing the viewer. */
const HOLLOW_LIP_SHADE = '0.45';
/**
 * Brightness of the hollow's upper wall, against 1 on its floor: the overhanging lip shades it from the theatre's
 * overhead light, the cue that makes a hole read as a hole (evenly lit from the studio's surround, it read as a
 * tan ball lying on the cut face as easily as a hollow in it).
 */
const HOLLOW_ROOF_SHADE = '0.3';
/** Width of the compacted rim shown around an inflating balloon (a drawing aid, a little over a trabecula). */
const COMPACTED_RIM_MM = 1.2;

/**
 * The cavity the balloon tamps leave in the cancellous bone (the idea that sets kyphoplasty apart): the
 * inflated balloon's ellipsoid, drawn from inside (its far wall), cut with the bone. It grows with the balloon
 * (a rim of compacted bone around it), stays when the balloon comes out, and the cement, drawn in front of its
 * far wall, covers it as it fills.
 * No X-ray material: an empty hole adds nothing a fluoro image would show at this scale.
 */
export function BalloonCavity({ plan, level, fracture }: BalloonCavityProps) {
  const controller = useController();
  const { cutaway } = useSceneResources();
  const length = plan.targetDepthMm - plan.cannulaDepthMm;
  const channel = useMemo(() => channelMiddle(plan), [plan]);
  const halfExtent = useMemo(() => bodyHalfExtent(level), [level]);
  const span = useMemo<BalloonSpan>(() => ({ middleMm: 0, heightMm: 0 }), []);
  const count = plan.needles.length;
  const placed = useInstrumentPlacement(plan, {
    // Once the cement has taken the hollow's volume the hollow is full: nothing of it is left to show.
    visible: (s) => s.cavityVolumeMl > 0 && s.cementVolumeMl < s.cavityVolumeMl,
    // Where the inflated balloon sat: between the cannula tip and the drilled depth.
    depthMm: () => plan.cannulaDepthMm + length / 2,
  });
  const geometry = useMemo(() => new SphereGeometry(1, 32, 20), []);
  const material = useMemo(() => {
    const wall = new MeshStandardMaterial({
      color: CAVITY_WALL,
      roughness: 0.95,
      side: BackSide,
      clippingPlanes: [cutaway.plane],
    });
    // Seen through the cut, the far wall of a hollow: darker where the view grazes it, towards the lip, so it
    // reads as a hollow going in (lit evenly, it read as an egg lying on the cut face). A back-side material gets
    // its normals flipped in the vertex shader: vNormal points into the hollow, down on its roof.
    wall.onBeforeCompile = (shader) => {
      shader.fragmentShader = shader.fragmentShader.replace(
        '#include <color_fragment>',
        `#include <color_fragment>
        diffuseColor.rgb *= mix(${HOLLOW_LIP_SHADE}, 1.0, abs(dot(normalize(vNormal), normalize(vViewPosition))));
        diffuseColor.rgb *= mix(1.0, ${HOLLOW_ROOF_SHADE}, smoothstep(-0.2, 0.5, -normalize(vNormal).y));`,
      );
    };
    return wall;
  }, [cutaway]);
  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );

  const alongZ = useMemo(() => placed.orientations.map(craniocaudalIsLocalZ), [placed.orientations]);
  const section = useMemo<BalloonSection>(() => ({ craniocaudal: 1, across: 1 }), []);

  // The first needle's hollow is the one the cut runs through: the cut bone leaves its cap open over it.
  useEffect(() => {
    const hole = cutaway.hole;
    return () => {
      hole.object = null;
    };
  }, [cutaway]);

  useFrame(() => {
    cutaway.hole.object = placed.objects.current[0] ?? null;
    const s = controller.state;
    // The balloon's shape at its largest, in the body as it stands now (the same rule the balloon follows).
    balloonSpan(s, fracture, halfExtent, channel[0], channel[2], span);
    balloonSection((s.cavityVolumeMl / count) * 1000, length, span.heightMm, section);
    // While the balloon is in, the hollow shows as a rim of compacted bone around it: the bone it pushes aside.
    const rim = s.balloonInsertion > 0.001 ? COMPACTED_RIM_MM * Math.min(1, s.balloonVolumeMl * 4) : 0;
    const cc = section.craniocaudal + rim;
    const across = section.across + rim;
    scaleAlongNeedles(placed.objects.current, alongZ, across, length / 2, cc);
    raiseAlongLevel(placed.objects.current, balloonRiseMm(span, channel[1], s.cavityVolumeMl / count));
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
