import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { MeshStandardMaterial, type Group, type Mesh } from 'three';
import type { NeedlePath } from '../procedure/accessPath';
import { HANDHELD, numbingNeedleDepthMm } from '../procedure/instruments';
import { useController } from '../playback/react/viewerHooks';
import { lathe } from './instruments/instrumentGeometry';
import { useInstrumentMaterials } from './instruments/useInstrumentMaterials';
import { palette } from './palette';
import { alongNeedle } from './useInstrumentPlacement';
import { useFluoroMaterials } from './useFluoroMaterials';
import { useSceneResources } from './useSceneResources';

/** NumbingSyringeProps: where the skin is numbed (one point per planned needle). */
export interface NumbingSyringeProps {
  /** The planned needles (how deep each one's bone lies below the skin). */
  needles: readonly NeedlePath[];
  /** Where each needle crosses the skin (treated vertebra's frame) and the distance from there to bone. */
  skinPoints: readonly { point: readonly [number, number, number]; depthMm: number }[];
}

/**
 * The syringe's angle to the skin (degrees). The anaesthetic goes in along the track the needle will take (lateral
 * to medial, in the needle's craniocaudal sense), but at 55° to the skin rather than the needle's own 50–75°, so a
 * camera above the back sees it going in at an angle rather than end-on. (Held the same way on both sides, it
 * pointed away from the spine on one of them; at 30°, it read as lying on the skin.)
 */
const SYRINGE_TO_SKIN_DEG = 55;

/** The syringe's direction of advance for one planned needle (treated vertebra's frame, unit length). */
export function syringeAdvance(needle: NeedlePath): [number, number, number] {
  const [x, y] = needle.direction;
  const across = Math.hypot(x, y);
  const elevation = (SYRINGE_TO_SKIN_DEG * Math.PI) / 180;
  // A needle straight down has no lean of its own: lean the syringe's barrel out to the patient's right.
  const [ux, uy] = across > 1e-6 ? [x / across, y / across] : [1, 0];
  return [ux * Math.cos(elevation), uy * Math.cos(elevation), Math.sin(elevation)];
}

/** Where the fluid column's front end lies (the barrel's front, behind the hub). */
const FLUID_FRONT_Y = -HANDHELD.numbingNeedleLengthMm - 12 - 9;

/** Steel needle, hub, clear barrel with its fluid, plunger: tip at the origin, trailing back along −Y. */
function syringeGeometry() {
  const L = HANDHELD.numbingNeedleLengthMm;
  const rn = HANDHELD.numbingNeedleGauge22Mm / 2;
  const R = HANDHELD.syringeBarrelDiameterMm / 2;
  const B = HANDHELD.syringeBarrelLengthMm;
  const hubEnd = -L - 12;
  return {
    needle: lathe([
      [0, 0],
      [rn, -1.5],
      [rn, -L],
      [3.2, -L - 1],
      [3.8, hubEnd],
      [0, hubEnd],
    ]),
    barrel: lathe([
      [0, hubEnd + 2],
      [2.2, hubEnd + 2],
      [2.4, hubEnd - 6],
      [R, hubEnd - 9],
      [R, hubEnd - B],
      [R + 9, hubEnd - B],
      [R + 9, hubEnd - B - 2.5],
      [0, hubEnd - B - 2.5],
    ]),
    // Unit length, scaled to what is left in the barrel.
    fluid: lathe([
      [0, 0],
      [R - 0.9, 0],
      [R - 0.9, -1],
      [0, -1],
    ]).translate(0, hubEnd - 9, 0),
    // The rubber stopper: the dark disc that shows a syringe for what it is, even through a pale barrel.
    stopper: lathe([
      [0, hubEnd - 9 - (B - 14)],
      [R - 0.8, hubEnd - 9 - (B - 14)],
      [R - 0.6, hubEnd - 11.5 - (B - 14)],
      [R - 0.8, hubEnd - 14 - (B - 14)],
      [0, hubEnd - 14 - (B - 14)],
    ]),
    plunger: lathe([
      [0, hubEnd - 14 - (B - 14)],
      [2.5, hubEnd - 14 - (B - 14)],
      [2.5, hubEnd - B - 40],
      [R + 2, hubEnd - B - 40],
      [R + 2, hubEnd - B - 43],
      [0, hubEnd - B - 43],
    ]),
  };
}

/**
 * The local anaesthetic: a syringe with a fine needle numbs the skin and the track down to the bone, first on
 * one side, then on the other. Shown only during the anaesthesia step; the plunger goes down as it injects.
 */
export function NumbingSyringe({ needles, skinPoints }: NumbingSyringeProps) {
  const controller = useController();
  const { surfaces } = useSceneResources();
  const fluoro = useFluoroMaterials();
  const materials = useInstrumentMaterials();
  const group = useRef<Group>(null);
  const plunger = useRef<Group>(null);
  const fluid = useRef<Mesh>(null);
  const geometry = useMemo(() => syringeGeometry(), []);
  // The plunger in the numbing marks' violet: the syringe and the spots it leaves read as one thing (the rod of a
  // white plunger vanished against the pale skin and barrel).
  const plungerMaterial = useMemo(
    () => new MeshStandardMaterial({ color: palette.marker, roughness: 0.5 }),
    [],
  );
  useEffect(() => () => plungerMaterial.dispose(), [plungerMaterial]);
  const advance = useMemo(() => needles.map(syringeAdvance), [needles]);
  const orientations = useMemo(() => advance.map((d) => alongNeedle(d)), [advance]);
  useEffect(
    () => () => {
      for (const g of Object.values(geometry)) g.dispose();
    },
    [geometry],
  );
  useFrame(() => {
    const g = group.current;
    if (!g || needles.length === 0) return;
    const s = controller.state;
    g.visible = s.step === 'anaesthesia' && s.torsoOpacity > 0.3;
    if (!g.visible) return;
    // One side after the other: each gets an equal share of the step.
    const share = 1 / needles.length;
    const i = Math.min(needles.length - 1, Math.floor(s.stepProgress / share));
    const u = (s.stepProgress - i * share) / share;
    const skin = skinPoints[i]!;
    const depth = numbingNeedleDepthMm(u, skin.depthMm);
    const d = advance[i]!;
    g.position.set(skin.point[0] + d[0] * depth, skin.point[1] + d[1] * depth, skin.point[2] + d[2] * depth);
    g.quaternion.copy(orientations[i]!);
    const inject = Math.min(1, Math.max(0, (u - 0.45) / 0.35));
    const full = HANDHELD.syringeBarrelLengthMm - 14;
    const pushed = inject * 0.6 * full;
    if (plunger.current) plunger.current.position.y = pushed;
    if (fluid.current) {
      // Scaled about the barrel's front end (the geometry's y = hubEnd − 9 line stays put).
      fluid.current.scale.y = full - pushed;
      fluid.current.position.y = FLUID_FRONT_Y * (1 - (full - pushed));
    }
  });
  return (
    <group ref={group} visible={false}>
      <mesh
        geometry={geometry.needle}
        material={surfaces.steel}
        userData={{ fluoroMaterial: fluoro.steel }}
      />
      <mesh geometry={geometry.barrel} material={materials.plastic} renderOrder={7} />
      <group ref={plunger}>
        <mesh geometry={geometry.stopper} material={materials.stopper} />
        <mesh geometry={geometry.plunger} material={plungerMaterial} />
      </group>
      <mesh ref={fluid} geometry={geometry.fluid} material={materials.anaesthetic} renderOrder={6} />
    </group>
  );
}
