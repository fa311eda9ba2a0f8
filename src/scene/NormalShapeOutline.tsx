import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { DoubleSide, MeshBasicMaterial, Vector4, type BufferGeometry, type Mesh } from 'three';
import type { NeedlePath } from '../procedure/accessPath';
import type { ProcedureState } from '../procedure/procedureState';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { needleCutPlane } from './cutaway';
import { palette } from './palette';
import { vertebraLandmarks } from '../anatomy/vertebraLandmarks';
import { fractureProfile } from '../procedure/fracture';
import type { ProcedureOptions } from '../procedure/types';
import { bodyShapeBeforeBalloon, collapsedEndplateOutline } from './collapsedOutline';
import { sectionOutline } from './sectionOutline';

/** NormalShapeOutlineProps: the treated body's undeformed surface and the needle its cut follows. */
export interface NormalShapeOutlineProps {
  /** The body's surface as modelled (its normal shape, before the fracture shader lowers it), in its own frame. */
  geometry: BufferGeometry;
  /** The first needle of the plan: the cutaway runs along it (cutaway.ts). */
  needle: NeedlePath;
  /** The treated level's fracture: the body as it was when the balloon went in has its endplate drawn dashed. */
  options: ProcedureOptions;
}

/** Width of the outline on the cut face (mm): a clear line at a close-up, thinner than the cortex beside it. */
const OUTLINE_WIDTH_MM = 0.7;
/** The collapsed endplate's dashes and gaps (mm): a dashed line reads as "where it was", not as an edge. */
const DASH_MM = 1.1;
/** Balloon volume (mL) by which the outline has fully appeared: the first part of the inflation. */
const OUTLINE_IN_ML = 0.5;

/**
 * How much of the outline a moment shows (0–1): while a balloon is inflated inside the opened body, growing in
 * with the first half millilitre and going as the balloon is emptied; never when the cutaway is off.
 */
export function normalOutlineShown(
  state: Pick<ProcedureState, 'insideView' | 'balloonVolumeMl'>,
  cutaway: boolean,
): number {
  if (!cutaway) return 0;
  return state.insideView * Math.min(1, Math.max(0, state.balloonVolumeMl / OUTLINE_IN_ML));
}

/**
 * The broken body's normal shape where the cutaway crosses it: a line in the highlight colour (the colour of the
 * normal-shape veil at the overview) drawn on the cut face while the balloon inflates. The endplate rises
 * towards it, so the height the balloon wins back — and the part it does not — reads at a glance, where before
 * the lift was a few millimetres of moving bone with nothing to measure it against. A dark dashed line stays where
 * the collapsed endplate was when the balloon went in: the gap between it and the rising bone is the height won,
 * visible in a still picture. Only the 3D view draws them.
 */
export function NormalShapeOutline({ geometry, needle, options }: NormalShapeOutlineProps) {
  const controller = useController();
  const { cutaway } = useSettings();
  const mesh = useRef<Mesh>(null);
  const before = useRef<Mesh>(null);
  // The cut's open place (no offset); the lines sit a little in front of the cut face.
  const plane = useMemo(() => needleCutPlane(needle, 0, new Vector4()), [needle]);
  const outline = useMemo(() => sectionOutline(geometry, plane, OUTLINE_WIDTH_MM, 0.25), [geometry, plane]);
  const collapsedLine = useMemo(() => {
    const marks = vertebraLandmarks(options.level);
    const before = bodyShapeBeforeBalloon(fractureProfile(options), marks.bodyWidthMm, marks.bodyDepthMm);
    return collapsedEndplateOutline(geometry, plane, before, OUTLINE_WIDTH_MM, 0.3, DASH_MM);
  }, [geometry, plane, options]);
  const materials = useMemo(
    () =>
      [palette.highlight, palette.collapsedEndplate].map(
        (color) =>
          new MeshBasicMaterial({
            color,
            transparent: true,
            opacity: 0,
            depthWrite: false,
            side: DoubleSide,
          }),
      ),
    [],
  );
  useEffect(() => () => outline.dispose(), [outline]);
  useEffect(() => () => collapsedLine.dispose(), [collapsedLine]);
  useEffect(() => () => materials.forEach((m) => m.dispose()), [materials]);
  useFrame(() => {
    const shown = normalOutlineShown(controller.state, cutaway);
    for (const material of materials) material.opacity = shown;
    if (mesh.current) mesh.current.visible = shown > 0.005;
    if (before.current) before.current.visible = shown > 0.005;
  });
  return (
    <>
      <mesh ref={mesh} geometry={outline} material={materials[0]} visible={false} renderOrder={2} />
      <mesh ref={before} geometry={collapsedLine} material={materials[1]} visible={false} renderOrder={2} />
    </>
  );
}
