import type { LevelId } from '../anatomy/levels';
import type { ViewerOptions } from '../options/optionSchema';
import type {
  Audience,
  BoneDensity,
  ControlsMode,
  Detector,
  NarrationMode,
  PatientPanel,
  Polarity,
  ViewMode,
} from '../options/optionValues';
import type {
  Approach,
  Complication,
  GenantGrade,
  Morphology,
  ProcedureId,
  ProcedureOptions,
  Timeline,
} from '../procedure/types';
import { timelineFor } from '../procedure/timeline';
import { treatedLevels, type PerLevel } from '../procedure/treatedLevels';

export type CameraMode = 'guided' | 'free';

/** Low-frequency settings: React re-renders on these, the frame loop reads them. One source of truth. */
export interface ViewerSettings {
  procedure: ProcedureId;
  level: LevelId;
  /** Several levels treated in one session, in order (the first is also `level`); empty for one level. */
  levels: readonly LevelId[];
  /** The fracture grade, or one per level. */
  grade: PerLevel<GenantGrade>;
  /** The fracture shape, or one per level. */
  morphology: PerLevel<Morphology>;
  approach: Approach;
  /** The cement leak shown (the `complication` option). */
  complication: Complication;
  lang: string;
  audience: Audience;
  view: ViewMode;
  controls: ControlsMode;
  labels: boolean;
  cutaway: boolean;
  torso: boolean;
  /** The patient information panel that is open, or 'none' (the `panel` option). */
  panel: PatientPanel;
  polarity: Polarity;
  detector: Detector;
  /** Trabecular density for the X-ray (the `bone` option). */
  boneDensity: BoneDensity;
  /** Where "copy link" points (the `share-url` option); null: the page's default. */
  shareUrl: string | null;
  /** Spoken captions (the `narration` option). */
  narration: NarrationMode;
  /** Not an option: the camera follows the procedure until the user orbits. */
  cameraMode: CameraMode;
}

/** The settings option of each settings key (they share names except `bone` → `boneDensity`). */
export const SETTING_OF_OPTION = {
  procedure: 'procedure',
  level: 'level',
  levels: 'levels',
  grade: 'grade',
  morphology: 'morphology',
  approach: 'approach',
  complication: 'complication',
  lang: 'lang',
  audience: 'audience',
  view: 'view',
  controls: 'controls',
  labels: 'labels',
  cutaway: 'cutaway',
  torso: 'torso',
  panel: 'panel',
  polarity: 'polarity',
  detector: 'detector',
  bone: 'boneDensity',
  shareUrl: 'shareUrl',
  narration: 'narration',
} as const satisfies Partial<Record<keyof ViewerOptions, keyof ViewerSettings>>;

export type SettingOption = keyof typeof SETTING_OF_OPTION;

export function isSettingOption(key: keyof ViewerOptions): key is SettingOption {
  return Object.prototype.hasOwnProperty.call(SETTING_OF_OPTION, key);
}

/** The low-frequency settings a set of validated options starts the viewer with. */
export function settingsFromOptions(options: ViewerOptions): ViewerSettings {
  const settings = { cameraMode: 'guided' } as ViewerSettings;
  for (const key of Object.keys(SETTING_OF_OPTION) as SettingOption[])
    (settings as unknown as Record<string, unknown>)[SETTING_OF_OPTION[key]] = options[key];
  return settings;
}

/** The public options the settings stand for (the inverse of settingsFromOptions), e.g. for a share link. */
export function optionsOfSettings(settings: ViewerSettings): Pick<ViewerOptions, SettingOption> {
  const options = {} as Record<SettingOption, unknown>;
  for (const key of Object.keys(SETTING_OF_OPTION) as SettingOption[])
    options[key] = settings[SETTING_OF_OPTION[key]];
  return options as Pick<ViewerOptions, SettingOption>;
}

/** The options that shape the procedure: `previous` itself while they are unchanged (stateAt caches by identity). */
export function procedureOptionsOf(
  settings: ViewerSettings,
  previous: ProcedureOptions | null,
): ProcedureOptions {
  const { approach, complication } = settings;
  const list = treatedLevels(settings);
  const first = list[0]!;
  const p = previous;
  const sameLevels =
    p !== null &&
    (p.treated ?? [p]).length === list.length &&
    list.every((l, i) => {
      const q = (p.treated ?? [p])[i]!;
      return q.level === l.level && q.grade === l.grade && q.morphology === l.morphology;
    });
  if (p && sameLevels && p.approach === approach && (p.complication ?? 'none') === complication) return p;
  const options: ProcedureOptions = { ...first, approach, complication };
  return list.length > 1 ? { ...options, treated: list } : options;
}

/** The timeline the settings ask for: the procedure, for its one level or each of its levels. */
export function timelineOfSettings(settings: Pick<ViewerSettings, 'procedure' | 'levels'>): Timeline {
  return timelineFor(settings.procedure, settings.levels);
}
