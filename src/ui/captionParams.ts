import type { Translate } from '../i18n/catalog';
import { formatNumber } from '../i18n/formatNumber';
import type { ProcedureState } from '../procedure/procedureState';
import { accessPlan } from '../procedure/accessPath';
import { GENANT_HEIGHT_LOSS } from '../procedure/fracture';
import type { ViewerSettings } from '../playback/viewerSettings';

/**
 * Values the clinical captions quote, from the same data and state that drive the scene; numbers are written the
 * way the caption's language writes them ("12,5 %" in Spanish).
 */
export function captionParams(settings: ViewerSettings, state: ProcedureState, t: Translate) {
  const { lang } = settings;
  const gauge = accessPlan(settings.level, settings.approach).needles[0]?.gauge ?? 11;
  return {
    level: settings.level,
    grade: settings.grade,
    morphology: t(`morphology.${settings.morphology}`),
    loss: formatNumber(lang, GENANT_HEIGHT_LOSS[settings.grade] * 100),
    gauge,
    anterior: formatNumber(lang, state.anteriorHeightPct),
    wedge: formatNumber(lang, state.wedgeAngleDeg, 1),
    cement: formatNumber(lang, state.cementFinalMl, 1),
  };
}
