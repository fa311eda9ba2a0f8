import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { FrontSide, MeshBasicMaterial, type BufferGeometry, type Mesh } from 'three';
import { useController } from '../playback/react/viewerHooks';
import type { BodyHeights } from '../procedure/fracture';
import type { ProcedureState } from '../procedure/procedureState';
import { palette } from './palette';

/** NormalShapeGhostProps: the treated body's undeformed surface and where its heights are read. */
export interface NormalShapeGhostProps {
  /** The body's surface as modelled (before the fracture shader lowers it), in the frame its mesh is drawn in. */
  geometry: BufferGeometry;
  /** Its place in the treated levels (the frame's entry for it says how far it has sunk). */
  levelIndex: number;
  /** The body's heights before the fracture (mm). */
  normal: Readonly<BodyHeights>;
}

/** How strongly the normal shape shows at full highlight: a veil, not a second bone. */
export const NORMAL_SHAPE_OPACITY = 0.5;
/** Below this much lost height (a share of the normal height) there is nothing to show. */
const LOST_MIN = 0.02;

/**
 * How much of the veil a moment shows (0–1): the highlight (1 at the overview, blending in and out with the
 * camera), but only over an opaque bone. Where the body turns see-through (access, the result) or the view goes
 * inside it, a veil would tint the whole body instead of showing what it lost.
 */
export function normalShapeShown(
  state: Pick<ProcedureState, 'highlight' | 'seeThrough' | 'insideView'>,
): number {
  return state.highlight * (1 - state.seeThrough) * (1 - state.insideView);
}

/**
 * The veil's opacity: NORMAL_SHAPE_OPACITY scaled by how much the moment shows it (normalShapeShown), nothing
 * where the body has lost (almost) no height at any wall — before the fracture is shown, or after the height is
 * back.
 */
export function normalShapeOpacity(
  heights: Readonly<BodyHeights>,
  normal: Readonly<BodyHeights>,
  shown: number,
): number {
  const kept = Math.min(
    heights.anteriorMm / normal.anteriorMm,
    heights.middleMm / normal.middleMm,
    heights.posteriorMm / normal.posteriorMm,
  );
  return 1 - kept > LOST_MIN ? NORMAL_SHAPE_OPACITY * shown : 0;
}

/**
 * The broken body's normal shape, as a pale veil in the highlight colour while the treated bone is highlighted
 * and opaque (the overview; faintly while targeting): where the bone has sunk, the veil stands alone and shows the height that was lost; where the
 * bone is whole, the bone itself covers it (pushed back in depth, it never shows through the bone's own surface).
 * A shaded vertebra of normal outline with the fractured one inside it is how a patient sees "it has sunk down" in
 * 3D, as the lateral X-ray shows the wedge. Only the 3D view draws it: it has no X-ray material.
 */
export function NormalShapeGhost({ geometry, levelIndex, normal }: NormalShapeGhostProps) {
  const controller = useController();
  const mesh = useRef<Mesh>(null);
  // Read into once per frame, not allocated per frame.
  const heights = useMemo<BodyHeights>(() => ({ anteriorMm: 0, middleMm: 0, posteriorMm: 0 }), []);
  const material = useMemo(
    () =>
      new MeshBasicMaterial({
        color: palette.highlight,
        transparent: true,
        opacity: 0,
        depthWrite: false,
        side: FrontSide,
        // Behind the bone where the two surfaces meet, so only the lost part shows.
        polygonOffset: true,
        polygonOffsetFactor: 4,
        polygonOffsetUnits: 4,
      }),
    [],
  );
  useEffect(() => () => material.dispose(), [material]);
  useFrame(() => {
    const s = controller.state;
    const own = s.levels[levelIndex] ?? s;
    heights.anteriorMm = own.anteriorHeightMm;
    heights.middleMm = own.middleHeightMm;
    heights.posteriorMm = own.posteriorHeightMm;
    material.opacity = normalShapeOpacity(heights, normal, normalShapeShown(s));
    if (mesh.current) mesh.current.visible = material.opacity > 0.005;
  });
  return <mesh ref={mesh} geometry={geometry} material={material} visible={false} renderOrder={1} />;
}
