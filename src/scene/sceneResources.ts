import { createCutaway, type Cutaway } from './cutaway';
import type { FluoroMaterials } from './fluoroMaterials';
import { createSurfaceMaterials, disposeSurfaceMaterials, type SurfaceMaterials } from './surfaceMaterials';

/**
 * Everything one viewer's meshes share: created once per canvas and disposed with it, never shared between
 * viewers, so two viewers on a page can show different bone densities and cuts.
 */
export interface SceneResources {
  /**
   * Attenuation materials for the X-ray pass: made by the features chunk when first asked for (fluoroMaterials.ts,
   * useFluoroMaterials), so none of the X-ray's shaders are in the first download.
   */
  fluoro: FluoroMaterials | null;
  /** What the later chunks made for this viewer and must free with it. */
  disposeLater: (() => void)[];
  /** 3D-view materials of the instruments and skin marks. */
  surfaces: SurfaceMaterials;
  /** The cut that opens the treated vertebra along its first needle (cutaway.ts). */
  cutaway: Cutaway;
}

export function createSceneResources(): SceneResources {
  const cutaway = createCutaway();
  return { fluoro: null, disposeLater: [], surfaces: createSurfaceMaterials(), cutaway };
}

export function disposeSceneResources(resources: SceneResources): void {
  for (const dispose of resources.disposeLater.splice(0)) dispose();
  resources.fluoro = null;
  disposeSurfaceMaterials(resources.surfaces);
}
