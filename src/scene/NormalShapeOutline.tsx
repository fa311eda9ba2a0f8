import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { DoubleSide, MeshBasicMaterial, Vector4, type BufferGeometry, type Mesh } from 'three';
import type { NeedlePath } from '../procedure/accessPath';
import type { ProcedureState } from '../procedure/procedureState';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { needleCutPlane } from './cutaway';
import { palette } from './palette';
import { vertebraLandmarks } from '../anatomy/vertebraLandmarks';
import { fractureProfile, heightKeptByBalloonMm } from '../procedure/fracture';
import type { ProcedureOptions } from '../procedure/types';
import { bodyShapeBeforeBalloon, collapsedEndplateOutline, normalEndplateOutline } from './collapsedOutline';
import { sectionOutline } from './sectionOutline';
import { OutlineTags, type OutlineTag, type OutlineTagsHandle } from './OutlineTags';
import { normalShapeOpacity, normalShapeShown } from './NormalShapeGhost';
import { leaveOutOverHole } from './lineOverHole';
import { useSceneResources } from './useSceneResources';

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
/** Balloon volume (mL) by which the outline has fully appeared (the first part of the inflation), and cement
 * volume by which it has gone again. */
const OUTLINE_IN_ML = 0.5;

/** How strongly the overview's veil shows (normalShapeShown) before its tag begins to. */
const VEIL_TAG_FROM = 0.6;

/** The outline's two materials: the normal shape's (highlight) and the collapsed endplate's (dark), faded in. */
function lineMaterials(depthTest: boolean): MeshBasicMaterial[] {
  return [palette.highlight, palette.collapsedEndplate].map(
    (color) =>
      new MeshBasicMaterial({
        color,
        transparent: true,
        opacity: 0,
        depthWrite: false,
        depthTest,
        side: DoubleSide,
      }),
  );
}

/** One set of lines faded to `shown` (0–1), hidden when nothing of it would show. */
function showLines(
  meshes: readonly (Mesh | null)[],
  materials: readonly MeshBasicMaterial[],
  shown: number,
): void {
  for (const material of materials) material.opacity = shown;
  for (const mesh of meshes) if (mesh) mesh.visible = shown > 0.005;
}

/**
 * Where the result's lines lie across the body, as a share of its half width towards the side the views of the
 * opened body look from (+x in its level's frame, the side the cutaway removes). Seen from above and behind, lines
 * in the mid-sagittal plane drew higher than the near rim of the endplate they stand for (the farther, the higher);
 * nearer that rim, they sit where the eye finds it.
 */
const RESULT_LINE_SIDE = 0.6;

/**
 * How much of the result's lines a moment shows (0–1): once the cement is in a see-through, whole body after a
 * balloon made room (kyphoplasty), the body's normal shape and its collapsed endplate are drawn again, now in
 * a sagittal plane towards the near side (RESULT_LINE_SIDE), so the height the procedure won back shows in the
 * final picture as it did during the inflation. Vertebroplasty lifts nothing, so it has none.
 */
export function resultOutlineShown(
  state: Pick<ProcedureState, 'seeThrough' | 'insideView' | 'cavityVolumeMl'>,
): number {
  return state.cavityVolumeMl > 0 ? state.seeThrough * (1 - state.insideView) : 0;
}

/**
 * How much of the outline a moment shows (0–1): while a balloon is inflated inside the opened body, growing in
 * with the first half millilitre; and after it is emptied, while its hollow stands empty, fading as the first half
 * millilitre of cement goes in: the endplate stays above the dashed line, so the height kept after the balloon
 * came out reads as kept (without the lines, a review read the emptied body as collapsed again). Never when the
 * cutaway is off.
 */
export function normalOutlineShown(
  state: Pick<ProcedureState, 'insideView' | 'balloonVolumeMl' | 'cavityVolumeMl' | 'cementVolumeMl'>,
  cutaway: boolean,
): number {
  if (!cutaway) return 0;
  const inflated = Math.min(1, Math.max(0, state.balloonVolumeMl / OUTLINE_IN_ML));
  const hollow =
    state.cavityVolumeMl > 0 ? Math.min(1, Math.max(0, 1 - state.cementVolumeMl / OUTLINE_IN_ML)) : 0;
  return state.insideView * Math.max(inflated, hollow);
}

/**
 * The broken body's normal shape where the cutaway crosses it: a line in the highlight colour (the colour of the
 * normal-shape veil at the overview) drawn on the cut face while the balloon inflates. The endplate rises
 * towards it, so the height the balloon wins back — and the part it does not — reads at a glance, where before
 * the lift was a few millimetres of moving bone with nothing to measure it against. A dark dashed line stays where
 * the collapsed endplate was when the balloon went in: the gap between it and the rising bone is the height won,
 * visible in a still picture. Only the 3D view draws them. Each set is named in the picture (OutlineTags), and so
 * is the overview's veil of the normal shape (NormalShapeGhost): "normal height" at its front.
 */
