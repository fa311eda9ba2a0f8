import type { Notice } from '../options/parseOptions';
import type { PlaybackRate } from '../options/optionValues';
import type { ProcedureState } from '../procedure/procedureState';
import type { ProcedureId, StepId } from '../procedure/types';
import type { ScanStateSnapshot } from '../scan/types';
import type { ViewerSettings } from './viewerSettings';

/** ok: drawing; lost: the WebGL context is gone and a restore is awaited; failed: showing the transcript instead. */
export type GraphicsState = 'ok' | 'lost' | 'failed';

export type ViewerErrorType =
  'webglcontextlost' | 'webglunavailable' | 'modelload' | 'invalidinput' | 'command';

/**
 * A notice the viewer shows: an ignored input (translated when shown) or a ready text; a text with a `source`
 * replaces that source's earlier notice (a second refused scan does not pile up under the first).
 */
export type ViewerNotice = Notice | { text: string; source?: 'scan' };

/** Events the controller raises. */
export interface ViewerEvents extends Record<string, unknown> {
  play: { time: number };
  /** Time runs after `play` (or after narration held it): as a media element's `playing`. */
  playing: { time: number };
  /** Playing, but time is held until narration finishes its sentence: as a media element's `waiting`. */
  waiting: { time: number };
  pause: { time: number };
  /** A seek has begun; `time` (and `currentTime`) is already the new time. `timeupdate` and `seeked` follow. */
  seeking: { time: number };
  seeked: { time: number };
  ended: { time: number };
  ratechange: { rate: PlaybackRate };
  /** The duration changed (a new procedure): `loadedmetadata` follows on the element. */
  durationchange: { duration: number };
  /** Narration volume or mute changed. */
  volumechange: { volume: number; muted: boolean };
  timeupdate: { time: number; step: StepId };
  /** `key` tells the same step at another level apart (`access@L1` after `access@T12`). */
  stepchange: { step: StepId; key: string; index: number; previous: StepId | null };
  procedurechange: { procedure: ProcedureId; time: number };
  settingschange: { settings: ViewerSettings };
  /** Narration started or stopped speaking. */
  narrationchange: { narrating: boolean };
  /** Any change of playback (play, pause, seek, rate, loop, scrub, duration, waiting): for the React hooks. */
  playbackchange: null;
  /** The frame shows another bone: its level, grade or shape changed (a new setting, or the next level's turn). */
  bonechange: { level: string; grade: number; morphology: string };
  /** Every computed frame; for DOM readouts written through refs (no React state). */
  frame: ProcedureState;
  /** The first frame with the models has been drawn. */
  ready: { time: number };
  graphicschange: { graphics: GraphicsState };
  noticeschange: { notices: readonly ViewerNotice[] };
  error: { type: ViewerErrorType; message: string };
  /** A take-home video export's progress, 0 to 1 (1 once the file is complete). */
  progress: { fraction: number };
  /** A patient scan was loaded, read further, targeted or closed. */
  scanchange: { scan: ScanStateSnapshot };
}

/** The events the element dispatches as DOM CustomEvents and the iframe forwards to its parent: one list. */
export const VIEWER_EVENTS = [
  'ready',
  'timeupdate',
  'stepchange',
  'play',
  'pause',
  'seeked',
  'ended',
  'procedurechange',
  'ratechange',
  'error',
  'progress',
] as const satisfies readonly (keyof ViewerEvents)[];

export type ViewerEventName = (typeof VIEWER_EVENTS)[number];

/**
 * Controller events the element also dispatches, for tools that speak HTMLMediaElement. They are not forwarded
 * through the iframe protocol (version 1 keeps its list), whose parent page reads time and duration from events
 * it already has (`timeupdate`, which a seek now raises too, and `procedurechange`).
 */
export const MEDIA_EVENTS = [
  'seeking',
  'playing',
  'waiting',
  'durationchange',
  'volumechange',
] as const satisfies readonly (keyof ViewerEvents)[];

export type MediaEventName = (typeof MEDIA_EVENTS)[number];
