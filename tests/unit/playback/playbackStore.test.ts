import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/playback/clock';
import { PLAYBACK_RATES } from '../../../src/options/optionValues';
import {
  createPlaybackStore,
  type PlaybackEvent,
  type PlaybackStore,
} from '../../../src/playback/playbackStore';

function setup(duration = 120, loop = false, startMs = 5000) {
  const clock = new ManualClock(startMs);
  const store = createPlaybackStore({ duration, clock, loop });
  const events: PlaybackEvent[] = [];
  const unsubscribe = store.subscribe((e) => events.push(e));
  /** Advance wall time by seconds (due timers fire) and read the time. */
  const advance = (seconds: number) => {
    clock.advance(seconds * 1000);
    return store.getTime();
  };
  return { clock, store, events, unsubscribe, advance };
}

function expectTime(store: PlaybackStore, expected: number, message: string) {
  const got = store.getTime();
  expect(Math.abs(got - expected), `${message}: expected time ${expected}, got ${got}`).toBeLessThan(1e-9);
}

describe('initial state', () => {
  it('starts paused at 0 with rate 1, not ended, not scrubbing', () => {
    const { store, events } = setup(120, true);
    expect(store.getTime()).toBe(0);
    expect(store.getSnapshot()).toEqual({
      playing: false,
      rate: 1,
      loop: true,
      duration: 120,
      scrubbing: false,
      ended: false,
      waiting: false,
      volume: 1,
      muted: false,
    });
    expect(events).toEqual([]);
  });

  it('does not move while paused, however much wall time passes', () => {
    const { store, advance } = setup();
    advance(30);
    expectTime(store, 0, 'paused store after 30 s');
  });

  it('a negative duration becomes 0', () => {
    const store = createPlaybackStore({ duration: -5, clock: new ManualClock() });
    expect(store.getSnapshot().duration).toBe(0);
  });
});

describe('play and pause', () => {
  it('play advances time with the wall clock and emits play', () => {
    const { store, events, advance } = setup();
    store.play();
    expect(events).toEqual(['play']);
    expect(store.getSnapshot().playing).toBe(true);
    advance(2.5);
    expectTime(store, 2.5, 'after 2.5 s of play');
  });

  it('pause freezes time and emits pause; play resumes from there', () => {
    const { store, events, advance } = setup();
    store.play();
    advance(3);
    store.pause();
    expect(events).toEqual(['play', 'pause']);
    expect(store.getSnapshot().playing).toBe(false);
    advance(10);
    expectTime(store, 3, 'paused after 3 s, then 10 s of wall time');
    store.play();
    advance(1);
    expectTime(store, 4, 'resumed for 1 s');
  });

  it('getTime reads live time at any moment', () => {
    const { store, clock } = setup();
    store.play();
    clock.advance(1500);
    expectTime(store, 1.5, 'no frame needed to read the time');
  });
});

describe('seek', () => {
  it('seeking while playing pauses, then emits seeking and seeked', () => {
    const { store, events, advance } = setup();
    store.play();
    advance(2);
    store.seek(50);
    expect(events).toEqual(['play', 'pause', 'seeking', 'seeked']);
    expect(store.getSnapshot().playing).toBe(false);
    advance(5);
    expectTime(store, 50, 'seek target, still paused');
  });

  it('seeking while paused stays paused', () => {
    const { store, events } = setup();
    store.seek(10);
    expect(events).toEqual(['seeking', 'seeked']);
    expect(store.getSnapshot().playing).toBe(false);
    expectTime(store, 10, 'seek(10)');
  });

  it.each([
    ['negative', -5, 0],
    ['NaN', Number.NaN, 0],
    ['-Infinity', -Infinity, 0],
    ['past the end', 500, 120],
    ['inside', 42.25, 42.25],
    ['exactly the end', 120, 120],
  ] as const)('clamps %s (%s → %s)', (_name, input, expected) => {
    const { store } = setup(120);
    store.seek(input);
    expectTime(store, expected, `seek(${input})`);
  });

  // +Infinity is "past the end", so it clamps to the duration, as clampTime does for the timeline.
  it('clamps +Infinity to the duration', () => {
    const { store } = setup(120);
    store.seek(Infinity);
    expectTime(store, 120, 'seek(Infinity)');
  });

  it('seeking clears the ended flag', () => {
    const { store, advance } = setup(10);
    store.play();
    advance(11);
    expect(store.getSnapshot().ended).toBe(true);
    store.seek(3);
    expect(store.getSnapshot().ended).toBe(false);
    store.play();
    advance(1);
    expectTime(store, 4, 'playing from the seek target after an end');
  });
});

