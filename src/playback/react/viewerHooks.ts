import type { ScanStateSnapshot, ScanTarget, ScanVolume } from '../../scan/types';
import type { ProcedureOptions } from '../../procedure/types';
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import { translatorFor, type Translate } from '../../i18n/catalog';
import type { PlaybackSnapshot } from '../playbackStore';
import type { ViewerController } from '../viewerController';
import type { GraphicsState, ViewerEvents, ViewerNotice } from '../viewerEvents';
import type { ViewerSettings } from '../viewerSettings';
import type { StepId } from '../../procedure/types';

export const ViewerContext = createContext<ViewerController | null>(null);

export function useController(): ViewerController {
  const controller = useContext(ViewerContext);
  if (!controller) throw new Error('Viewer components must be inside <ViewerContext.Provider>');
  return controller;
}

function useControllerValue<T>(events: (keyof ViewerEvents)[], read: (c: ViewerController) => T): T {
  const controller = useController();
  return useSyncExternalStore(
    (notify) => {
      const offs = events.map((e) => controller.on(e, notify));
      return () => offs.forEach((off) => off());
    },
    () => read(controller),
  );
}

export function useSettings(): ViewerSettings {
  return useControllerValue(['settingschange'], (c) => c.getSettings());
}

/** The bone the frame shows (level, grade, shape) as one key; re-renders only when it changes (not per frame). */
export function useShownBone(): string {
  return useControllerValue(['bonechange'], (c) => `${c.state.level} ${c.state.grade} ${c.state.morphology}`);
}

/** Re-renders only when the step changes (not per frame). */
export function useCurrentStep(): StepId {
  return useControllerValue(['stepchange', 'procedurechange'], (c) => c.state.step);
}

/** Every treated level as one-level options, in order; re-renders when the settings change. */
export function useTreatedLevels(): readonly ProcedureOptions[] {
  return useControllerValue(['settingschange', 'procedurechange'], (c) => c.treatedLevelOptions());
}

/**
 * The level the current moment works on, as one-level options (the same object while it stays): re-renders when the
 * step moves to another level or the settings change, never per frame.
 */
export function useActiveLevel(): { index: number; options: ProcedureOptions } {
  const levels = useTreatedLevels();
  const index = useControllerValue(['stepchange', 'settingschange', 'procedurechange'], (c) =>
    c.currentLevelIndex(),
  );
  return { index, options: levels[Math.min(index, levels.length - 1)]! };
}

/** The current step's key (`access@T12` with several levels); re-renders only when the step changes. */
export function useCurrentStepKey(): string {
  return useControllerValue(['stepchange', 'procedurechange', 'settingschange'], (c) => c.currentStepKey());
}

export function usePlayback(): PlaybackSnapshot {
  return useControllerValue(['playbackchange'], (c) => c.getPlayback());
}

export function useT(): Translate {
  const { lang } = useSettings();
  return translatorFor(lang);
}

/** Whether the 3D view is drawing, waiting for its context, or replaced by the transcript. */
export function useGraphics(): GraphicsState {
  return useControllerValue(['graphicschange'], (c) => c.graphics.state);
}

/** False until the first frame with the models has been drawn. */
export function useReady(): boolean {
  return useControllerValue(['ready'], (c) => c.graphics.readyState);
}

/** The notices the viewer shows (ignored inputs and the like); re-renders when they change. */
export function useNotices(): readonly ViewerNotice[] {
  return useControllerValue(['noticeschange'], (c) => c.notices.notices);
}

/** The patient scan's public state (loaded, target, level); re-renders only when it changes. */
export function useScanState(): ScanStateSnapshot {
  return useControllerValue(['scanchange'], (c) => c.scan.snapshot());
}

/** The patient scan's volume and target while the procedure is shown on it; null otherwise. */
export function useActiveScan(): { volume: ScanVolume; target: ScanTarget } | null {
  const state = useScanState();
  const controller = useController();
  const volume = controller.scan.getVolume();
  const target = controller.scan.getTarget();
  return useMemo(
    () => (state.target && volume && target ? { volume, target } : null),
    [state, volume, target],
  );
}
