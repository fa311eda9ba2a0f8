import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type ComponentType } from 'react';
import { Matrix4, Mesh, Vector4, type BufferGeometry, type Object3D } from 'three';
import { isRib } from '../anatomy/loadSpineModel';
import { vertebraLandmarks } from '../anatomy/vertebraLandmarks';
import { accessPlan } from '../procedure/accessPath';
import { fractureProfile } from '../procedure/fracture';
import type { ProcedureOptions } from '../procedure/types';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { applyArchLook, archLook, createArchLook, createArchMaterials, PEDICLE_PART } from './archLook';
import { createTreatedBodyMaterials } from './boneMaterial';
import { CutFaceShell } from './CutFaceShell';
import { axialCutPlane, crossesPlane, cutOpen, needleCutPlane } from './cutaway';
import { NormalShapeGhost } from './NormalShapeGhost';
import { GHOST_OPACITY, SEE_THROUGH_OPACITY, showThrough } from './seeThrough';
import type { NormalShapeOutlineProps } from './NormalShapeOutline';
import { useSceneResources } from './useSceneResources';

const IDENTITY = new Matrix4();

/** `child`'s transform in `ancestor`'s frame (their world matrices must be up to date). */
function relativeMatrix(child: Object3D, ancestor: Object3D): Matrix4 {
  return child.matrixWorld.clone().premultiply(ancestor.matrixWorld.clone().invert());
}

/** TreatedVertebraProps: the loaded spine and the options that pick and shape the treated level. */
export interface TreatedVertebraProps {
  /** Root of the loaded spine asset. */
  scene: Object3D;
  /** Level, grade, morphology and approach. */
  options: ProcedureOptions;
  /** Its place in the treated levels (its heights are read from the frame's entry for it). */
  levelIndex: number;
  /** The level being worked on: only it opens up (cut away, see-through inside) for the action. */
  active: boolean;
  /**
   * The normal shape's line on the cut (NormalShapeOutline, from the scene features' chunk: it shows only while a
   * balloon inflates, so the first frame waits for none of it), or none until that chunk is here.
   */
  Outline?: ComponentType<NormalShapeOutlineProps> | undefined;
}

/**
 * The fractured vertebra: its body deformed by the state's heights (fracture, balloon lift), highlighted in the
 * overview, and opened along the first needle's track (cutaway.ts) with a trabecular cut face when the action is
 * inside it.
 */
