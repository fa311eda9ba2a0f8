import type { ViewerSettings } from '../playback/viewerSettings';
import type { ViewerOptions } from './viewerOptions';

/** The low-frequency settings a set of validated options starts the viewer with. */
export function settingsFromOptions(options: ViewerOptions): ViewerSettings {
  return {
    procedure: options.procedure,
    level: options.level,
    grade: options.grade,
    morphology: options.morphology,
    approach: options.approach,
    lang: options.lang,
    audience: options.audience,
    view: options.view,
    controls: options.controls,
    labels: false,
    cutaway: true,
    torso: true,
    polarity: options.polarity,
    detector: 'intensifier',
    boneDensity: 'osteoporotic',
    cameraMode: 'guided',
  };
}
