import type { Translate } from '../i18n/catalog';
import { formatNumber } from '../i18n/formatNumber';
import type { ProcedureState } from '../procedure/procedureState';
import { accessPlan } from '../procedure/accessPath';
import { GENANT_HEIGHT_LOSS } from '../procedure/fracture';
import { isPerLevelStep } from '../procedure/timeline';
import type { StepId } from '../procedure/types';
import type { ViewerSettings } from '../playback/viewerSettings';

/** Which step a caption is for: by default the frame's own. */
export interface CaptionStep {
  id: StepId;
  /** The treated level the step belongs to. */
  levelIndex: number;
}

/** The settings a caption of this frame is worded for: its level's (access route, needle count) with several. */
export function captionSettings(settings: ViewerSettings, state: ProcedureState): ViewerSettings {
  return state.level === settings.level ? settings : { ...settings, level: state.level };
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "T12 and L1", "T12 y L1": a list the way the caption's language says it. */
function spokenList(lang: string, items: readonly string[]): string {
  let format = listFormats.get(lang);
  if (!format) listFormats.set(lang, (format = new Intl.ListFormat(lang, { type: 'conjunction' })));
  return format.format(items);
}

/**
 * Values the clinical captions quote, from the same data and state that drive the scene; numbers are written the
 * way the caption's language writes them ("12,5 %" in Spanish). A step done per level speaks of its own level;
 * with several levels a shared step (the overview, the result) names them all.
 */
export function captionParams(
  settings: ViewerSettings,
  state: ProcedureState,
  t: Translate,
  step: CaptionStep = { id: state.step, levelIndex: state.levelIndex },
) {
  const { lang } = settings;
  const levels = state.levels.length > 0 ? state.levels : [state];
  const own = levels[Math.min(step.levelIndex, levels.length - 1)]!;
  const all = levels.length > 1 && !isPerLevelStep(step.id);
  const gauge = accessPlan(own.level, settings.approach).needles[0]?.gauge ?? 11;
  // Shared steps name every level ("T12 and L1"); the same shape twice is said once.
  const list = (value: (l: (typeof levels)[number]) => string) =>
    all ? spokenList(lang, [...new Set(levels.map(value))]) : value(own);
  return {
    level: list((l) => l.level),
    grade: all
      ? spokenList(
          lang,
          levels.map((l) => String(l.grade)),
        )
      : String(own.grade),
    morphology: list((l) => t(`morphology.${l.morphology}`)),
    loss: formatNumber(lang, GENANT_HEIGHT_LOSS[own.grade] * 100),
    gauge,
    anterior: formatNumber(lang, state.anteriorHeightPct),
    wedge: formatNumber(lang, state.wedgeAngleDeg, 1),
    cement: formatNumber(lang, state.cementFinalMl, 1),
  };
}