export function TreatedVertebra({ scene, options, levelIndex, active, Outline }: TreatedVertebraProps) {
  const controller = useController();
  const { cutaway: cutawayEnabled } = useSettings();
  const profile = useMemo(() => fractureProfile(options), [options]);
  const { cutaway } = useSceneResources();
  const marks = vertebraLandmarks(options.level);
  const cutNeedle = accessPlan(options.level, options.approach).needles[0]!;
  // Closed and opaque (the overview, the first frame), the body is drawn by the untreated bones' program with its
  // fracture field; the cut's program is drawn only once the action goes inside or the body turns see-through.
  const body = useMemo(
    () => createTreatedBodyMaterials(active ? cutaway.plane : null, cutaway.hole),
    [cutaway, active],
  );
  const bodyMesh = useRef<Mesh>(null);
  // Closed, the arch is plain bone. Open, it is cut by the same plane as the body: the plane runs down the first
  // needle's pedicle, so the pedicle opens along the needle and its section meets the body's (cutaway.ts). Cut, it
  // shares the body's program (no extra compile, and no stall when the cut opens). The pedicles have materials of
  // their own (the same programs), to stand out around the needles at access (archLook.ts).
  const arch = useMemo(() => createArchMaterials(cutaway.plane), [cutaway]);
  const pedicles = useMemo(() => createArchMaterials(cutaway.plane), [cutaway]);
  const look = useMemo(createArchLook, []);
  const partMeshes = useRef<(Mesh | null)[]>([]);
  // The X-ray's materials come with the X-ray (FluoroPass, fluoroMaterialOf): named here. Kept from render to
  // render: a new object is a changed prop to React Three Fiber, which then asks for a frame with nothing changed.
  const userData = useMemo(
    () => ({
      body: { fluoroKind: 'treatedBody', fluoroUniforms: body.uniforms },
      part: { fluoroKind: 'bone' },
    }),
    [body],
  );

  const meshes = useMemo(() => {
    const node = scene.getObjectByName(options.level);
    const out: {
      name: string;
      geometry: BufferGeometry;
      isBody: boolean;
      isPedicle: boolean;
      opened: boolean;
    }[] = [];
    // The cut runs along the first needle inside the body, and across the spine through the needles at access.
    const planes = [needleCutPlane(cutNeedle, 0, new Vector4()), axialCutPlane(cutNeedle, 0, new Vector4())];
    node?.updateMatrixWorld(true);
    node?.traverse((child) => {
      // Ribs stay in the static spine (mergeStaticParts keeps them): only the vertebra itself is treated.
      if (!(child instanceof Mesh) || isRib(child)) return;
      // Bake the part's transform relative to its level node: the group we draw in is that level's frame. The
      // model's parts hang straight from their level with their placement already in their vertices, so this is
      // usually no transform at all; then the copy is all (transforming it anyway cost 8 ms before the first frame).
      const geometry = (child.geometry as BufferGeometry).clone();
      const relative = child.parent === node ? child.matrix : relativeMatrix(child, node);
      if (!relative.equals(IDENTITY)) geometry.applyMatrix4(relative);
      out.push({
        name: child.name,
        geometry,
        isBody: child.name === `${options.level}_body`,
        isPedicle: PEDICLE_PART.test(child.name),
        // Every part the open cut crosses shows cancellous bone inside its cortex, as the body does.
        opened: planes.some((plane) => crossesPlane(geometry, plane)),
      });
    });
    return out;
  }, [scene, options.level, cutNeedle]);

  useEffect(() => () => meshes.forEach((m) => m.geometry.dispose()), [meshes]);
  useEffect(
    () => () => {
      body.closed.dispose();
      body.open?.dispose();
      for (const pair of [arch, pedicles]) {
        pair.plain.material.dispose();
        pair.cut.material.dispose();
      }
    },
    [body, arch, pedicles],
  );

  useFrame(() => {
    const s = controller.state;
    const own = s.levels[levelIndex] ?? s;
    const h = body.uniforms.uFractureHeights.value;
    h[0] = own.anteriorHeightMm / profile.normal.anteriorMm;
    h[1] = own.middleHeightMm / profile.normal.middleMm;
    h[2] = own.posteriorHeightMm / profile.normal.posteriorMm;
    const e = body.uniforms.uBodyHalfExtent.value;
    e[0] = marks.bodyWidthMm / 2;
    e[1] = marks.bodyDepthMm / 2;
    body.uniforms.uFractureAnchor.value = profile.anchorMm;
    body.uniforms.uHighlight.value = s.highlight;
    archLook(s, look);
    applyArchLook(arch, look.archHighlight);
    applyArchLook(pedicles, look.pedicleHighlight);
    const open = active && cutOpen(s, cutawayEnabled);
    for (let i = 0; i < partMeshes.current.length; i++) {
      const mesh = partMeshes.current[i];
      const pair = meshes[i]?.isPedicle ? pedicles : arch;
      if (mesh) mesh.material = open ? pair.cut.material : pair.plain.material;
    }
    // See-through (SEE_THROUGH_OPACITY) at the result, where the cement sits inside a whole body (the body alone:
    // a see-through arch made the whole bone read as fading away); the body also fades when the view goes inside
    // uncut.
    const cutless = cutawayEnabled || !active ? 0 : s.insideView;
    const seeThrough = (1 - SEE_THROUGH_OPACITY) * s.seeThrough;
    const bodyFade = Math.max((1 - GHOST_OPACITY) * cutless, seeThrough);
    const bodyMaterial = body.open && (open || bodyFade > 0) ? body.open : body.closed;
    if (bodyMesh.current) bodyMesh.current.material = bodyMaterial;
    showThrough(bodyMaterial, bodyFade);
  });

  return (
    <>
      {meshes.map((m, i) => (
        <mesh
          key={m.name}
          name={m.name}
          ref={m.isBody ? bodyMesh : (mesh: Mesh | null) => void (partMeshes.current[i] = mesh)}
          geometry={m.geometry}
          material={m.isBody ? body.closed : (m.isPedicle ? pedicles : arch).plain.material}
          userData={m.isBody ? userData.body : userData.part}
        />
      ))}
      {meshes.map(
        (m) =>
          m.opened &&
          active &&
          // Only an opened body shows its shell, and no moment before the features' chunk is here opens it (a
          // viewer opening on one waits for the chunk): its inset copy of the surface is built after the first frame.
          Outline && (
            <CutFaceShell
              key={`${m.name}-cut`}
              geometry={m.geometry}
              uniforms={m.isBody ? body.uniforms : (m.isPedicle ? pedicles : arch).cut.uniforms}
            />
          ),
      )}
      {meshes.map(
        (m) =>
          m.isBody &&
          active &&
          Outline && (
            <Outline key={`${m.name}-outline`} geometry={m.geometry} needle={cutNeedle} options={options} />
          ),
      )}
      {meshes.map(
        (m) =>
          m.isBody && (
            <NormalShapeGhost
              key={`${m.name}-normal`}
              geometry={m.geometry}
              levelIndex={levelIndex}
              normal={profile.normal}
              fracture={body.uniforms}
            />
          ),
      )}
    </>
  );
}
