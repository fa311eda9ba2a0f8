import { translatorFor } from '../i18n/catalog';
import type { ViewerController } from '../playback/viewerController';
import type { StepId } from '../procedure/types';
import { captionParams, captionSettings } from './captionParams';
import { stepTitle } from './stepTitle';
import { procedureCaptionParams } from './procedureCaptionParams';
import { captionContext, stepCaption } from './stepCaption';

/**
 * What narration says for a step: its title and its caption, in the viewer's language and the audience's register,
 * with the same parameters the caption panel shows (read from the last computed frame; nothing is computed here).
 */
export function stepSentence(controller: ViewerController, step: StepId): { text: string; lang: string } {
  const settings = controller.getSettings();
  const t = translatorFor(settings.lang);
  const state = controller.state;
  const wording = captionSettings(settings, state);
  const params = { ...captionParams(settings, state, t), ...procedureCaptionParams(wording, t) };
  const register = settings.audience === 'clinician' ? 'clinical' : 'plain';
  const timeline = controller.getTimeline();
  const timed = timeline.steps[state.stepIndex];
  const title = stepTitle(t, timed?.id === step ? timed : { id: step, level: null }, timeline.levels.length);
  // The same wording the caption panel chooses (one or two needles), so what is heard is what is read.
  const caption = stepCaption(captionContext(wording, params), step, register);
  return { text: `${title}. ${caption}`, lang: settings.lang };
}
