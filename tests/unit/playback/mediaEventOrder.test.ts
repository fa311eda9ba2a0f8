import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../../src/options/optionSchema';
import { ManualClock } from '../../../src/playback/clock';
import { ViewerController } from '../../../src/playback/viewerController';
import { MEDIA_EVENTS, VIEWER_EVENTS } from '../../../src/playback/viewerEvents';
import { settingsFromOptions } from '../../../src/playback/viewerSettings';

/** A controller on a manual clock that records every event the element dispatches, in order, with its time. */
function setup() {
  const clock = new ManualClock();
  const c = new ViewerController(settingsFromOptions(DEFAULT_OPTIONS), { clock });
  c.renderer.attach(() => {});
  const log: string[] = [];
  const seekingSeen: boolean[] = [];
  for (const type of [...VIEWER_EVENTS, ...MEDIA_EVENTS])
    c.on(type, () => {
      if (type === 'stepchange') return;
      log.push(type);
      if (type === 'seeking' || type === 'timeupdate' || type === 'seeked') seekingSeen.push(c.seeking);
    });
  const take = () => log.splice(0, log.length);
  return { c, clock, take, seekingSeen };
}

describe('media event order', () => {
  it('a seek while paused: seeking → timeupdate → seeked, time already the new one, seeking only during seeking', () => {
    const { c, take, seekingSeen } = setup();
    const times: number[] = [];
    c.on('seeking', ({ time }) => times.push(time, c.getTime()));
    c.on('timeupdate', ({ time }) => times.push(time));
    c.seek(42);
    expect(take()).toEqual(['seeking', 'timeupdate', 'seeked']);
    expect(times).toEqual([42, 42, 42]);
    expect(seekingSeen).toEqual([true, false, false]);
    expect(c.seeking).toBe(false);
  });

  it('a seek while playing pauses first: timeupdate → pause, then seeking → timeupdate → seeked', () => {
    const { c, clock, take } = setup();
    c.play();
    expect(take()).toEqual(['play', 'playing']);
    clock.advance(100);
    c.seek(30);
    expect(take()).toEqual(['timeupdate', 'pause', 'seeking', 'timeupdate', 'seeked']);
    expect(c.getPlayback().playing).toBe(false);
  });

  it('the end: timeupdate at the duration → pause → ended', () => {
    const { c, clock, take } = setup();
    const d = c.getTimeline().duration;
    c.seek(d - 1);
    take();
    let last = -1;
    c.on('timeupdate', ({ time }) => (last = time));
    c.play();
    clock.advance(1500);
    expect(take()).toEqual(['play', 'playing', 'timeupdate', 'pause', 'ended']);
    expect(last).toBe(d);
  });

  it('a procedure change: durationchange (new duration) → procedurechange → timeupdate, settings already new', () => {
    const { c, take } = setup();
    c.seekStep('cement-injection');
    take();
    const seen: string[] = [];
    c.on('durationchange', ({ duration }) =>
      seen.push(`${duration === c.getTimeline().duration}:${c.getSettings().procedure}`),
    );
    c.updateSettings({ procedure: 'vertebroplasty' });
    expect(take()).toEqual(['durationchange', 'procedurechange', 'timeupdate']);
    expect(seen).toEqual(['true:vertebroplasty']);
  });

  it('rate and volume changes: one ratechange, one volumechange each, nothing for an unchanged value', () => {
    const { c, take } = setup();
    const volumes: string[] = [];
    c.on('volumechange', ({ volume, muted }) => volumes.push(`${volume}/${muted}`));
    c.setRate(2);
    c.setRate(2);
    c.setVolume(0.25);
    c.setMuted(true);
    c.setMuted(true);
    expect(take()).toEqual(['ratechange', 'volumechange', 'volumechange']);
    expect(volumes).toEqual(['0.25/false', '0.25/true']);
  });

  it('narration holding time: waiting, then playing when it lets go', () => {
    const { c, clock, take } = setup();
    c.play();
    c.holdAt(1);
    clock.advance(2000);
    c.releaseHold();
    expect(take()).toEqual(['play', 'playing', 'waiting', 'playing']);
  });

  it('timeupdate keeps its cadence while playing: at most 4 a second', () => {
    const { c, clock, take } = setup();
    c.play();
    for (let i = 0; i < 60; i++) {
      clock.advance(1000 / 60);
      c.renderFrame();
    }
    const updates = take().filter((e) => e === 'timeupdate').length;
    expect(updates).toBeGreaterThanOrEqual(4);
    expect(updates).toBeLessThanOrEqual(5);
  });
});
