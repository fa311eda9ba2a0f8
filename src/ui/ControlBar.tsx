import type { ReactNode } from 'react';
import { Icon } from './icons';
import { NarrationButton } from './NarrationButton';
import { OptionSelect } from './OptionSelect';
import { Scrubber } from './Scrubber';
import { TimeLabel } from './TimeLabel';
import { useController, usePlayback, useT } from '../playback/react/viewerHooks';

/** ControlBarProps: whether the step list drawer is open, and how to toggle it. */
export interface ControlBarProps {
  /** True while the step list is shown. */
  stepsOpen: boolean;
  /** Toggle the step list. */
  onToggleSteps: () => void;
  /** Minimal controls: play/pause and the scrubber only. */
  minimal?: boolean;
  /** A small viewer: the speed and the teaching-pace note are in the More menu instead. */
  compact?: boolean;
  /** The More menu's button (small viewers), at the end of the row. */
  more?: ReactNode;
}

export function ControlBar({
  stepsOpen,
  onToggleSteps,
  minimal = false,
  compact = false,
  more,
}: ControlBarProps) {
  const controller = useController();
  const playback = usePlayback();
  const t = useT();
  const playLabel = playback.playing ? t('controls.pause') : t('controls.play');
  return (
    <div className="spv-controls" role="group" aria-label={t('controls.scrubber')}>
      <Scrubber />
      <div className="spv-controls-row">
        <button
          type="button"
          className="spv-button spv-play"
          onClick={() => controller.togglePlay()}
          aria-label={playLabel}
          title={`${playLabel} (K)`}
        >
          <Icon name={playback.playing ? 'pause' : 'play'} />
        </button>
        {!minimal && (
          <>
            <button
              type="button"
              className="spv-button"
              onClick={() => controller.previousStep()}
              aria-label={t('controls.previousStep')}
              title={`${t('controls.previousStep')} (PageUp)`}
            >
              <Icon name="previous" />
            </button>
            <button
              type="button"
              className="spv-button"
              onClick={() => controller.nextStep()}
              aria-label={t('controls.nextStep')}
              title={`${t('controls.nextStep')} (PageDown)`}
            >
              <Icon name="next" />
            </button>
          </>
        )}
        <TimeLabel />
        <span className="spv-spacer" />
        <NarrationButton />
        {!minimal && (
          <>
            {!compact && <RateSelect />}
            <button
              type="button"
              className="spv-button spv-steps-toggle"
              aria-expanded={stepsOpen}
              aria-controls="spv-step-list"
              onClick={onToggleSteps}
            >
              <Icon name="list" />
              <span>{t('controls.steps')}</span>
            </button>
          </>
        )}
        {more}
      </div>
      {!minimal && !compact && <TeachingPaceNote />}
    </div>
  );
}

/** The playback speed (0.5×, 1×, 2×). */
export function RateSelect() {
  const playback = usePlayback();
  const t = useT();
  return (
    <OptionSelect
      option="rate"
      className="spv-rate"
      label={t('controls.rate')}
      value={playback.rate}
      valueLabel={(rate) => `${rate}×`}
    />
  );
}

/** The clock is the animation's: a real procedure takes far longer. */
export function TeachingPaceNote() {
  const t = useT();
  return <p className="spv-time-note">{t('controls.teachingPace')}</p>;
}
