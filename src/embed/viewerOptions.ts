import type { LevelId } from '../anatomy/levels';
import type { PlaybackRate } from '../playback/playbackStore';
import type { Audience, ControlsMode, Polarity, ViewMode } from '../playback/viewerSettings';
import type { Approach, GenantGrade, Morphology, ProcedureId, StepId } from '../procedure/types';

/** Everything a page, an attribute set or a deep link can configure. */
export interface ViewerOptions {
  procedure: ProcedureId;
  level: LevelId;
  grade: GenantGrade;
  morphology: Morphology;
  approach: Approach;
  /** Start at this step (its first frame) unless `time` is given. */
  step: StepId | null;
  /** Start time in seconds; wins over `step`. */
  time: number | null;
  autoplay: boolean;
  loop: boolean;
  rate: PlaybackRate;
  lang: string;
  audience: Audience;
  view: ViewMode;
  controls: ControlsMode;
  /** Fluoroscopy display: dense structures white (radiograph convention) or black (raw intensifier). */
  polarity: Polarity;
}

export const DEFAULT_OPTIONS: ViewerOptions = {
  procedure: 'kyphoplasty',
  level: 'L1',
  grade: 2,
  morphology: 'wedge',
  approach: 'bipedicular',
  step: null,
  time: null,
  autoplay: false,
  loop: false,
  rate: 1,
  lang: 'en',
  audience: 'patient',
  view: '3d',
  controls: 'full',
  polarity: 'bone-white',
};

/** The option names accepted from URLs and attributes (`t` is the URL's short form of `time`). */
export const OPTION_NAMES = [
  'procedure',
  'level',
  'grade',
  'morphology',
  'approach',
  'step',
  'time',
  'autoplay',
  'loop',
  'rate',
  'lang',
  'audience',
  'view',
  'controls',
  'polarity',
] as const;
export type OptionName = (typeof OPTION_NAMES)[number];
