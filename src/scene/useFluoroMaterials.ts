import { fluoroMaterialsOf, type FluoroMaterials } from './fluoroMaterials';
import { useSceneResources } from './useSceneResources';

/** This canvas's attenuation materials (fluoroMaterialsOf), for the components of the features chunk. */
export function useFluoroMaterials(): FluoroMaterials {
  return fluoroMaterialsOf(useSceneResources());
}
