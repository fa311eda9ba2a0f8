import { describe, expect, it } from 'vitest';
import { PlayedRanges } from '../../../src/embed/element/playedRanges';
import { mergeRanges, ViewerTimeRanges } from '../../../src/embed/element/timeRanges';
import { DEFAULT_OPTIONS } from '../../../src/options/optionSchema';
import { ManualClock } from '../../../src/playback/clock';
import { ViewerController } from '../../../src/playback/viewerController';
import { settingsFromOptions } from '../../../src/playback/viewerSettings';

const list = (r: TimeRanges) => Array.from({ length: r.length }, (_, i) => [r.start(i), r.end(i)]);

describe('ViewerTimeRanges', () => {
  it('reads like TimeRanges and throws IndexSizeError out of range (negative indexes wrap, as in WebIDL)', () => {
    const r = new ViewerTimeRanges([
      [0, 5],
      [8, 12],
    ]);
    expect(r.length).toBe(2);
    expect(list(r)).toEqual([
      [0, 5],
      [8, 12],
    ]);
    expect(Object.prototype.toString.call(r)).toBe('[object TimeRanges]');
    for (const bad of [2, -1, 99])
      for (const read of [() => r.start(bad), () => r.end(bad)]) {
        expect(read).toThrow(DOMException);
        try {
          read();
        } catch (e) {
          expect((e as DOMException).name).toBe('IndexSizeError');
        }
      }
    expect(() => new ViewerTimeRanges().start(0)).toThrow(/maximum bound \(0\)/);
  });

  it('merges overlapping and touching ranges, drops empty ones', () => {
    expect(
      mergeRanges([
        [5, 9],
        [0, 2],
        [2, 3],
        [8, 10],
        [4, 4],
      ]),
    ).toEqual([
      [0, 3],
      [5, 10],
    ]);
  });
});

describe('PlayedRanges', () => {
  function setup() {
    const clock = new ManualClock();
    const c = new ViewerController(settingsFromOptions(DEFAULT_OPTIONS), { clock });
    return { c, clock, played: new PlayedRanges(c) };
  }

  it('records what was played, the running stretch included, and merges stretches that meet', () => {
    const { c, clock, played } = setup();
    expect(played.timeRanges().length).toBe(0);
    c.play();
    clock.advance(2000);
    expect(list(played.timeRanges())).toEqual([[0, 2]]);
    c.seek(10);
    c.play();
    clock.advance(1000);
    c.pause();
    c.seek(1);
    c.play();
    clock.advance(3000);
    c.pause();
    expect(list(played.timeRanges())).toEqual([
      [0, 4],
      [10, 11],
    ]);
  });

  it('a loop that came round covers the rest of the timeline and its start', () => {
    const { c, clock, played } = setup();
    const d = c.getTimeline().duration;
    c.setLoop(true);
    c.seek(d - 1);
    c.play();
    clock.advance(2000);
    expect(list(played.timeRanges())).toEqual([
      [0, expect.closeTo(1, 6)],
      [d - 1, d],
    ]);
  });

  it('a new procedure starts afresh', () => {
    const { c, clock, played } = setup();
    c.play();
    clock.advance(1000);
    c.pause();
    c.updateSettings({ procedure: 'vertebroplasty' });
    expect(played.timeRanges().length).toBe(0);
    played.dispose();
  });
});
