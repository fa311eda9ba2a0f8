import type { PlaybackRate } from '../options/optionValues';
import { performanceClock, type Clock } from './clock';

/** Low-frequency playback facts; read live time with `getTime()`. */
export interface PlaybackSnapshot {
  playing: boolean;
  rate: PlaybackRate;
  loop: boolean;
  duration: number;
  /** True while a scrub gesture is held. */
  scrubbing: boolean;
  /** True once the end was reached without looping (cleared by play or seek). */
  ended: boolean;
  /**
   * True while playing time is held at a hold point (see `holdAt`): `playing` stays true (the viewer is still
   * playing from the user's point of view), time stands still until `releaseHold()`.
   */
  waiting: boolean;
  /** Narration volume, 0 to 1 (the viewer's only sound). */
  volume: number;
  /** True while narration is muted (it neither speaks nor holds the timeline). */
  muted: boolean;
}

export type PlaybackEvent =
  | 'play'
  | 'pause'
  /** A seek has moved the time (it is already the new time); `seeked` follows. */
  | 'seeking'
  | 'seeked'
  | 'ended'
  | 'ratechange'
  | 'durationchange'
  | 'loop'
  | 'volumechange'
  /** `waiting` turned on (time reached the hold point) or off (released). */
  | 'waiting';

export interface PlaybackStore {
  getTime(): number;
  getSnapshot(): PlaybackSnapshot;
  play(): void;
  pause(): void;
  /** Jump to t (clamped); seeking pauses, except inside a scrub gesture which restores play on release. */
  seek(t: number): void;
  setRate(rate: PlaybackRate): void;
  setLoop(loop: boolean): void;
  /** Narration volume and mute (0 to 1; callers check the range). */
  setVolume(volume: number): void;
  setMuted(muted: boolean): void;
  /** Change the duration keeping the time (clamped); used when the procedure changes. */
  setDuration(duration: number, time?: number): void;
  beginScrub(): void;
  endScrub(): void;
  /**
   * While playing, stop time at `t` when it gets there (the store's own timer) and keep `playing` true with
   * `waiting` set, until `releaseHold()`. One hold point at a time; cleared by pause, seek, a duration change and
   * release. Sets nothing observable until reached (no event), so it may be called from any event handler.
   */
  holdAt(t: number): void;
  /** Drop the hold point; if time is held there, time runs on from it. */
  releaseHold(): void;
  /** Low-frequency changes only (never per frame). */
  subscribe(listener: (event: PlaybackEvent) => void): () => void;
  /** Stop its timer (the viewer is gone). */
  dispose(): void;
}

/**
 * Time = anchor + elapsed wall time × rate (theatre.js style), so a long play never drifts: no per-frame sums.
 * Reaching the end is the store's own event, raised by a timer on its clock: rendering never changes playback.
 */
