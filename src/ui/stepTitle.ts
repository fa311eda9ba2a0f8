import { DEFAULT_LANG, hasMessage, type Translate } from '../i18n/catalog';
import type { TimedStep } from '../procedure/types';

/**
 * A step's title. With several levels treated (`levelCount` > 1), a step done per level names its level
 * ("Cement (L1)"), and a shared step whose title speaks of the bone has a wording for several bones ("The broken
 * vertebrae").
 */
export function stepTitle(t: Translate, step: Pick<TimedStep, 'id' | 'level'>, levelCount = 1): string {
  const several = levelCount > 1 && !step.level ? `step.${step.id}.title.several` : null;
  const title = several && hasMessage(DEFAULT_LANG, several) ? t(several) : t(`step.${step.id}.title`);
  return step.level ? t('step.atLevel', { title, level: step.level }) : title;
}
