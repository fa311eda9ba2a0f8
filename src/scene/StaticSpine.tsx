import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { Object3D } from 'three';
import { mergeStaticParts } from '../anatomy/loadSpineModel';
import type { LevelId } from '../anatomy/levels';
import { useController } from '../playback/react/viewerHooks';
import { createBoneSurfaceMaterial } from './boneMaterial';
import { createDiscMaterial } from './discMaterial';
import { useSceneResources } from './useSceneResources';

/** StaticSpineProps: the loaded spine and the level drawn separately. */
export interface StaticSpineProps {
  /** Root of the loaded spine asset. */
  scene: Object3D;
  /** Left out of the merge: the treated level is drawn (and deformed) on its own. */
  treatedLevel: LevelId;
}

/** How far the ribs and iliac wings fade while the view is inside the treated body (1 = gone). */
const CONTEXT_FADE = 0.82;

/**
 * Every untreated vertebra merged into one mesh, every disc into another, and the context bones (ribs, iliac wings)
 * into a third, named `context-bones`, that fades while the view is inside the treated body (the close-ups look
 * through the rib cage or past the pelvis): three draw calls for the spine.
 */
export function StaticSpine({ scene, treatedLevel }: StaticSpineProps) {
  const { fluoro } = useSceneResources();
  const merged = useMemo(() => mergeStaticParts(scene, [treatedLevel]), [scene, treatedLevel]);
  const materials = useMemo(
    () => ({
      // Both darken their crevices with the model's baked ambient occlusion (the vertex colour).
      bone: createBoneSurfaceMaterial(),
      disc: createDiscMaterial(),
    }),
    [],
  );
  // The context bones share the bone's look; their own instance can fade without touching the spine (a clone would
  // drop the shader rewrite, which `copy` does not carry).
  const contextMaterial = useMemo(() => createBoneSurfaceMaterial(), []);
  useEffect(() => () => contextMaterial.dispose(), [contextMaterial]);
  const controller = useController();
  useFrame(() => {
    // Close-ups inside the treated body look past the chest wall or the pelvis: let those bones recede then.
    const opacity = 1 - CONTEXT_FADE * controller.state.insideView;
    const faded = opacity < 0.999;
    contextMaterial.opacity = opacity;
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
      <mesh geometry={merged.bone} material={materials.bone} userData={{ fluoroMaterial: fluoro.bone }} />
      <mesh geometry={merged.disc} material={materials.disc} userData={{ fluoroMaterial: fluoro.disc }} />
      <mesh
        name="context-bones"
        geometry={merged.context}
        material={contextMaterial}
        userData={{ fluoroMaterial: fluoro.bone }}
      />
    </>
  );
}