describe('rate', () => {
  it.each(PLAYBACK_RATES)('rate %s advances time at that speed', (rate) => {
    const { store, advance } = setup(1000);
    store.setRate(rate);
    store.play();
    advance(10);
    expectTime(store, 10 * rate, `10 s at ${rate}×`);
  });

  it('changing rate mid-play keeps the time already played', () => {
    const { store, events, advance } = setup(1000);
    store.play();
    advance(4);
    store.setRate(2);
    expectTime(store, 4, 'rate change does not jump');
    advance(3);
    expectTime(store, 10, '4 s at 1× then 3 s at 2×');
    store.setRate(0.5);
    advance(4);
    expectTime(store, 12, '…then 4 s at 0.5×');
    expect(events).toEqual(['play', 'ratechange', 'ratechange']);
    expect(store.getSnapshot().rate).toBe(0.5);
  });

  it('changing rate while paused applies on the next play', () => {
    const { store, advance } = setup(1000);
    store.setRate(2);
    advance(5);
    expectTime(store, 0, 'paused');
    store.play();
    advance(5);
    expectTime(store, 10, '5 s at 2×');
  });
});

describe('long play does not drift', () => {
  it.each(PLAYBACK_RATES)('10 minutes of uneven frames at %s× with loop', (rate) => {
    const duration = 120;
    const { store, clock } = setup(duration, true, 0);
    store.setRate(rate);
    store.play();
    const start = clock.now();
    let worst = 0;
    for (let frame = 0; frame < 600 * 60; frame++) {
      clock.advance(frame % 2 === 0 ? 16 : 17.3333);
      const elapsed = (clock.now() - start) / 1000;
      const expected = (elapsed * rate) % duration;
      const got = store.getTime();
      // Distance on the loop, so 119.9999999 and 0.0000001 count as neighbours.
      const raw = Math.abs(got - expected);
      const error = Math.min(raw, duration - raw);
      worst = Math.max(worst, error);
      if (error >= 1e-6) {
        expect.fail(`frame ${frame}: elapsed ${elapsed} s at ${rate}× → expected ${expected}, got ${got}`);
      }
    }
    expect(worst).toBeLessThan(1e-6);
    expect(store.getSnapshot().playing, 'still playing after 10 minutes of loop').toBe(true);
  });

  it('a loop boundary keeps the overshoot and emits nothing', () => {
    const { store, events, advance } = setup(10, true);
    store.play();
    advance(9.5);
    const t = advance(1.25);
    expect(t, 'the wrapped time').toBeCloseTo(0.75, 9);
    expectTime(store, 0.75, 'wrapped time');
    expect(events).toEqual(['play']);
  });
});

