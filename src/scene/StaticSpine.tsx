import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type ComponentType } from 'react';
import { PerspectiveCamera, Vector3, type Mesh, type Object3D } from 'three';
import type { LevelId } from '../anatomy/levels';
import { useController } from '../playback/react/viewerHooks';
import { createBoneSurfaceMaterial } from './boneMaterial';
import { createDiscMaterial } from './discMaterial';
import { ContextPartCut } from './contextPartCut';
import type { DiscsFollowingProps } from './discFollow';
import type { cullByFocus } from './focusCull';
import { createFocusHiddenUniform, createFocusUniform, setFocusSection } from './focusGlsl';
import { workerStaticSpine, type MergedStatic } from './loading/preparedSpine';

/** StaticSpineProps: the loaded spine and the level drawn separately. */
export interface StaticSpineProps {
  /** Root of the loaded spine asset. */
  scene: Object3D;
  /** Left out of the merge: the treated levels are drawn (and deformed) on their own. */
  treatedLevels: readonly LevelId[];
  /** Moves the disc above each treated level with its endplate (discFollow.ts, the features' chunk), once here. */
  Follow?: ComponentType<DiscsFollowingProps> | undefined;
  /** The page's merge (the features' chunk), for levels the decoding worker did not merge. */
  merge?: ((root: Object3D, excluded: string) => MergedStatic) | undefined;
  /** Leaves out of each draw what the focus cut discards whole (focusCull.ts, the features' chunk). */
  cull?: typeof cullByFocus | undefined;
}

/** How far the ribs and iliac wings fade while the view is inside the treated body (1 = gone). */
const CONTEXT_FADE = 0.82;
/** Below this opacity the context bones are not drawn in 3D at all (keeps close-ups within the triangle budget). */
const CONTEXT_HIDDEN = 0.25;

/** Radius of the focus as a share of the view's half-height at the focus (guided shots fill 56–80 % with it). */
const FOCUS_SHARE = 0.6;
const ORIGIN = new Vector3();

/**
 * Every untreated vertebra merged into one mesh, every disc into another, and the context bones (ribs, iliac wings)
 * into a third, named `context-bones`, that fades while the view is inside the treated body (the close-ups look
 * through the rib cage or past the pelvis): three draw calls for the spine.
 */
