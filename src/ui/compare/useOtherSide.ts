import { useEffect, useState } from 'react';
import { compareMoment, otherProcedure } from '../../procedure/compareTime';
import type { ProcedureState } from '../../procedure/procedureState';
import { ViewerController } from '../../playback/viewerController';
import type { ViewerSettings } from '../../playback/viewerSettings';

/** The other side's controller: its time is set by the main viewer; play and pause (a tap on it) go to the main. */
class FollowerController extends ViewerController {
  constructor(
    settings: ViewerSettings,
    private readonly leader: ViewerController,
  ) {
    super(settings);
  }

  override play(): void {
    this.leader.play();
  }

  override pause(): void {
    this.leader.pause();
  }

  override togglePlay(): void {
    this.leader.togglePlay();
  }
}

/**
 * A second, read-only controller for the other procedure of the comparison. It has no clock of its own: every
 * frame the main viewer computes places it at the aligned moment (compareMoment), and it follows the main
 * viewer's settings (same patient, language, cutaway…) with the procedure swapped. Its canvas draws on demand.
 */
export function useOtherSide(main: ViewerController): ViewerController {
  const [other] = useState(
    () =>
      new FollowerController(
        { ...main.getSettings(), procedure: otherProcedure(main.getSettings().procedure) },
        main,
      ),
  );
  useEffect(() => {
    const moment = { time: 0, held: false, mainStep: main.currentStep() };
    const follow = (state: ProcedureState) => {
      // The follower's own timeline: the other procedure for the same treated levels.
      compareMoment(main.getTimeline(), state.time, other.getTimeline(), moment);
      if (other.getTime() === moment.time) return;
      other.seek(moment.time);
      // Computed now, not only when its canvas next draws: a seek while that canvas is still loading would
      // otherwise leave this side's readouts (and its next picture) at the old moment.
      other.currentFrame();
    };
    const offSettings = main.on('settingschange', ({ settings }) =>
      other.updateSettings({ ...settings, procedure: otherProcedure(settings.procedure) }),
    );
    other.updateSettings({ ...main.getSettings(), procedure: otherProcedure(main.getSettings().procedure) });
    follow(main.currentFrame());
    const offFrame = main.on('frame', follow);
    return () => {
      offSettings();
      offFrame();
    };
  }, [main, other]);
  return other;
}
