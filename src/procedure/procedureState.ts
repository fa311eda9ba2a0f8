import type { LevelId } from '../anatomy/levels';
import type {
  CameraPresetId,
  Complication,
  FluoroView,
  GenantGrade,
  Morphology,
  ProcedureId,
  StepId,
} from './types';

/** Where one treated level stands: its fracture, its height and its cement (one entry per treated level). */
export interface LevelProgress {
  level: LevelId;
  grade: GenantGrade;
  morphology: Morphology;
  anteriorHeightMm: number;
  middleHeightMm: number;
  posteriorHeightMm: number;
  anteriorHeightPct: number;
  wedgeAngleDeg: number;
  cementVolumeMl: number;
  /** Fraction of this level's planned dose injected so far. */
  cementFill: number;
  cementCure: number;
  leakVolumeMl: number;
}

/** Everything a frame needs, as plain numbers and ids. Filled in place by `stateAt` (no allocation per frame). */
export interface ProcedureState {
  time: number;
  duration: number;
  procedure: ProcedureId;
  step: StepId;
  /** The step's unique key: its id, or `id@level` for a step repeated per level (`cement-injection@T12`). */
  stepKey: string;
  stepIndex: number;
  /** The level this moment works on (the first treated level before the per-level steps, the last one after). */
  level: LevelId;
  /** Its place in the treated levels (0 with one level). */
  levelIndex: number;
  /** That level's fracture grade and shape. */
  grade: GenantGrade;
  morphology: Morphology;
  /** Every treated level, in treatment order (one entry with one level); see LevelProgress. */
  levels: LevelProgress[];
  /** 0 at the step's start, 1 at its end. */
  stepProgress: number;

  /** Depth of the deepest working tip (trocar, then drill) along the access channel, from the bone entry point. */
  needleDepthMm: number;
  /** Where the trocar/working cannula tip sits; < 0 while still in soft tissue. */
  cannulaDepthMm: number;
  needleVisible: boolean;
  drillDepthMm: number;
  drillVisible: boolean;
  /** 0 = balloon tamp outside, 1 = fully inserted in the drilled channel. */
  balloonInsertion: number;
  /** Volume in each balloon. */
  balloonVolumeMl: number;
  balloonPeakMl: number;
  balloonPressurePsi: number;
  /** Volume of the cavity left by the balloons (all of them). */
  cavityVolumeMl: number;

  anteriorHeightMm: number;
  middleHeightMm: number;
  posteriorHeightMm: number;
  /** Current height as a percentage of the same line of the intact vertebra. */
  anteriorHeightPct: number;
  middleHeightPct: number;
  posteriorHeightPct: number;
  wedgeAngleDeg: number;

  cementVolumeMl: number;
  cementFinalMl: number;
  /** Fraction of the planned dose injected so far (drives the arrival-time threshold); holds where a leak stopped it. */
  cementFill: number;
  /** 0 = liquid, 1 = set. */
  cementCure: number;
  /** Simulated minutes since injection ended (the real cement sets in about 10–20 minutes). */
  cementMinutes: number;
  /** The cement leak shown (the `complication` option), or 'none'. */
  complication: Complication;
  /** Cement that has leaked out of the body so far, mL (0 without a complication). */
  leakVolumeMl: number;

  fluoroView: FluoroView;
  xrayOn: boolean;
  /** C-arm orbital angle: 0° AP, 90° lateral; moves between exposures. */
  cArmAngleDeg: number;

  camera: CameraPresetId;
  previousCamera: CameraPresetId;
  /** 0 = still at the previous step's camera, 1 = at this step's camera. */
  cameraBlend: number;

  torsoOpacity: number;
  skinMarker: number;
  bandage: number;
  highlight: number;
  /** How far the treated body is opened up (see-through / cut away) for the action inside it. */
  insideView: number;
  /** How far the treated body is shown whole but see-through (the cement inside it at the result). */
  seeThrough: number;
  /**
   * How far the treated vertebra is cut across the spine through both needles (access): the section a textbook
   * draws, both needles running through their pedicles into the body in a V. 1 = the section exactly in the
   * needles' plane.
   */
  axialCut: number;
  /** How far the skin over the treated level is closed (1) rather than a window onto the spine (0). */
  skinCover: number;
}

export function createProcedureState(): ProcedureState {
  return {
    time: 0,
    duration: 0,
    procedure: 'kyphoplasty',
    step: 'overview',
    stepKey: 'overview',
    stepIndex: 0,
    level: 'L1',
    levelIndex: 0,
    grade: 2,
    morphology: 'wedge',
    levels: [],
    stepProgress: 0,
    needleDepthMm: 0,
    cannulaDepthMm: 0,
    needleVisible: false,
    drillDepthMm: 0,
    drillVisible: false,
    balloonInsertion: 0,
    balloonVolumeMl: 0,
    balloonPeakMl: 0,
    balloonPressurePsi: 0,
    cavityVolumeMl: 0,
    anteriorHeightMm: 0,
    middleHeightMm: 0,
    posteriorHeightMm: 0,
    anteriorHeightPct: 0,
    middleHeightPct: 0,
    posteriorHeightPct: 0,
    wedgeAngleDeg: 0,
    cementVolumeMl: 0,
    cementFinalMl: 0,
    cementFill: 0,
    cementCure: 0,
    cementMinutes: 0,
    complication: 'none',
    leakVolumeMl: 0,
    fluoroView: 'none',
    xrayOn: false,
    cArmAngleDeg: 0,
    camera: 'overview',
    previousCamera: 'overview',
    cameraBlend: 1,
    torsoOpacity: 0,
    skinMarker: 0,
    bandage: 0,
    highlight: 0,
    insideView: 0,
    seeThrough: 0,
    axialCut: 0,
    skinCover: 0,
  };
}

/** An empty level entry (filled by stateAt). */
export function createLevelProgress(): LevelProgress {
  return {
    level: 'L1',
    grade: 2,
    morphology: 'wedge',
    anteriorHeightMm: 0,
    middleHeightMm: 0,
    posteriorHeightMm: 0,
    anteriorHeightPct: 0,
    wedgeAngleDeg: 0,
    cementVolumeMl: 0,
    cementFill: 0,
    cementCure: 0,
    leakVolumeMl: 0,
  };
}

/** Copy a level's figures from its frame into its entry. */
export function writeLevelProgress(from: ProcedureState, out: LevelProgress): LevelProgress {
  out.level = from.level;
  out.grade = from.grade;
  out.morphology = from.morphology;
  out.anteriorHeightMm = from.anteriorHeightMm;
  out.middleHeightMm = from.middleHeightMm;
  out.posteriorHeightMm = from.posteriorHeightMm;
  out.anteriorHeightPct = from.anteriorHeightPct;
  out.wedgeAngleDeg = from.wedgeAngleDeg;
  out.cementVolumeMl = from.cementVolumeMl;
  out.cementFill = from.cementFill;
  out.cementCure = from.cementCure;
  out.leakVolumeMl = from.leakVolumeMl;
  return out;
}
