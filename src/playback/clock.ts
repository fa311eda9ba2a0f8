/** A source of wall time in milliseconds. Injected so tests and screenshots can drive time by hand. */
export interface Clock {
  now(): number;
}

export const performanceClock: Clock = { now: () => performance.now() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private ms = 0;
  constructor(startMs = 0) {
    this.ms = startMs;
  }
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
}