describe('ending without loop', () => {
  it('stops at the duration and emits pause then ended', () => {
    const { store, events, advance } = setup(10);
    store.play();
    advance(9);
    expect(store.getSnapshot().ended).toBe(false);
    const t = advance(3);
    expect(t, 'the time at the end').toBe(10);
    expectTime(store, 10, 'at the end');
    expect(events).toEqual(['play', 'pause', 'ended']);
    expect(store.getSnapshot()).toMatchObject({ playing: false, ended: true });
    advance(5);
    expectTime(store, 10, 'stays at the end');
    expect(events, 'ended is emitted once').toEqual(['play', 'pause', 'ended']);
  });

  it('getTime never passes the duration even before the frame that ends it', () => {
    const { store, clock } = setup(10);
    store.play();
    clock.advance(25_000);
    expectTime(store, 10, 'clamped between timer checks');
  });

  it('play after the end restarts from 0', () => {
    const { store, events, advance } = setup(10);
    store.play();
    advance(12);
    store.play();
    expectTime(store, 0, 'restart');
    expect(store.getSnapshot()).toMatchObject({ playing: true, ended: false });
    advance(2);
    expectTime(store, 2, 'playing again from 0');
    expect(events).toEqual(['play', 'pause', 'ended', 'play']);
  });

  it('play when paused exactly at the end (after a seek) also restarts from 0', () => {
    const { store, advance } = setup(10);
    store.seek(10);
    store.play();
    advance(1);
    expectTime(store, 1, 'restarted from 0');
  });
});

describe('scrub gesture', () => {
  it('beginScrub pauses a playing store and endScrub resumes it from the scrubbed time', () => {
    const { store, events, advance } = setup();
    store.play();
    advance(5);
    store.beginScrub();
    expect(store.getSnapshot()).toMatchObject({ playing: false, scrubbing: true });
    store.seek(30);
    store.seek(40);
    advance(3);
    expectTime(store, 40, 'held while scrubbing');
    store.endScrub();
    expect(store.getSnapshot()).toMatchObject({ playing: true, scrubbing: false });
    advance(2);
    expectTime(store, 42, 'resumed from the scrubbed time');
    expect(events).toEqual(['play', 'pause', 'seeking', 'seeked', 'seeking', 'seeked', 'play']);
  });

  it('endScrub does not start playback that was paused before the gesture', () => {
    const { store, events, advance } = setup();
    store.beginScrub();
    store.seek(20);
    store.endScrub();
    expect(store.getSnapshot()).toMatchObject({ playing: false, scrubbing: false });
    advance(3);
    expectTime(store, 20, 'still paused after the scrub');
    expect(events).toEqual(['seeking', 'seeked']);
  });

  it('a second beginScrub does not forget that playback should resume', () => {
    const { store, advance } = setup();
    store.play();
    advance(1);
    store.beginScrub();
    store.beginScrub();
    store.seek(10);
    store.endScrub();
    expect(store.getSnapshot().playing, 'resumes after a doubled beginScrub').toBe(true);
    advance(1);
    expectTime(store, 11, 'playing from 10');
  });

  it('the resume intent does not leak into the next gesture', () => {
    const { store, advance } = setup();
    store.play();
    store.beginScrub();
    store.endScrub();
    store.pause();
    store.beginScrub();
    store.seek(7);
    store.endScrub();
    expect(store.getSnapshot().playing, 'second gesture started paused').toBe(false);
    advance(1);
    expectTime(store, 7, 'stays at 7');
  });

  it('endScrub without beginScrub is a no-op', () => {
    const { store, events } = setup();
    store.endScrub();
    expect(events).toEqual([]);
    expect(store.getSnapshot().playing).toBe(false);
  });
});

describe('setDuration', () => {
  it('keeps the current time when it still fits', () => {
    const { store, events } = setup(120);
    store.seek(30);
    store.setDuration(80);
    expect(store.getSnapshot().duration).toBe(80);
    expectTime(store, 30, 'time kept');
    expect(events).toEqual(['seeking', 'seeked', 'durationchange']);
  });

  it('clamps the time into a shorter duration', () => {
    const { store } = setup(120);
    store.seek(100);
    store.setDuration(80);
    expectTime(store, 80, 'clamped to the new end');
  });

  it('takes an explicit time (clamped) and keeps playing from it', () => {
    const { store, advance } = setup(120);
    store.play();
    advance(10);
    store.setDuration(80, 50);
    expect(store.getSnapshot().playing).toBe(true);
    expectTime(store, 50, 'explicit time');
    advance(2);
    expectTime(store, 52, 'still playing');
    store.setDuration(40, 1000);
    expectTime(store, 40, 'explicit time past the new end is clamped');
  });
});

