import { translatorFor } from '../i18n/catalog';
import type { ViewerController } from '../playback/viewerController';
import { captionParams } from './captionParams';
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
  const params = { ...captionParams(settings, state, t), ...procedureCaptionParams(settings, t) };
  return {
    title: t(`step.${state.step}.title`),
    text: stepCaption(captionContext(settings, params), state.step, 'plain'),
  };
}
