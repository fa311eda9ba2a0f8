import type { Translate } from '../i18n/catalog';
import type { TimedStep } from '../procedure/types';

/** A step's title; with several levels treated, a step done per level names its level ("Cement (L1)"). */
export function stepTitle(t: Translate, step: Pick<TimedStep, 'id' | 'level'>): string {
  const title = t(`step.${step.id}.title`);
  return step.level ? t('step.atLevel', { title, level: step.level }) : title;
}
