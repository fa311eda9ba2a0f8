import type { LevelId } from '../anatomy/levels';

export const PROCEDURE_IDS = ['kyphoplasty', 'vertebroplasty'] as const;
export type ProcedureId = (typeof PROCEDURE_IDS)[number];

export const STEP_IDS = [
  'overview',
  'positioning',
  'anaesthesia',
  'targeting',
  'access',
  'drilling',
  'balloon-insertion',
  'balloon-inflation',
  'balloon-removal',
  'cement-injection',
  'cement-hardening',
  'closure',
  'result',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export const FLUORO_VIEWS = ['none', 'ap', 'lateral'] as const;
export type FluoroView = (typeof FLUORO_VIEWS)[number];
/** The two projections a C-arm takes: front-to-back and side-on. */
export type XrayView = Exclude<FluoroView, 'none'>;
export const XRAY_VIEWS = ['ap', 'lateral'] as const satisfies readonly XrayView[];

/** One camera framing per kind of step (the view direction and fill; the subject comes from the step). */
export const CAMERA_PRESET_IDS = [
  'overview',
  'patient',
  'imaging',
  'lateral',
  'inside',
  'result',
  'skin',
  'access',
  'drilling',
  'balloon',
  'cavity',
  'hardening',
  'closure',
] as const;
export type CameraPresetId = (typeof CAMERA_PRESET_IDS)[number];

/**
 * What a step's picture is about: the camera keeps it large and central, clear of the overlay panels.
 * spine: the treated level with its neighbours; patient: the whole patient on the table; skin: the back over the
 * treated level; back: the patient's back around it; pedicles: the treated vertebra's pedicles and body;
 * needle-tip: the working channel inside the body; body-interior: the opened body; vertebra: the treated level;
 * imaging: the C-arm over the patient's back at the treated level, the patient under it.
 */
export const SHOT_SUBJECTS = [
  'spine',
  'patient',
  'skin',
  'back',
  'pedicles',
  'needle-tip',
  'body-interior',
  'vertebra',
  'imaging',
] as const;
export type ShotSubject = (typeof SHOT_SUBJECTS)[number];

export const GRADES = [1, 2, 3] as const;
/** Genant semi-quantitative grade: 1 mild (20–25 %), 2 moderate (25–40 %), 3 severe (> 40 %). */
export type GenantGrade = (typeof GRADES)[number];

export const MORPHOLOGIES = ['wedge', 'biconcave', 'crush'] as const;
export type Morphology = (typeof MORPHOLOGIES)[number];

export const COMPLICATIONS = ['none', 'venous', 'disc', 'epidural', 'foraminal', 'soft-tissue'] as const;
/**
 * A cement leak to show (the `complication` option): none, or cement escaping along one route — the basivertebral
 * and segmental veins, through the broken endplate into the disc, through the posterior wall into the canal,
 * along the needle track into the foramen, or along it into the muscles beside the spine.
 */
export type Complication = (typeof COMPLICATIONS)[number];

export const APPROACHES = ['bipedicular', 'unipedicular'] as const;
export type Approach = (typeof APPROACHES)[number];

/** What the channels of a step animate; the step list, transcript and tests read these. */
export type Channel =
  | 'highlight'
  | 'torso'
  | 'skin'
  | 'fluoro'
  | 'needle'
  | 'drill'
  | 'balloon'
  | 'height'
  | 'cement'
  | 'cure'
  | 'bandage';

/** A fluoroscopy exposure inside a step, in step-progress units [from, to). */
export interface FluoroShot {
  from: number;
  to: number;
  view: XrayView;
}

/** One step of a procedure as data. Captions live in the i18n catalog under `step.<id>.*`. */
export interface StepDefinition {
  id: StepId;
  /** Seconds of animation at 1× rate. */
  duration: number;
  /** What the picture is about (see SHOT_SUBJECTS). */
  subject: ShotSubject;
  /** The view direction and fill the camera frames the subject with. */
  camera: CameraPresetId;
  /** The fluoro view shown in the inset while the step runs (the last one taken stays on screen). */
  fluoro: FluoroView;
  shots: readonly FluoroShot[];
  channels: readonly Channel[];
}

export interface ProcedureDefinition {
  id: ProcedureId;
  steps: readonly StepDefinition[];
}

/** The options that change what the procedure looks like (not how it is played). */
export interface ProcedureOptions {
  level: LevelId;
  grade: GenantGrade;
  morphology: Morphology;
  approach: Approach;
  /** A cement leak to show; absent means none. */
  complication?: Complication;
  /**
   * Several levels in one session (2–3, in treatment order, the first being level/grade/morphology above); absent
   * for one level. See treatedLevels.ts.
   */
  treated?: readonly TreatedLevel[];
}

/** One level treated in a session, with its own fracture. */
export interface TreatedLevel {
  level: LevelId;
  grade: GenantGrade;
  morphology: Morphology;
}

/** A step placed on the time axis. */
export interface TimedStep {
  id: StepId;
  /**
   * Unique in its timeline: the id, or `id@level` for a step repeated per level when several levels are treated
   * (`cement-injection@T12`). Deep links, step lists and the comparison find steps by it.
   */
  key: string;
  /** The level the step works on when several are treated; null for a step shared by all (positioning, closure). */
  level: LevelId | null;
  /** Which treated level the step belongs to (0 for one level; shared steps belong to the nearest level). */
  levelIndex: number;
  index: number;
  start: number;
  end: number;
  definition: StepDefinition;
}

export interface Timeline {
  procedure: ProcedureId;
  duration: number;
  steps: readonly TimedStep[];
  /** The treated levels when there are several (in order); empty for one level. */
  levels: readonly LevelId[];
}

export function isStepId(value: string): value is StepId {
  return (STEP_IDS as readonly string[]).includes(value);
}
