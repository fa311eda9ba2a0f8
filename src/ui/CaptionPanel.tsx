import { captionParams, captionSettings } from './captionParams';
import { stepTitle } from './stepTitle';
import { procedureCaptionParams } from './procedureCaptionParams';
import { captionContext, stepCaption } from './stepCaption';
import {
  useController,
  useCurrentStep,
  useCurrentStepKey,
  useSettings,
  useShownBone,
  useT,
} from '../playback/react/viewerHooks';

/** The current step's title and its caption in the audience's register (plain words or clinical). */
export function CaptionPanel() {
  const controller = useController();
  const step = useCurrentStep();
  useCurrentStepKey();
  // The caption names the bone of the frame: a new level, grade or shape re-words it once that frame is computed.
  useShownBone();
  const settings = useSettings();
  const t = useT();
  const state = controller.state;
  const wording = captionSettings(settings, state);
  const params = { ...captionParams(settings, state, t), ...procedureCaptionParams(wording, t) };
  const context = captionContext(wording, params);
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
        {stepTitle(t, timeline.steps[state.stepIndex] ?? { id: step, level: null }, timeline.levels.length)}
      </h2>
      <p className="spv-caption-text">{stepCaption(context, step, register)}</p>
    </section>
  );
}
