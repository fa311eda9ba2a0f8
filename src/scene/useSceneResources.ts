import { createContext, useContext } from 'react';
import type { SceneResources } from './sceneResources';

export const SceneResourcesContext = createContext<SceneResources | null>(null);

/** This canvas's shared materials and cutaway (see SceneResourcesProvider). */
export function useSceneResources(): SceneResources {
  const resources = useContext(SceneResourcesContext);
  if (!resources) throw new Error('Scene components must be inside <SceneResourcesProvider>');
  return resources;
}
