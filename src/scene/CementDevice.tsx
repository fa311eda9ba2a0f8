import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { CylinderGeometry, type Group, type Mesh } from 'three';
import { TROCAR_LENGTH_MM, type AccessPlan } from '../procedure/accessPath';
import { HANDHELD } from '../procedure/instruments';
import type { ProcedureId } from '../procedure/types';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { behindTheCut } from './cutaway';
import { handleHeight, handleStart, lathe, merged } from './instruments/instrumentGeometry';
import { useInstrumentMaterials } from './instruments/useInstrumentMaterials';
import { useInstrumentPlacement } from './useInstrumentPlacement';

/** CementDeviceProps: the access plan whose cannulas deliver the cement. */
export interface CementDeviceProps {
  /** Needle paths of the current level and approach. */
  plan: AccessPlan;
  /** Kyphoplasty pushes cement through a bone filler in the working cannula; vertebroplasty from a syringe. */
  procedure: ProcedureId;
}

/** How the device lies along the instrument axis (tip of the cannula at y = 0, advance +Y). */
interface DeviceLayout {
  /** Where the cement column starts (its front end) and the column's full length. */
  columnFrontY: number;
  columnLengthMm: number;
  innerRadius: number;
  barrel: ReturnType<typeof lathe>;
  plunger: ReturnType<typeof lathe>;
}

function layout(procedure: ProcedureId, cannulaMm: number): DeviceLayout {
  if (procedure === 'kyphoplasty') {
    // Bone filler: a clear tube that fits the working cannula, prefilled with cement, emptied by a plunger.
    const outer = cannulaMm / 2 - 0.4;
    const inner = outer - 0.45;
    const length = HANDHELD.boneFillerLengthMm;
    const column = Math.min(length - 12, (HANDHELD.boneFillerVolumeMl * 1000) / (Math.PI * inner * inner));
    const barrel = merged([
      lathe([
        [0, 0],
        [outer, 0],
        [outer, -length],
        [0, -length],
      ]),
      lathe([
        [0, -length + 4],
        [6, -length + 4],
        [6, -length - 8],
        [0, -length - 8],
      ]),
    ]);
    return {
      columnFrontY: -1,
      columnLengthMm: column,
      innerRadius: inner,
      barrel,
      plunger: plunger(inner, length + 40),
    };
  }
  // Vertebroplasty: a small cement syringe screwed onto the needle's hub, behind the T-handle.
  const r = HANDHELD.cementSyringeDiameterMm / 2;
  const front = handleStart(TROCAR_LENGTH_MM) - handleHeight('tee') - 4;
  const length = HANDHELD.cementSyringeLengthMm;
  const barrel = lathe([
    [0, front + 6],
    [2, front + 6],
    [2.5, front],
    [r, front - 2],
    [r, front - length],
    [r + 6, front - length],
    [r + 6, front - length - 2],
    [0, front - length - 2],
  ]);
  return {
    columnFrontY: front - 2,
    columnLengthMm: length - 8,
    innerRadius: r - 0.8,
    barrel,
    plunger: plunger(r - 0.8, length + 10),
  };
}

/** Plunger: rubber-tipped rod with a thumb press, its tip at the origin, trailing back along −Y. */
function plunger(r: number, length: number) {
  return lathe([
    [0, 0],
    [r, 0],
    [r, -3],
    [Math.max(0.6, r * 0.45), -3],
    [Math.max(0.6, r * 0.45), -length],
    [Math.max(7, r + 4), -length],
    [Math.max(7, r + 4), -length - 3],
    [0, -length - 3],
  ]);
}

/**
 * The cement delivery device seated in each cannula during cement injection. Kyphoplasty: the bone filler,
 * advanced to the front of the cavity and drawn back as the cavity fills, its plunger pushing the cement column
 * out. Vertebroplasty: a small syringe on the needle's hub emptying as the cement spreads.
 */
export function CementDevice({ plan, procedure }: CementDeviceProps) {
  const controller = useController();
  const materials = useInstrumentMaterials();
  const kypho = procedure === 'kyphoplasty';
  const placed = useInstrumentPlacement(plan, {
    visible: (s) => s.step === 'cement-injection',
    // The filler starts at the front of the cavity and is drawn back towards the cannula as it fills.
    depthMm: (s) =>
      kypho
        ? plan.targetDepthMm + (plan.cannulaDepthMm - plan.targetDepthMm) * s.cementFill
        : s.cannulaDepthMm,
  });
  const devices = useMemo(
    () => plan.needles.map((n) => layout(procedure, kypho ? n.workingCannulaMm : n.outerDiameterMm)),
    [plan, procedure, kypho],
  );
  const column = useMemo(() => new CylinderGeometry(1, 1, 1, 16).translate(0, -0.5, 0), []);
  const columns = useRef<(Mesh | null)[]>([]);
  const plungers = useRef<(Group | null)[]>([]);
  const { cutaway } = useSettings();
  /** Each device, left out while its needle is behind the open cut (behindTheCut). */
  const bodies = useRef<(Group | null)[]>([]);
  useEffect(
    () => () => {
      column.dispose();
      for (const d of devices) {
        d.barrel.dispose();
        d.plunger.dispose();
      }
    },
    [devices, column],
  );
  useFrame(() => {
    const fill = controller.state.cementFill;
    for (let i = 0; i < bodies.current.length; i++) {
      const body = bodies.current[i];
      if (body) body.visible = !behindTheCut(i, controller.state, cutaway);
    }
    for (let i = 0; i < devices.length; i++) {
      const d = devices[i]!;
      const left = Math.max(0.5, d.columnLengthMm * (1 - fill));
      const mesh = columns.current[i];
      if (mesh) {
        mesh.position.y = d.columnFrontY;
        mesh.scale.set(d.innerRadius, left, d.innerRadius);
      }
      const p = plungers.current[i];
      if (p) p.position.y = d.columnFrontY - left;
    }
  });
  return (
    <>
      {devices.map((d, i) => (
        <group key={plan.needles[i]!.side} ref={placed.refs[i]} quaternion={placed.orientations[i]}>
          <group ref={(g) => void (bodies.current[i] = g)}>
            <mesh ref={(m) => void (columns.current[i] = m)} geometry={column} material={materials.cement} />
            <group ref={(g) => void (plungers.current[i] = g)}>
              <mesh geometry={d.plunger} material={materials.plunger} />
            </group>
            <mesh geometry={d.barrel} material={materials.plastic} renderOrder={3} />
          </group>
        </group>
      ))}
    </>
  );
}
