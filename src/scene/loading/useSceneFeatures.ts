import { useCallback, useEffect, useState } from 'react';
import type { ViewerSettings } from '../../playback/viewerSettings';
import type { ProcedureState } from '../../procedure/procedureState';
import { premergedLevels } from '../../anatomy/spineModelDecode';
import { treatedLevels } from '../../procedure/treatedLevels';
import { useLoaded } from '../../playback/react/useLoaded';
import { useController } from '../../playback/react/viewerHooks';

type SceneFeaturesModule = typeof import('../SceneFeatures');

/** The features chunk: one download per page, shared by every viewer (code, not state). */
let chunk: Promise<SceneFeaturesModule> | null = null;

function loadSceneFeatures(): Promise<SceneFeaturesModule> {
  chunk ??= import('../SceneFeatures');
  chunk.catch(() => (chunk = null));
  return chunk;
}

/**
 * Whether a frame at this moment shows anything of the features chunk. Only the opening overview in the 3D view
 * without labels goes without: no patient (torso 0), no instruments, no cement, no X-ray panel that would show
 * the C-arm's view, no labels.
 */
export function needsSceneFeatures(
  state: ProcedureState,
  settings: Pick<ViewerSettings, 'view' | 'labels'>,
): boolean {
  return !(
    state.step === 'overview' &&
    settings.view === '3d' &&
    !settings.labels &&
    state.torsoOpacity === 0
  );
}

/** SceneFeaturesLoad: the chunk once here, and whether the first frame has to wait for it. */
export interface SceneFeaturesLoad {
  features: SceneFeaturesModule | null;
  /** True when the viewer opened on a moment that shows the features: `ready` waits for them. */
  neededAtStart: boolean;
}

/**
 * Loads the features chunk at once when the opening moment shows them, otherwise right after the first frame
 * (it is not part of the first download). A later step normally finds them long loaded: the overview lasts
 * several seconds. A chunk that cannot load is thrown to the scene's error boundary.
 */
export function useSceneFeatures(modelReady: boolean): SceneFeaturesLoad {
  const controller = useController();
  // Also when the decoding worker merged the static spine without other levels than this viewer treats (a second
  // viewer on the page): the chunk merges it here.
  const [neededAtStart] = useState(() => {
    const settings = controller.getSettings();
    const treated = treatedLevels(settings)
      .map((t) => t.level)
      .join(',');
    return needsSceneFeatures(controller.state, settings) || premergedLevels() !== treated;
  });
  const load = useCallback(
    () => (neededAtStart ? loadSceneFeatures() : controller.graphics.ready.then(loadSceneFeatures)),
    [controller, neededAtStart],
  );
  const features = useLoaded(load);
  useEffect(() => {
    controller.renderer.setPartsLoading(true);
    return () => controller.renderer.setPartsLoading(false);
  }, [controller]);
  // Complete once the features are mounted with the model (this effect runs after their commit). A chunk that
  // fails is thrown to the error boundary, and the unmount above ends the wait.
  useEffect(() => {
    if (features && modelReady) controller.renderer.setPartsLoading(false);
  }, [controller, features, modelReady]);
  return { features, neededAtStart };
}
