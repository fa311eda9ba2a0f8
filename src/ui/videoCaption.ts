import { translatorFor } from '../i18n/catalog';
import type { ViewerController } from '../playback/viewerController';
import { captionParams, captionSettings } from './captionParams';
import { stepTitle } from './stepTitle';
import { procedureCaptionParams } from './procedureCaptionParams';
import { captionContext, stepCaption } from './stepCaption';

/**
 * The caption burned into a take-home video frame: the step's title and its plain caption (the patient's
 * register, whoever exports), worded exactly as the caption panel words it, in the viewer's language.
 */
export function videoCaption(controller: ViewerController): { title: string; text: string } {
  const settings = controller.getSettings();
  const state = controller.state;
  const t = translatorFor(settings.lang);
  const wording = captionSettings(settings, state);
  const params = { ...captionParams(settings, state, t), ...procedureCaptionParams(wording, t) };
  return {
    title: stepTitle(
      t,
      controller.getTimeline().steps[state.stepIndex] ?? { id: state.step, level: null },
      controller.getTimeline().levels.length,
    ),
    text: stepCaption(captionContext(wording, params), state.step, 'plain'),
  };
}
