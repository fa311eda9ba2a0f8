import { useEffect, useMemo } from 'react';
import type { Object3D } from 'three';
import { mergeStaticParts } from '../anatomy/loadSpineModel';
import type { LevelId } from '../anatomy/levels';
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

/** Every untreated vertebra merged into one mesh and every disc into another: two draw calls for the spine. */
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
  useEffect(
    () => () => {
      merged.bone.dispose();
      merged.disc.dispose();
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
    </>
  );
}