describe('events and subscriptions', () => {
  it('no-op calls emit nothing', () => {
    const { store, events } = setup();
    store.pause();
    store.setRate(1);
    store.setLoop(false);
    store.endScrub();
    expect(events, 'paused store: pause / same rate / same loop / endScrub').toEqual([]);
    store.play();
    store.play();
    expect(events, 'second play while playing').toEqual(['play']);
    store.beginScrub();
    store.beginScrub();
    expect(events, 'second beginScrub').toEqual(['play', 'pause']);
  });

  it('setLoop emits loop on a change and updates the snapshot', () => {
    const { store, events } = setup();
    store.setLoop(true);
    expect(store.getSnapshot().loop).toBe(true);
    expect(events).toEqual(['loop']);
  });

  it('time passing inside the timeline emits nothing', () => {
    const { store, events, advance } = setup();
    store.play();
    for (let i = 0; i < 100; i++) advance(0.5);
    expect(events).toEqual(['play']);
  });

  it('unsubscribe stops the events; other subscribers still receive them', () => {
    const { store, events, unsubscribe } = setup();
    const other: PlaybackEvent[] = [];
    store.subscribe((e) => other.push(e));
    store.play();
    unsubscribe();
    store.pause();
    store.seek(3);
    expect(events).toEqual(['play']);
    expect(other).toEqual(['play', 'pause', 'seeking', 'seeked']);
  });

  it('the snapshot object changes identity only when something changed', () => {
    const { store, advance } = setup();
    const first = store.getSnapshot();
    store.pause();
    advance(1);
    expect(store.getSnapshot(), 'no change, same object').toBe(first);
    store.play();
    const playing = store.getSnapshot();
    expect(playing, 'a change gives a new object').not.toBe(first);
    expect(first.playing, 'old snapshots are not mutated').toBe(false);
    advance(1);
    expect(store.getSnapshot(), 'time passing does not replace the snapshot').toBe(playing);
  });
});

describe("the end is the store's own event", () => {
  it('fires pause and ended on its clock, with nobody reading the time or rendering', () => {
    const { store, clock, events } = setup(10);
    store.play();
    clock.advance(10_001);
    expect(events).toEqual(['play', 'pause', 'ended']);
    expect(store.getSnapshot()).toMatchObject({ playing: false, ended: true });
  });

  it('re-arms its timer when the rate, the time or the duration changes', () => {
    const { store, clock, events } = setup(10);
    store.play();
    clock.advance(2000);
    store.setRate(2);
    clock.advance(3900);
    expect(events, '2 s at 1× + 3.9 s at 2× = 9.8 s: not yet').toEqual(['play', 'ratechange']);
    clock.advance(200);
    expect(events).toEqual(['play', 'ratechange', 'pause', 'ended']);
    store.play();
    store.setDuration(100, 50);
    clock.advance(20_000);
    expect(store.getSnapshot().playing, 'a longer timeline plays on').toBe(true);
  });

  it('a paused or disposed store has no pending end', () => {
    const { store, clock, events } = setup(10);
    store.play();
    store.pause();
    clock.advance(60_000);
    expect(events).toEqual(['play', 'pause']);
    store.play();
    store.dispose();
    clock.advance(60_000);
    expect(events, 'disposed: no listeners, no timer').toEqual(['play', 'pause', 'play']);
  });
});

