import { formatTime } from './formatTime';
import { useController, useCurrentStep, useSettings, useT } from '../playback/react/viewerHooks';

/** StepListProps: the drawer listing every step; choosing one jumps to its first frame. */
export interface StepListProps {
  /** Called after a step is chosen (e.g. to close the drawer on small screens). */
  onChoose?: () => void;
}

export function StepList({ onChoose }: StepListProps) {
  const controller = useController();
  const current = useCurrentStep();
  useSettings();
  const t = useT();
  const timeline = controller.getTimeline();
  return (
    <nav className="spv-steps" id="spv-step-list" aria-label={t('controls.stepList')}>
      <ol>
        {timeline.steps.map((step) => (
          <li key={step.id}>
            <button
              type="button"
              className="spv-step"
              aria-current={step.id === current ? 'step' : undefined}
              onClick={() => {
                controller.seekStep(step.id);
                onChoose?.();
              }}
            >
              <span className="spv-step-number">{step.index + 1}</span>
              <span className="spv-step-title">{t(`step.${step.id}.title`)}</span>
              <span className="spv-step-time">{formatTime(step.start)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