export function StaticSpine({ scene, treatedLevels, Follow, merge, cull }: StaticSpineProps) {
  const excluded = treatedLevels.join(',');
  // Keyed by the joined list, so a new array with the same levels does not merge again. The levels the viewer
  // opened on come merged by the decoding worker; others wait for the page's merge (the first frame waits with
  // them, see useSceneFeatures), and do not merge again when it arrives after the worker's.
  const fromWorker = useMemo(() => workerStaticSpine(scene, excluded), [scene, excluded]);
  const canMerge = merge !== undefined;
  const merged = useMemo(
    () => fromWorker ?? (merge ? merge(scene, excluded) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new `merge` (the chunk arriving) changes nothing
    [fromWorker, scene, excluded, canMerge],
  );
  return merged && <MergedStaticSpine scene={scene} merged={merged} Follow={Follow} cull={cull} />;
}

/** MergedStaticSpineProps: the merged geometries, drawn (and disposed) here. */
interface MergedStaticSpineProps {
  scene: Object3D;
  merged: MergedStatic;
  Follow?: ComponentType<DiscsFollowingProps> | undefined;
  cull?: typeof cullByFocus | undefined;
}

function MergedStaticSpine({ scene, merged, Follow, cull }: MergedStaticSpineProps) {
  // One focus per viewer: what the camera looks at, so near bones that would hide it are cut away.
  const focus = useMemo(() => createFocusUniform(), []);
  const materials = useMemo(
    () => ({
      // Both darken their crevices with the model's baked ambient occlusion (the vertex colour).
      bone: createBoneSurfaceMaterial(focus),
      disc: createDiscMaterial(focus),
    }),
    [focus],
  );
  // The context bones share the bone's look; their own instance can fade without touching the spine (a clone would
  // drop the shader rewrite, which `copy` does not carry), and leaves out whole the bones the focus cut reaches.
  const hidden = useMemo(() => createFocusHiddenUniform(), []);
  const contextMaterial = useMemo(() => createBoneSurfaceMaterial(focus, hidden), [focus, hidden]);
  const contextCut = useMemo(() => new ContextPartCut(merged.context, merged.contextParts), [merged]);
  // Kept from render to render: a new object is a changed prop to React Three Fiber, which then asks for a frame
  // (the opening drew two frames more, each time this re-rendered with nothing on screen changed).
  const userData = useMemo(
    () => ({
      bone: { fluoroKind: 'bone' },
      disc: { fluoroKind: 'disc' },
      context: { fluoroKind: 'context', contextParts: merged.contextParts },
    }),
    [merged],
  );
  const contextMesh = useRef<Mesh>(null);
  const boneMesh = useRef<Mesh>(null);
  const discMesh = useRef<Mesh>(null);
  // Only the close-ups and the section need it: it comes with the features' chunk, after the first frame.
  useEffect(() => {
    if (!cull) return;
    cull(boneMesh.current, materials.bone, focus);
    cull(discMesh.current, materials.disc, focus);
    cull(contextMesh.current, contextMaterial, focus);
  }, [cull, merged, materials, contextMaterial, focus]);
  useEffect(() => () => contextMaterial.dispose(), [contextMaterial]);
  const controller = useController();
  const controls = useThree((s) => s.controls) as unknown as { target?: Vector3 } | null;
  useFrame(({ camera }) => {
    // The focus is the orbit target (the step's subject while guided, the user's pivot while orbiting), its radius
    // about the subject's: FOCUS_SHARE of the view's half-height at that distance.
    const target = controls?.target;
    const f = focus.value;
    if (target) f.set(target.x, target.y, target.z, 0);
    else f.set(0, 0, 0, 0);
    if (camera instanceof PerspectiveCamera) {
      const distance = camera.position.distanceTo(target ?? ORIGIN);
      f.w = FOCUS_SHARE * distance * Math.tan((camera.fov * Math.PI) / 360);
    }
    const s = controller.state;
    // Cut across the spine (access), the treated vertebra shows its section: nothing in front of it stays. Only
    // once the camera has nearly turned to the feet (the section comes in late and goes early): half way, from
    // the side or above the back, the neighbours cut half as far showed broad flat sections.
    setFocusSection(focus, s.axialCut ** 4);
    if (contextMesh.current)
      contextCut.update(
        hidden.value,
        contextMesh.current.matrixWorld,
        camera.matrixWorld,
        f,
        focus.reach.value,
      );
    // Close-ups inside the treated body look past the chest wall or the pelvis, and the section at access looks
    // along the spine past the ribs fanning out behind it: let those bones recede then.
    const opacity = 1 - CONTEXT_FADE * Math.max(s.insideView, s.seeThrough, s.axialCut);
    const faded = opacity < 0.999;
    contextMaterial.opacity = opacity;
    // Nearly gone is gone: the 3D pass then skips them (the X-ray pass swaps in its own material and still sees them).
    contextMaterial.visible = opacity > CONTEXT_HIDDEN;
    if (contextMaterial.transparent !== faded) {
      contextMaterial.transparent = faded;
      contextMaterial.depthWrite = !faded;
      contextMaterial.needsUpdate = true;
    }
  });
  useEffect(
    () => () => {
      merged.bone.dispose();
      merged.disc.dispose();
      merged.context.dispose();
    },
    [merged],
  );
  useEffect(
    () => () => {
      materials.bone.dispose();
      materials.disc.dispose();
    },
    [materials],
  );
  return (
    <>
      <mesh ref={boneMesh} geometry={merged.bone} material={materials.bone} userData={userData.bone} />
      <mesh ref={discMesh} geometry={merged.disc} material={materials.disc} userData={userData.disc} />
      {Follow && <Follow root={scene} disc={merged.disc} parts={merged.discParts} />}
      <mesh
        ref={contextMesh}
        name="context-bones"
        geometry={merged.context}
        material={contextMaterial}
        userData={userData.context}
      />
    </>
  );
}
