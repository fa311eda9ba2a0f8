import { LEVEL_IDS, type LevelId } from '../anatomy/levels';
import { availableLanguages, type MessageKey } from '../i18n/catalog';
import {
  APPROACHES,
  COMPLICATIONS,
  GRADES,
  MORPHOLOGIES,
  PROCEDURE_IDS,
  STEP_IDS,
  type Approach,
  type Complication,
  type GenantGrade,
  type Morphology,
  type ProcedureId,
  type StepId,
} from '../procedure/types';
import { isPerLevelStep } from '../procedure/timeline';

/** A step's id, or a per-level step's key (`cement-injection@T12`). */
export type StepKey = StepId | `${StepId}@${LevelId}`;
import { MAX_TREATED_LEVELS, type PerLevel } from '../procedure/treatedLevels';
import {
  booleanValue,
  distinctListOf,
  httpUrl,
  language,
  oneOf,
  oneOrListOf,
  rateOf,
  seconds,
  type OptionParser,
} from './optionParsers';
import {
  AUDIENCES,
  BONE_DENSITIES,
  CONTROLS,
  DETECTORS,
  PATIENT_PANELS,
  PLAYBACK_RATES,
  POLARITIES,
  REVEAL_MODES,
  VIEWS,
  NARRATION_MODES,
  type NarrationMode,
  type Audience,
  type BoneDensity,
  type ControlsMode,
  type Detector,
  type PatientPanel,
  type PlaybackRate,
  type Polarity,
  type RevealMode,
  type ViewMode,
} from './optionValues';

/** Everything a page, an attribute, a property, a deep link or an iframe command can configure. */
export interface ViewerOptions {
  procedure: ProcedureId;
  level: LevelId;
  /**
   * Several levels in one session, in treatment order (up to three, e.g. T12,L1); empty for one level (`level`).
   * The first one is also `level`.
   */
  levels: readonly LevelId[];
  /** The fracture grade, or one per level in the order of `levels`. */
  grade: PerLevel<GenantGrade>;
  /** The fracture shape, or one per level in the order of `levels`. */
  morphology: PerLevel<Morphology>;
  approach: Approach;
  /** A cement leak to show (venous, disc, epidural, foraminal, soft-tissue), or none. */
  complication: Complication;
  /**
   * Start at this step, on the frame that shows its action (stepLanding), unless `time` is given. With several
   * levels a step done per level may name its level (`cement-injection@L1`); without one it is the first level's.
   */
  step: StepKey | null;
  /** Start time in seconds; wins over `step`. */
  time: number | null;
  autoplay: boolean;
  loop: boolean;
  rate: PlaybackRate;
  lang: string;
  audience: Audience;
  view: ViewMode;
  controls: ControlsMode;
  polarity: Polarity;
  detector: Detector;
  bone: BoneDensity;
  labels: boolean;
  cutaway: boolean;
  torso: boolean;
  /** The patient information panel that is open (who it is for, risks, recovery), or none. */
  panel: PatientPanel;
  /** The page that "copy link" opens (http or https); null: the standalone page. */
  shareUrl: string | null;
  /** The poster image (http or https, same origin); null: the built-in poster; "" for none. */
  poster: string | null;
  reveal: RevealMode;
  /** Speak each step's caption while playing; the timeline waits for a sentence longer than its step. */
  narration: NarrationMode;
}

export type OptionKey = keyof ViewerOptions;

/**
 * What the viewer does with a value once parsed: `setting` changes what is shown (kept by the settings store),
 * `playback` changes how time runs, `start` only matters when the viewer starts (or seeks), `element` belongs to
 * the custom element itself (poster, reveal).
 */
export type OptionRole = 'setting' | 'playback' | 'start' | 'element';

/** One public option: its names, parser, default and the words a notice uses for it. */
export interface OptionSpec<T> {
  /** Attribute name, also the URL parameter's name when `inUrl`. */
  attribute: string;
  parse: OptionParser<T>;
  default: T;
  /** Catalog key of the "use …" hint a notice gives. */
  expected: MessageKey;
  /** Accepted as a URL parameter of the standalone and iframe pages (element-only options are not). */
  inUrl: boolean;
  role: OptionRole;
  /** The allowed values of a choice option, in menu order (menus list these). */
  values?: readonly T[];
}

type Schema = { [K in OptionKey]: OptionSpec<ViewerOptions[K]> };

const choice = <T extends string | number>(
  attribute: string,
  values: readonly T[],
  fallback: T,
  role: OptionRole,
  expected: MessageKey,
  inUrl = true,
): OptionSpec<T> => ({ ...spec(attribute, oneOf(values), fallback, role, expected, inUrl), values });

const spec = <T>(
  attribute: string,
  parse: OptionParser<T>,
  fallback: T,
  role: OptionRole,
  expected: MessageKey,
  inUrl = true,
): OptionSpec<T> => ({ attribute, parse, default: fallback, role, expected, inUrl });

