import { performanceClock, type Clock } from './clock';

export const PLAYBACK_RATES = [0.5, 1, 2] as const;
export type PlaybackRate = (typeof PLAYBACK_RATES)[number];

/** Low-frequency playback facts; `time` here is the time at the last change, read live time with `getTime()`. */
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
  /** Called once per frame while playing: handles the end (loop or stop). Returns the current time. */
  tick(): number;
  /** Low-frequency changes only (never per frame). */
  subscribe(listener: (event: PlaybackEvent) => void): () => void;
}

/**
 * Time = anchor + elapsed wall time × rate (theatre.js style), so a long play never drifts: no per-frame sums.
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
  const listeners = new Set<(event: PlaybackEvent) => void>();

  const emit = (event: PlaybackEvent) => listeners.forEach((l) => l(event));
  const update = (patch: Partial<PlaybackSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
  };
  const clamp = (t: number) =>
    Number.isFinite(t) ? Math.min(snapshot.duration, Math.max(0, t)) : t === Infinity ? snapshot.duration : 0;
  const raw = () =>
    snapshot.playing ? anchorTime + ((clock.now() - anchorWall) / 1000) * snapshot.rate : anchorTime;
  const reanchor = (t: number) => {
    anchorTime = clamp(t);
    anchorWall = clock.now();
  };

  const store: PlaybackStore = {
    getTime: () => clamp(raw()),
    getSnapshot: () => snapshot,
    play() {
      if (snapshot.playing) return;
      const start = snapshot.ended || anchorTime >= snapshot.duration ? 0 : anchorTime;
      reanchor(start);
      update({ playing: true, ended: false });
      emit('play');
    },
    pause() {
      if (!snapshot.playing) return;
      reanchor(raw());
      update({ playing: false });
      emit('pause');
    },
    seek(t) {
      if (snapshot.playing && !snapshot.scrubbing) store.pause();
      reanchor(t);
      if (snapshot.ended) update({ ended: false });
      emit('seeked');
    },
    setRate(rate) {
      if (rate === snapshot.rate) return;
      reanchor(raw());
      update({ rate });
      emit('ratechange');
    },
    setLoop(loop) {
      if (loop === snapshot.loop) return;
      update({ loop });
      emit('loop');
    },
    setDuration(duration, time) {
      const current = time ?? raw();
      update({ duration: Math.max(0, duration) });
      reanchor(current);
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
    tick() {
      if (!snapshot.playing) return anchorTime;
      const t = raw();
      if (t < snapshot.duration) return t;
      if (snapshot.loop && snapshot.duration > 0) {
        // Keep the overshoot so a loop boundary costs no time.
        anchorTime = t % snapshot.duration;
        anchorWall = clock.now();
        return anchorTime;
      }
      reanchor(snapshot.duration);
      update({ playing: false, ended: true });
      emit('pause');
      emit('ended');
      return snapshot.duration;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}
