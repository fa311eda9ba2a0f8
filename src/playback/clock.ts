/**
 * A source of wall time in milliseconds, and timers on the same time. Injected so tests and screenshots can drive
 * time by hand: a manual clock fires its timers only when advanced.
 */
export interface Clock {
  now(): number;
  /** Call `fn` once, `ms` from now on this clock. Returns a function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const performanceClock: Clock = {
  now: () => performance.now(),
  setTimer(fn, ms) {
    const id = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(id);
  },
};

interface Timer {
  at: number;
  fn: () => void;
}

/** A clock that only moves when told to; due timers fire in time order as it moves past them. */
export class ManualClock implements Clock {
  private ms = 0;
  private timers: Timer[] = [];
  constructor(startMs = 0) {
    this.ms = startMs;
  }
  now(): number {
    return this.ms;
  }
  setTimer(fn: () => void, ms: number): () => void {
    const timer = { at: this.ms + Math.max(0, ms), fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }
  advance(ms: number): void {
    this.set(this.ms + ms);
  }
  set(ms: number): void {
    // Fire each due timer at its own time, so a timer's callback reads the clock as it was when it fell due.
    for (;;) {
      const due = this.timers.filter((t) => t.at <= ms).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.ms = Math.max(this.ms, due.at);
      due.fn();
    }
    this.ms = ms;
  }
}