export function createPlaybackStore(options: {
  duration: number;
  clock?: Clock;
  loop?: boolean;
}): PlaybackStore {
  const clock = options.clock ?? performanceClock;
  let anchorTime = 0;
  let anchorWall = clock.now();
  let snapshot: PlaybackSnapshot = {
    playing: false,
    rate: 1,
    loop: options.loop ?? false,
    duration: Math.max(0, options.duration),
    scrubbing: false,
    ended: false,
    waiting: false,
    volume: 1,
    muted: false,
  };
  let holdPoint: number | null = null;
  let resumeAfterScrub = false;
  let cancelEndTimer: (() => void) | null = null;
  const listeners = new Set<(event: PlaybackEvent) => void>();

  const emit = (event: PlaybackEvent) => listeners.forEach((l) => l(event));
  const update = (patch: Partial<PlaybackSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
  };
  const clamp = (t: number) =>
    Number.isFinite(t) ? Math.min(snapshot.duration, Math.max(0, t)) : t === Infinity ? snapshot.duration : 0;
  const raw = () => {
    if (!snapshot.playing || snapshot.waiting) return anchorTime;
    const t = anchorTime + ((clock.now() - anchorWall) / 1000) * snapshot.rate;
    // Time never passes a hold point ahead of it, even while the hold's timer is late (a main thread busy with a
    // long frame): a frame drawn then would start the next step and cut the sentence the hold waits for.
    return holdPoint !== null && anchorTime <= holdPoint && t > holdPoint ? holdPoint : t;
  };
  /** Live time; a loop wraps even if its timer is a little late. */
  const live = () => {
    const t = raw();
    return snapshot.loop && snapshot.playing && snapshot.duration > 0 && t >= snapshot.duration
      ? t % snapshot.duration
      : clamp(t);
  };
  const reanchor = (t: number) => {
    anchorTime = clamp(t);
    anchorWall = clock.now();
  };

  /** While playing, one timer waits for the end of the timeline (re-armed on every change of time or rate). */
  const armEndTimer = () => {
    cancelEndTimer?.();
    cancelEndTimer = null;
    if (!snapshot.playing || snapshot.waiting || snapshot.duration <= 0) return;
    // From the time now, not the last anchor: a hold point set while time runs (narration starting a sentence a
    // moment after its step began) is reached at the hold point, not as late as time ran since the anchor.
    const now = clamp(raw());
    if (holdPoint !== null && holdPoint >= now && holdPoint < snapshot.duration) {
      cancelEndTimer = clock.setTimer(reachHold, ((holdPoint - now) / snapshot.rate) * 1000);
      return;
    }
    const remainingMs = ((snapshot.duration - now) / snapshot.rate) * 1000;
    cancelEndTimer = clock.setTimer(reachEnd, remainingMs);
  };
  const reachHold = () => {
    cancelEndTimer = null;
    if (!snapshot.playing || holdPoint === null) return;
    reanchor(holdPoint);
    holdPoint = null;
    update({ waiting: true });
    emit('waiting');
  };
  /** Leave a hold without events of its own (the caller emits what the change means). */
  const clearHold = () => {
    holdPoint = null;
    if (snapshot.waiting) {
      reanchor(anchorTime);
      update({ waiting: false });
    }
  };
  const reachEnd = () => {
    cancelEndTimer = null;
    if (!snapshot.playing) return;
    if (snapshot.loop) {
      // Keep the overshoot so a loop boundary costs no time.
      reanchor(raw() % snapshot.duration);
      armEndTimer();
      return;
    }
    reanchor(snapshot.duration);
    update({ playing: false, ended: true });
    emit('pause');
    emit('ended');
  };

  const store: PlaybackStore = {
    getTime: live,
    getSnapshot: () => snapshot,
    play() {
      if (snapshot.playing) return;
      const start = snapshot.ended || anchorTime >= snapshot.duration ? 0 : anchorTime;
      reanchor(start);
      update({ playing: true, ended: false });
      armEndTimer();
      emit('play');
    },
    pause() {
      if (!snapshot.playing) return;
      reanchor(live());
      holdPoint = null;
      update({ playing: false, waiting: false });
      armEndTimer();
      emit('pause');
    },
    seek(t) {
      if (snapshot.playing && !snapshot.scrubbing) store.pause();
      clearHold();
      reanchor(t);
      if (snapshot.ended) update({ ended: false });
      armEndTimer();
      emit('seeking');
      emit('seeked');
    },
    setRate(rate) {
      if (rate === snapshot.rate) return;
      reanchor(live());
      update({ rate });
      armEndTimer();
      emit('ratechange');
    },
    setLoop(loop) {
      if (loop === snapshot.loop) return;
      reanchor(live());
      update({ loop });
      armEndTimer();
      emit('loop');
    },
    setVolume(volume) {
      if (volume === snapshot.volume) return;
      update({ volume });
      emit('volumechange');
    },
    setMuted(muted) {
      if (muted === snapshot.muted) return;
      update({ muted });
      emit('volumechange');
    },
    setDuration(duration, time) {
      const current = time ?? live();
      clearHold();
      update({ duration: Math.max(0, duration) });
      reanchor(current);
      armEndTimer();
      emit('durationchange');
    },
    beginScrub() {
      if (snapshot.scrubbing) return;
      resumeAfterScrub = snapshot.playing;
      if (snapshot.playing) store.pause();
      update({ scrubbing: true });
    },
    endScrub() {
      if (!snapshot.scrubbing) return;
      update({ scrubbing: false });
      // Released at the very end: the play-through is over, as in a media player, rather than starting again.
      if (resumeAfterScrub && anchorTime < snapshot.duration) store.play();
      resumeAfterScrub = false;
    },
    holdAt(t) {
      holdPoint = Number.isFinite(t) ? t : null;
      armEndTimer();
    },
    releaseHold() {
      const wasWaiting = snapshot.waiting;
      clearHold();
      armEndTimer();
      if (wasWaiting) emit('waiting');
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      cancelEndTimer?.();
      cancelEndTimer = null;
      listeners.clear();
    },
  };
  return store;
}
