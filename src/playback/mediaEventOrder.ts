import type { Emitter } from './emitter';
import type { PlaybackEvent, PlaybackSnapshot } from './playbackStore';
import type { StepId } from '../procedure/types';
import type { ViewerEvents } from './viewerEvents';

/** What the event order needs of its viewer. */
export interface MediaEventHost extends Pick<Emitter<ViewerEvents>, 'emit'> {
  getPlayback(): PlaybackSnapshot;
  getTime(): number;
  currentStep(): StepId;
}

/**
 * The playback store's changes as media-element events, in a media element's order: `timeupdate` before `pause`
 * (so the last time is known when it stops, also at the end: timeupdate, pause, ended), `seeking` → `timeupdate`
 * → `seeked`, `play` → `playing`, and `waiting` / `playing` while narration holds time and lets it go. Only
 * low-frequency changes come here; the playing cadence of `timeupdate` is the renderer's.
 */
export class MediaEventOrder {
  private seekingNow = false;

  constructor(private readonly host: MediaEventHost) {}

  /** True only while a seek's `seeking` event is being dispatched (seeks are synchronous). */
  get seeking(): boolean {
    return this.seekingNow;
  }

  onPlayback(event: PlaybackEvent): void {
    const host = this.host;
    const snapshot = host.getPlayback();
    const time = host.getTime();
    switch (event) {
      case 'play':
        host.emit('play', { time });
        if (!snapshot.waiting) host.emit('playing', { time });
        break;
      case 'pause':
        this.timeupdate();
        host.emit('pause', { time });
        break;
      case 'seeking':
        this.seekingNow = true;
        host.emit('seeking', { time });
        break;
      case 'seeked':
        this.seekingNow = false;
        this.timeupdate();
        host.emit('seeked', { time });
        break;
      case 'waiting':
        if (snapshot.playing) host.emit(snapshot.waiting ? 'waiting' : 'playing', { time });
        break;
      case 'ended':
        host.emit('ended', { time });
        break;
      case 'ratechange':
        host.emit('ratechange', { rate: snapshot.rate });
        break;
      case 'durationchange':
        host.emit('durationchange', { duration: snapshot.duration });
        break;
      case 'volumechange':
        host.emit('volumechange', { volume: snapshot.volume, muted: snapshot.muted });
        break;
    }
  }

  /** A `timeupdate` now, outside the playing cadence (a seek, a pause, a new procedure). */
  timeupdate(): void {
    this.host.emit('timeupdate', { time: this.host.getTime(), step: this.host.currentStep() });
  }
}
