import { translatorFor, type MessageKey } from '../i18n/catalog';
import type { ViewerController } from '../playback/viewerController';
import type { StepId } from '../procedure/types';
import { stepSentence } from './stepSentence';

/**
 * What the 3D view shows now, in words, for screen readers: the step (number, title), what the picture is about
 * (the step's subject), what happens in it (its caption), the X-ray inset when one is shown, and how to get the
 * guided view back once the reader has turned it. Derived from the step data and captions; computed when the
 * step, the settings or the camera mode change, never per frame.
 */
export function sceneDescription(controller: ViewerController, step: StepId): string {
  const settings = controller.getSettings();
  const t = translatorFor(settings.lang);
  const steps = controller.getTimeline().steps;
  const entry = steps.find((s) => s.id === step);
  if (!entry) return '';
  const definition = entry.definition;
  const parts = [
    t('a11y.scene.step', { index: entry.index + 1, count: steps.length }),
    stepSentence(controller, step).text,
    t('a11y.scene.subject', { subject: t(`a11y.subject.${definition.subject}` as MessageKey) }),
  ];
  if (settings.view === '3d' && definition.fluoro !== 'none')
    parts.push(
      t('a11y.scene.xray', { view: t(definition.fluoro === 'ap' ? 'fluoro.ap' : 'fluoro.lateral') }),
    );
  if (settings.cameraMode === 'free') parts.push(t('a11y.scene.free'));
  return parts.join(' ');
}
