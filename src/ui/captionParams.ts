import type { Translate } from '../i18n/catalog';
import type { ProcedureState } from '../procedure/procedureState';
import { accessPlan } from '../procedure/accessPath';
import { GENANT_HEIGHT_LOSS } from '../procedure/fracture';
import type { ViewerSettings } from '../playback/viewerSettings';

/** Values the clinical captions quote, from the same data and state that drive the scene. */
export function captionParams(settings: ViewerSettings, state: ProcedureState, t: Translate) {
  const gauge = accessPlan(settings.level, settings.approach).needles[0]?.gauge ?? 11;
  return {
    level: settings.level,
    grade: settings.grade,
    morphology: t(`morphology.${settings.morphology}`),
    loss: Math.round(GENANT_HEIGHT_LOSS[settings.grade] * 100),
    gauge,
    anterior: Math.round(state.anteriorHeightPct),
    wedge: state.wedgeAngleDeg.toFixed(1),
    cement: state.cementFinalMl.toFixed(1),
  };
}
