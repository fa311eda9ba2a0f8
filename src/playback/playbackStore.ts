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
}

export type PlaybackEvent = 'play' | 'pause' | 'seeked' | 'ended' | 'ratechange' | 'durationchange' | 'loop';

export interface PlaybackStore {
  getTime(): number;
  getSnapshot(): PlaybackSnapshot;
  play(): void;
  pause(): void;
  /** Jump to t (clamped); seeking pauses, except inside a scrub gesture which restores play on release. */
  seek(t: number): void;
  setRate(rate: PlaybackRate): void;
  setLoop(loop: boolean): void;
  /** Change the duration keeping the time (clamped); used when the procedure changes. */
  setDuration(duration: number, time?: number): void;
  beginScrub(): void;
  endScrub(): void;
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
  };
  let resumeAfterScrub = false;
  let cancelEndTimer: (() => void) | null = null;
  const listeners = new Set<(event: PlaybackEvent) => void>();

  const emit = (event: PlaybackEvent) => listeners.forEach((l) => l(event));
  const update = (patch: Partial<PlaybackSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
  };
  const clamp = (t: number) =>
    Number.isFinite(t) ? Math.min(snapshot.duration, Math.max(0, t)) : t === Infinity ? snapshot.duration : 0;
  const raw = () =>
    snapshot.playing ? anchorTime + ((clock.now() - anchorWall) / 1000) * snapshot.rate : anchorTime;
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
    if (!snapshot.playing || snapshot.duration <= 0) return;
    const remainingMs = ((snapshot.duration - anchorTime) / snapshot.rate) * 1000;
    cancelEndTimer = clock.setTimer(reachEnd, remainingMs);
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
      update({ playing: false });
      armEndTimer();
      emit('pause');
    },
    seek(t) {
      if (snapshot.playing && !snapshot.scrubbing) store.pause();
      reanchor(t);
      if (snapshot.ended) update({ ended: false });
      armEndTimer();
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
    setDuration(duration, time) {
      const current = time ?? live();
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