describe('hold (narration waits at a step end)', () => {
  it('holds time at the hold point with playing still true, and runs on from it when released', () => {
    const { store, events, advance } = setup();
    store.play();
    store.holdAt(10);
    expect(advance(8)).toBeCloseTo(8, 9);
    expect(store.getSnapshot().waiting).toBe(false);
    expect(advance(5)).toBeCloseTo(10, 9);
    expect(store.getSnapshot()).toMatchObject({ playing: true, waiting: true });
    expect(advance(30)).toBeCloseTo(10, 9);
    store.releaseHold();
    expect(store.getSnapshot()).toMatchObject({ playing: true, waiting: false });
    expect(advance(2)).toBeCloseTo(12, 9);
    expect(events).toEqual(['play', 'waiting', 'waiting']);
  });

  it('a hold point set while time runs is reached on time, also after an earlier hold was released', () => {
    const { store, events, advance } = setup();
    store.play();
    advance(4);
    store.holdAt(10);
    expect(advance(5.9)).toBeCloseTo(9.9, 9);
    expect(store.getSnapshot().waiting).toBe(false);
    expect(advance(0.2)).toBeCloseTo(10, 9);
    expect(store.getSnapshot().waiting).toBe(true);
    // As narration does: the sentence ends, the next step's sentence starts a moment later with a new hold point.
    advance(3);
    store.releaseHold();
    expect(advance(1.5)).toBeCloseTo(11.5, 9);
    store.holdAt(15);
    expect(advance(3.4)).toBeCloseTo(14.9, 9);
    expect(store.getSnapshot().waiting).toBe(false);
    expect(advance(0.2)).toBeCloseTo(15, 9);
    expect(store.getSnapshot()).toMatchObject({ playing: true, waiting: true });
    expect(events).toEqual(['play', 'waiting', 'waiting', 'waiting']);
  });

  it('time never passes a hold point, even before a late timer says it is reached', () => {
    const { store, clock } = setup();
    store.play();
    store.holdAt(10);
    // The clock moves on without running timers: a busy main thread, the hold's timer not yet called back.
    const now = clock.now;
    clock.now = () => now.call(clock) + 12_000;
    expect(store.getTime()).toBe(10);
    clock.now = now;
  });

  it('released before the hold point: time never stops', () => {
    const { store, events, advance } = setup();
    store.play();
    store.holdAt(10);
    advance(4);
    store.releaseHold();
    expect(advance(10)).toBeCloseTo(14, 9);
    expect(store.getSnapshot().waiting).toBe(false);
    expect(events).toEqual(['play']);
  });

  it('pause, seek and a duration change drop the hold; a held end still ends once released', () => {
    const { store, advance } = setup(20);
    store.play();
    store.holdAt(5);
    advance(6);
    store.pause();
    expect(store.getSnapshot()).toMatchObject({ playing: false, waiting: false });
    store.play();
    expect(advance(3)).toBeCloseTo(8, 9);
    store.holdAt(20 - 0.001);
    advance(20);
    expect(store.getSnapshot()).toMatchObject({ playing: true, waiting: true, ended: false });
    store.releaseHold();
    advance(1);
    expect(store.getSnapshot()).toMatchObject({ playing: false, ended: true });
  });

  it('a rate change while held keeps the hold; the rate applies once released', () => {
    const { store, advance } = setup();
    store.play();
    store.holdAt(3);
    advance(5);
    store.setRate(2);
    expect(advance(5)).toBeCloseTo(3, 9);
    store.releaseHold();
    expect(advance(1)).toBeCloseTo(5, 9);
  });
});

describe('volume and mute', () => {
  it('change once per new value, each with one volumechange, and touch nothing else', () => {
    const { store, events } = setup();
    store.setVolume(0.4);
    store.setVolume(0.4);
    store.setMuted(true);
    store.setMuted(true);
    store.setMuted(false);
    expect(store.getSnapshot()).toMatchObject({ volume: 0.4, muted: false, playing: false });
    expect(events).toEqual(['volumechange', 'volumechange', 'volumechange']);
  });
});
