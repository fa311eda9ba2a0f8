import { translatorFor } from '../i18n/catalog';
import type { ViewerController } from '../playback/viewerController';
import type { StepId } from '../procedure/types';
import { captionParams } from './captionParams';
import { procedureCaptionParams } from './procedureCaptionParams';
import { captionContext, stepCaption } from './stepCaption';

/**
 * What narration says for a step: its title and its caption, in the viewer's language and the audience's register,
 * with the same parameters the caption panel shows (read from the last computed frame; nothing is computed here).
 */
export function stepSentence(controller: ViewerController, step: StepId): { text: string; lang: string } {
  const settings = controller.getSettings();
  const t = translatorFor(settings.lang);
  const params = { ...captionParams(settings, controller.state, t), ...procedureCaptionParams(settings, t) };
  const register = settings.audience === 'clinician' ? 'clinical' : 'plain';
  const title = t(`step.${step}.title`);
  // The same wording the caption panel chooses (one or two needles), so what is heard is what is read.
  const caption = stepCaption(captionContext(settings, params), step, register);
  return { text: `${title}. ${caption}`, lang: settings.lang };
}