export function NormalShapeOutline({ geometry, needle, options }: NormalShapeOutlineProps) {
  const controller = useController();
  const { cutaway } = useSettings();
  const cutLines = useRef<Mesh[]>([]);
  const resultLines = useRef<Mesh[]>([]);
  const cutTags = useRef<OutlineTagsHandle>(null);
  const resultTags = useRef<OutlineTagsHandle>(null);
  const overviewTag = useRef<OutlineTagsHandle>(null);
  // The cut's open place (no offset); the lines sit a little in front of the cut face.
  const plane = useMemo(() => needleCutPlane(needle, 0, new Vector4()), [needle]);
  const profile = useMemo(() => fractureProfile(options), [options]);
  const before = useMemo(() => {
    const marks = vertebraLandmarks(options.level);
    return bodyShapeBeforeBalloon(profile, marks.bodyWidthMm, marks.bodyDepthMm);
  }, [options, profile]);
  // Read into once per frame, not allocated per frame.
  const heights = useMemo(() => ({ anteriorMm: 0, middleMm: 0, posteriorMm: 0 }), []);
  // The result's lines lie inside the body, under the disc the normal endplate reaches into and behind the
  // cement: drawn over them (depthTest off), as on an X-ray, where the cut's lie on the face one looks at.
  const sidePlane = useMemo(() => new Vector4(1, 0, 0, -RESULT_LINE_SIDE * before.halfExtent[0]), [before]);
  const { cutaway: cut } = useSceneResources();
  // The cut's lines lie on the bone of the cut face: none across the balloon's hollow, where the face is open.
  const cutMaterials = useMemo(() => {
    const materials = lineMaterials(true);
    // The normal shape's top edge lies above the sunken bone, where the disc that followed the endplate down
    // stands in front of the cut (the cut opens only the bone): depth-tested, the one edge that says how tall the
    // body should be was hidden. Drawn over what is in front of the face; still left out over the hollow.
    materials[0]!.depthTest = false;
    for (const material of materials) leaveOutOverHole(material, cut.hole);
    return materials;
  }, [cut]);
  const resultMaterials = useMemo(() => lineMaterials(false), []);
  const lines = useMemo(() => {
    const tagsOf = (
      normal: BufferGeometry,
      collapsed: BufferGeometry,
      means: OutlineTag['text'],
      before: Pick<OutlineTag, 'text' | 'params'>,
    ): OutlineTag[] => [
      { key: 'normal', line: normal, text: means, below: false },
      { key: 'collapsed', line: collapsed, ...before, below: true },
    ];
    // The result says how much lower the endplate was: a blind review of the final picture saw the endplate near
    // the dashed line and read it as no height regained at all (a few millimetres is what a balloon keeps).
    const kept = { mm: Math.max(1, Math.round(heightKeptByBalloonMm(profile))) };
    // The whole normal shape on the cut face, where the bone around it shows what it outlines.
    const cutNormal = sectionOutline(geometry, plane, OUTLINE_WIDTH_MM, 0.25);
    const cutCollapsed = collapsedEndplateOutline(geometry, plane, before, OUTLINE_WIDTH_MM, 0.3, DASH_MM);
    // Inside a whole body only the endplates: where it belongs and where it had sunk, the bone between.
    const resultNormal = normalEndplateOutline(geometry, sidePlane, before, OUTLINE_WIDTH_MM, 0);
    const resultCollapsed = collapsedEndplateOutline(
      geometry,
      sidePlane,
      before,
      OUTLINE_WIDTH_MM,
      0,
      DASH_MM,
    );
    return {
      sets: [
        {
          group: cutLines,
          tags: cutTags,
          materials: cutMaterials,
          normal: cutNormal,
          collapsed: cutCollapsed,
          named: tagsOf(cutNormal, cutCollapsed, 'outline.normalShape', { text: 'outline.before' }),
        },
        {
          group: resultLines,
          tags: resultTags,
          materials: resultMaterials,
          normal: resultNormal,
          collapsed: resultCollapsed,
          named: tagsOf(resultNormal, resultCollapsed, 'outline.normalHeight', {
            text: 'outline.beforeLower',
            params: kept,
          }),
        },
      ],
      // The overview's veil (NormalShapeGhost, drawn with the first frame) has no line of its own: its tag hangs
      // where the result's normal endplate begins, the front of the height the bone lost.
      overview: [{ key: 'normal', line: resultNormal, text: 'outline.normalHeight' as const, below: false }],
    };
  }, [geometry, plane, sidePlane, before, profile, cutMaterials, resultMaterials]);
  useEffect(
    () => () => lines.sets.forEach((set) => [set.normal, set.collapsed].forEach((g) => g.dispose())),
    [lines],
  );
  useEffect(
    () => () => [...cutMaterials, ...resultMaterials].forEach((m) => m.dispose()),
    [cutMaterials, resultMaterials],
  );
  useFrame(() => {
    const cut = normalOutlineShown(controller.state, cutaway);
    // One moment shows one set at most: the cut's while the body is open, the result's once it is whole again.
    const result = cut > 0.005 ? 0 : resultOutlineShown(controller.state);
    showLines(cutLines.current, cutMaterials, cut);
    showLines(resultLines.current, resultMaterials, result);
    cutTags.current?.show(cut);
    resultTags.current?.show(result);
    // The veil's tag while the veil shows strongly (the overview), not where it is faint (targeting).
    const s = controller.state;
    heights.anteriorMm = s.anteriorHeightMm;
    heights.middleMm = s.middleHeightMm;
    heights.posteriorMm = s.posteriorHeightMm;
    const veil = normalShapeOpacity(heights, profile.normal, 1) > 0 ? normalShapeShown(s) : 0;
    overviewTag.current?.show(Math.min(1, Math.max(0, (veil - VEIL_TAG_FROM) / (1 - VEIL_TAG_FROM))));
  });
  return (
    <>
      {lines.sets.map(({ group, tags, named, materials, normal, collapsed }, i) => (
        <group key={i}>
          <mesh
            ref={(m: Mesh | null) => void (group.current[0] = m!)}
            geometry={normal}
            material={materials[0]}
            visible={false}
            renderOrder={2}
          />
          <mesh
            ref={(m: Mesh | null) => void (group.current[1] = m!)}
            geometry={collapsed}
            material={materials[1]}
            visible={false}
            renderOrder={2}
          />
          <OutlineTags ref={tags} tags={named} />
        </group>
      ))}
      <OutlineTags ref={overviewTag} tags={lines.overview} />
    </>
  );
}
