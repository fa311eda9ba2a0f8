import { displayValue } from '../../options/displayValue';
import { booleanValue, seconds } from '../../options/optionParsers';
import { OPTION_SCHEMA } from '../../options/optionSchema';
import type { PlaybackRate } from '../../options/optionValues';
import type { ViewerController } from '../../playback/viewerController';
import { dispatchMediaEvents } from './mediaEvents';
import { PlayedRanges } from './playedRanges';
import { ViewerTimeRanges } from './timeRanges';
import { ViewerDiagnostics } from './ViewerDiagnostics';

/** HTMLMediaElement's `networkState` values. */
const NETWORK_EMPTY = 0;
const NETWORK_IDLE = 1;
const NETWORK_LOADING = 2;

/**
 * The read-outs and settings of HTMLMediaElement that player UIs and analytics read, over the viewer's own
 * playback: ready state, seeking, ranges, narration volume and mute, network state, default rate. Time, play and
 * pause are the element's own (SpineProcedureViewerElement). Bad values are refused as the rest of the API
 * refuses them: an `error` event of type `command`, the value kept.
 */
export class MediaElementApi extends ViewerDiagnostics {
  private playedRanges: PlayedRanges | null = null;
  private defaultRate: PlaybackRate | null = null;
  private seekableCache: ViewerTimeRanges | null = null;

  protected override controllerCreated(controller: ViewerController): void {
    super.controllerCreated(controller);
    this.playedRanges = new PlayedRanges(controller);
    dispatchMediaEvents(this, controller);
  }

  /**
   * As a media element's `readyState`: 4 (HAVE_ENOUGH_DATA) once the first frame of this connection is drawn,
   * 0 (HAVE_NOTHING) before. Read from the viewer's one readiness source, like the `ready` promise.
   */
  get readyState(): number {
    return this.controller.graphics.readyState ? 4 : 0;
  }

  /** 0 (empty) out of a document, 2 (loading) until the first frame is drawn, then 1 (idle: all is here). */
  get networkState(): number {
    if (this.controller.graphics.readyState) return NETWORK_IDLE;
    return this.isConnected ? NETWORK_LOADING : NETWORK_EMPTY;
  }

  /** True once the end was reached (cleared by play or seek). */
  get ended(): boolean {
    return this.controller.getPlayback().ended;
  }

  /** True only while a `seeking` event is dispatched: a seek is done at once (every frame is computed). */
  get seeking(): boolean {
    return this.controller.seeking;
  }

  /** The whole timeline, 0 to `duration`. */
  get seekable(): TimeRanges {
    const duration = this.controller.getTimeline().duration;
    if (this.seekableCache?.end(0) !== duration) this.seekableCache = new ViewerTimeRanges([[0, duration]]);
    return this.seekableCache;
  }

  /** The whole timeline too: nothing streams, every moment is computed when shown. */
  get buffered(): TimeRanges {
    return this.seekable;
  }

  /** The parts of the current procedure's timeline that have been played. */
  get played(): TimeRanges {
    void this.controller;
    return (this.playedRanges as PlayedRanges).timeRanges();
  }

  /** Narration volume, 0 to 1 (narration is the viewer's only sound). */
  get volume(): number {
    return this.controller.getPlayback().volume;
  }

  set volume(value: number) {
    const volume = seconds(value);
    if (volume === undefined || volume < 0 || volume > 1) {
      this.commandError(`volume must be a number from 0 to 1, got ${displayValue(String(value))}`);
      return;
    }
    this.controller.setVolume(volume);
  }

  /** Narration muted: it stops speaking and does not hold the timeline (the `narration` option is kept). */
  get muted(): boolean {
    return this.controller.getPlayback().muted;
  }

  set muted(value: boolean) {
    const muted = booleanValue(value);
    if (muted === undefined) {
      this.commandError(`muted must be true or false, got ${displayValue(String(value))}`);
      return;
    }
    this.controller.setMuted(muted);
  }

  /** The rate a media element returns to when it loads a new source: the `rate` option's default, unless set. */
  get defaultPlaybackRate(): number {
    return this.defaultRate ?? OPTION_SCHEMA.rate.default;
  }

  set defaultPlaybackRate(value: number) {
    const rate = OPTION_SCHEMA.rate.parse(value);
    if (rate === undefined) {
      this.commandError(`defaultPlaybackRate must be 0.5, 1 or 2, got ${displayValue(String(value))}`);
      return;
    }
    if (rate === this.defaultPlaybackRate) return;
    this.defaultRate = rate;
    this.dispatchEvent(
      new CustomEvent('ratechange', { detail: { rate: this.controller.getPlayback().rate } }),
    );
  }

  /** A call that cannot be done: an `error` event (type `command`) for the embedding script. */
  protected commandError(message: string): void {
    this.controller.reportError('command', message);
  }
}