/** A step of either procedure ("access"), or a step done per level with its level ("access@T12"). */
const stepKey: OptionParser<StepKey> = (value) => {
  if (typeof value !== 'string') return oneOf(STEP_IDS)(value);
  const [id, level, extra] = value.trim().split('@');
  const step = oneOf(STEP_IDS)(id);
  if (step === undefined || extra !== undefined) return undefined;
  if (level === undefined) return step;
  const at = oneOf(LEVEL_IDS)(level);
  return at && isPerLevelStep(step) ? (`${step}@${at}` as StepKey) : undefined;
};

/** Poster: a URL, or the empty string for no poster at all. */
const posterValue: OptionParser<string | null> = (value) =>
  typeof value === 'string' && value.trim() === '' ? '' : httpUrl({ sameOrigin: true })(value);

/** The one table of public options. URL parsing, attributes, properties, the iframe protocol and menus read it. */
export const OPTION_SCHEMA: Schema = {
  procedure: choice('procedure', PROCEDURE_IDS, 'kyphoplasty', 'setting', 'expected.procedure'),
  level: choice('level', LEVEL_IDS, 'L1', 'setting', 'expected.level'),
  levels: spec(
    'levels',
    distinctListOf(oneOf(LEVEL_IDS), MAX_TREATED_LEVELS),
    [] as readonly LevelId[],
    'setting',
    'expected.levels',
  ),
  grade: {
    ...spec('grade', oneOrListOf(oneOf(GRADES), MAX_TREATED_LEVELS), 2, 'setting', 'expected.grade'),
    values: GRADES,
  },
  morphology: {
    ...spec(
      'morphology',
      oneOrListOf(oneOf(MORPHOLOGIES), MAX_TREATED_LEVELS),
      'wedge',
      'setting',
      'expected.morphology',
    ),
    values: MORPHOLOGIES,
  },
  approach: choice('approach', APPROACHES, 'bipedicular', 'setting', 'expected.approach'),
  complication: choice('complication', COMPLICATIONS, 'none', 'setting', 'expected.complication'),
  step: spec('step', stepKey, null, 'start', 'expected.step'),
  time: spec('time', seconds, null, 'start', 'expected.time'),
  autoplay: spec('autoplay', booleanValue, false, 'start', 'expected.boolean'),
  loop: spec('loop', booleanValue, false, 'playback', 'expected.boolean'),
  rate: { ...spec('rate', rateOf(PLAYBACK_RATES), 1, 'playback', 'expected.rate'), values: PLAYBACK_RATES },
  // Any language with a catalog: the menu lists them all (adding a catalog adds it to the menu).
  lang: { ...spec('lang', language, 'en', 'setting', 'expected.lang'), values: availableLanguages() },
  audience: choice('audience', AUDIENCES, 'patient', 'setting', 'expected.audience'),
  view: choice('view', VIEWS, '3d', 'setting', 'expected.view'),
  controls: choice('controls', CONTROLS, 'full', 'setting', 'expected.controls'),
  polarity: choice('polarity', POLARITIES, 'bone-white', 'setting', 'expected.polarity'),
  detector: choice('detector', DETECTORS, 'intensifier', 'setting', 'expected.detector'),
  bone: choice('bone', BONE_DENSITIES, 'osteoporotic', 'setting', 'expected.bone'),
  labels: spec('labels', booleanValue, false, 'setting', 'expected.boolean'),
  cutaway: spec('cutaway', booleanValue, true, 'setting', 'expected.boolean'),
  torso: spec('torso', booleanValue, true, 'setting', 'expected.boolean'),
  panel: choice('panel', PATIENT_PANELS, 'none', 'setting', 'expected.panel'),
  shareUrl: spec('share-url', httpUrl(), null, 'setting', 'expected.url', false),
  poster: spec('poster', posterValue, null, 'element', 'expected.posterUrl', false),
  reveal: choice('reveal', REVEAL_MODES, 'auto', 'element', 'expected.reveal', false),
  narration: choice('narration', NARRATION_MODES, 'off', 'setting', 'expected.narration'),
};

export const OPTION_KEYS = Object.keys(OPTION_SCHEMA) as OptionKey[];

/** Every option at its default. */
export const DEFAULT_OPTIONS: ViewerOptions = Object.fromEntries(
  OPTION_KEYS.map((key) => [key, OPTION_SCHEMA[key].default]),
) as unknown as ViewerOptions;

/** The attributes the element observes: one per option. */
export const OPTION_ATTRIBUTES = OPTION_KEYS.map((key) => OPTION_SCHEMA[key].attribute);

/** The URL parameters the pages read (`t` is accepted as the short form of `time`). */
export const URL_OPTION_KEYS = OPTION_KEYS.filter((key) => OPTION_SCHEMA[key].inUrl);

/** The option an attribute name configures, if any (attribute names are lower case). */
export function optionForAttribute(attribute: string): OptionKey | undefined {
  return OPTION_KEYS.find((key) => OPTION_SCHEMA[key].attribute === attribute);
}
