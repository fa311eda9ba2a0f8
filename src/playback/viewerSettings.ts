import type { LevelId } from '../anatomy/levels';
import type { Approach, GenantGrade, Morphology, ProcedureId } from '../procedure/types';

export const POLARITIES = ['bone-white', 'bone-black'] as const;
export type Polarity = (typeof POLARITIES)[number];
export type CameraMode = 'guided' | 'free';
export const DETECTORS = ['intensifier', 'flat-panel'] as const;
/** Mobile C-arms: a circular image intensifier, or a square flat-panel detector. */
export type Detector = (typeof DETECTORS)[number];
export const BONE_DENSITIES = ['osteoporotic', 'healthy'] as const;
export type BoneDensity = (typeof BONE_DENSITIES)[number];
export const AUDIENCES = ['patient', 'clinician'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const VIEWS = ['3d', 'fluoro', 'split'] as const;
export type ViewMode = (typeof VIEWS)[number];
export const CONTROLS = ['full', 'minimal', 'none'] as const;
export type ControlsMode = (typeof CONTROLS)[number];

/** Low-frequency settings: React re-renders on these, the frame loop reads them. One source of truth. */
export interface ViewerSettings {
  procedure: ProcedureId;
  level: LevelId;
  grade: GenantGrade;
  morphology: Morphology;
  approach: Approach;
  lang: string;
  audience: Audience;
  view: ViewMode;
  controls: ControlsMode;
  labels: boolean;
  cutaway: boolean;
  torso: boolean;
  polarity: Polarity;
  detector: Detector;
  /** Trabecular density for the X-ray: osteoporotic (HU 80) or healthy (HU 250). */
  boneDensity: BoneDensity;
  cameraMode: CameraMode;
}
