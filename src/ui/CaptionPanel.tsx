import { captionParams } from './captionParams';
import { procedureCaptionParams } from './procedureCaptionParams';
import { captionContext, stepCaption } from './stepCaption';
import { useController, useCurrentStep, useSettings, useT } from '../playback/react/viewerHooks';

/** The current step's title and its caption in the audience's register (plain words or clinical). */
export function CaptionPanel() {
  const controller = useController();
  const step = useCurrentStep();
  const settings = useSettings();
  const t = useT();
  const state = controller.state;
  const params = { ...captionParams(settings, state, t), ...procedureCaptionParams(settings, t) };
  const context = captionContext(settings, params);
  const timeline = controller.getTimeline();
  const register = settings.audience === 'clinician' ? 'clinical' : 'plain';
  return (
    // Focusable: when the layout gives a long caption less height than it needs, it scrolls, and a keyboard
    // must be able to scroll it too.
    <section className="spv-caption" aria-labelledby="spv-caption-title" tabIndex={0}>
      <p className="spv-caption-step">
        {state.stepIndex + 1} / {timeline.steps.length}
      </p>
      <h2 id="spv-caption-title" className="spv-caption-title">
        {t(`step.${step}.title`)}
      </h2>
      <p className="spv-caption-text">{stepCaption(context, step, register)}</p>
    </section>
  );
}
