import { createCutaway, type Cutaway } from './cutaway';
import { createFluoroMaterials, disposeFluoroMaterials, type FluoroMaterials } from './fluoroMaterials';
import { createSurfaceMaterials, disposeSurfaceMaterials, type SurfaceMaterials } from './surfaceMaterials';

/**
 * Everything one viewer's meshes share: created once per canvas and disposed with it, never shared between
 * viewers, so two viewers on a page can show different bone densities and cuts.
 */
export interface SceneResources {
  /** Attenuation materials for the X-ray pass. */
  fluoro: FluoroMaterials;
  /** 3D-view materials of the instruments and skin marks. */
  surfaces: SurfaceMaterials;
  /** The cut that opens the treated vertebra along its first needle (cutaway.ts). */
  cutaway: Cutaway;
}

export function createSceneResources(): SceneResources {
  const cutaway = createCutaway();
  return { fluoro: createFluoroMaterials(), surfaces: createSurfaceMaterials(), cutaway };
}

export function disposeSceneResources(resources: SceneResources): void {
  disposeFluoroMaterials(resources.fluoro);
  disposeSurfaceMaterials(resources.surfaces);
}
