import { useEffect, useMemo, type ReactNode } from 'react';
import { createSceneResources, disposeSceneResources } from './sceneResources';
import { SceneResourcesContext } from './useSceneResources';

/** SceneResourcesProviderProps: the scene that uses this canvas's resources. */
export interface SceneResourcesProviderProps {
  /** Scene components (inside the canvas). */
  children: ReactNode;
}

/** Creates one canvas's shared materials and cutaway when the canvas mounts and disposes them when it unmounts. */
export function SceneResourcesProvider({ children }: SceneResourcesProviderProps) {
  const resources = useMemo(() => createSceneResources(), []);
  useEffect(() => () => disposeSceneResources(resources), [resources]);
  return <SceneResourcesContext.Provider value={resources}>{children}</SceneResourcesContext.Provider>;
}
