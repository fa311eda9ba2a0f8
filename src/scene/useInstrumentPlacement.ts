import { useFrame } from '@react-three/fiber';
import { useMemo, useRef, type RefObject } from 'react';
import { Quaternion, Vector3, type Object3D } from 'three';
import type { Vec3 } from '../anatomy/vertebraLandmarks';
import { tipAt, type AccessPlan } from '../procedure/accessPath';
import type { ProcedureState } from '../procedure/procedureState';
import { useController } from '../playback/react/viewerHooks';

/** Local +Y of every instrument model: its direction of advance (read only). */
const ADVANCE = new Vector3(0, 1, 0);

/** The rotation that turns an instrument's local +Y onto a needle direction (or any unit vector). */
export function alongNeedle(direction: Vec3): Quaternion {
  return new Quaternion().setFromUnitVectors(ADVANCE, new Vector3(...direction));
}

/** Where an instrument is in a state: on every needle path of the plan, at one depth. */
export interface InstrumentPlacement {
  /** Whether the instrument shows in the state. */
  visible: (state: ProcedureState) => boolean;
  /** Depth along each needle path (mm from the bone entry point) of the instrument's local origin. */
  depthMm: (state: ProcedureState) => number;
}

/** The objects placed on the plan's needles, indexed like `plan.needles`. */
export interface PlacedInstruments {
  /** Orientation of each needle's object: local +Y along the needle. */
  orientations: Quaternion[];
  /** Ref callback of each needle's object. */
  refs: ((object: Object3D | null) => void)[];
  /** The mounted objects (null until mounted), for further per-frame changes such as scale. */
  objects: RefObject<(Object3D | null)[]>;
}

/**
 * Keeps one object per needle on its planned path: oriented along the needle, its origin at the state's depth,
 * shown while the state uses the instrument. Updated in useFrame, allocating nothing per frame.
 */
export function useInstrumentPlacement(plan: AccessPlan, placement: InstrumentPlacement): PlacedInstruments {
  const controller = useController();
  const objects = useRef<(Object3D | null)[]>([]);
  const point = useMemo<[number, number, number]>(() => [0, 0, 0], []);
  const orientations = useMemo(() => plan.needles.map((n) => alongNeedle(n.direction)), [plan]);
  const refs = useMemo(
    () => plan.needles.map((_, i) => (object: Object3D | null) => void (objects.current[i] = object)),
    [plan],
  );
  useFrame(() => {
    const s = controller.state;
    const visible = placement.visible(s);
    const depth = placement.depthMm(s);
    for (let i = 0; i < plan.needles.length; i++) {
      const object = objects.current[i];
      if (!object) continue;
      object.visible = visible;
      tipAt(plan.needles[i]!, depth, point);
      object.position.set(point[0], point[1], point[2]);
    }
  });
  return { orientations, refs, objects };
}
