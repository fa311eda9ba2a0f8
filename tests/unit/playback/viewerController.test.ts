import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_OPTIONS } from '../../../src/options/optionSchema';
import { parseOptions } from '../../../src/options/parseOptions';
import { ManualClock } from '../../../src/playback/clock';
import { ViewerController } from '../../../src/playback/viewerController';
import { settingsFromOptions } from '../../../src/playback/viewerSettings';
import * as stateAtModule from '../../../src/procedure/stateAt';
import { stepStart } from '../../../src/procedure/timeline';

const settings = settingsFromOptions(DEFAULT_OPTIONS);

/** A controller with a manual clock and a renderer that records frame requests instead of drawing. */
function setup() {
  const clock = new ManualClock();
  const c = new ViewerController(settings, { clock });
  let requests = 0;
  c.renderer.attach(() => requests++);
  requests = 0;
  return { c, clock, requests: () => requests };
}

describe('ViewerController', () => {
  it('keeps one procedure-options object until an option changes (stateAt caches by it)', () => {
    const { c } = setup();
    const a = c.procedureOptions();
    c.renderFrame();
    expect(c.procedureOptions()).toBe(a);
    c.updateSettings({ labels: true });
    expect(c.procedureOptions()).toBe(a);
    c.updateSettings({ level: 'T12' });
    expect(c.procedureOptions()).not.toBe(a);
    expect(c.procedureOptions().level).toBe('T12');
  });

  it('raises stepchange once per step and timeupdate at most 4 times a second while playing', () => {
    const { c, clock } = setup();
    const steps: string[] = [];
    let timeupdates = 0;
    c.on('stepchange', (e) => steps.push(e.step));
    c.on('timeupdate', () => timeupdates++);
    c.renderFrame();
    c.play();
    for (let i = 0; i < 600; i++) {
      clock.advance(1000 / 60);
      c.renderFrame();
    }
    // 10 s of play: overview (8 s) then positioning.
    // The starting frame (overview) is computed when the controller is made, before anyone listens.
    expect(steps).toEqual(['positioning']);
    expect(timeupdates).toBeGreaterThanOrEqual(38);
    expect(timeupdates).toBeLessThanOrEqual(41);
  });

  it('switching procedure keeps the place and announces it', () => {
    const { c } = setup();
    c.seek(stepStart(c.getTimeline(), 'cement-injection')! + 7);
    const events: string[] = [];
    c.on('procedurechange', (e) => events.push(`${e.procedure}@${e.time.toFixed(3)}`));
    c.updateSettings({ procedure: 'vertebroplasty' });
    const state = c.renderFrame();
    expect(state.step).toBe('cement-injection');
    expect(state.stepProgress).toBeCloseTo(0.5, 9);
    expect(events).toHaveLength(1);
  });

  it('context loss pauses and reports once; restore returns to drawing at the same time', () => {
    const { c, clock } = setup();
    const errors: string[] = [];
    c.on('error', (e) => errors.push(e.type));
    c.play();
    clock.advance(3000);
    c.renderFrame();
    c.graphics.lost();
    c.graphics.lost();
    const t = c.getTime();
    expect(c.getPlayback().playing).toBe(false);
    expect(errors).toEqual(['webglcontextlost']);
    clock.advance(5000);
    c.graphics.restored();
    expect(c.graphics.state).toBe('ok');
    expect(c.renderFrame().time).toBeCloseTo(t, 9);
  });
});

describe('one frame path', () => {
  it('commands change the store and ask for a frame; they never compute one', () => {
    const { c, requests } = setup();
    const spy = vi.spyOn(stateAtModule, 'stateAt');
    const frames: number[] = [];
    c.on('frame', (s) => frames.push(s.time));
    c.seek(40);
    c.setRate(2);
    c.updateSettings({ grade: 3 });
    c.setOption('level', 'T12');
    expect(spy).not.toHaveBeenCalled();
    expect(frames).toEqual([]);
    expect(requests()).toBeGreaterThanOrEqual(4);
    spy.mockRestore();
  });

  it('a rendered frame computes the state once; reading it again at the same moment costs nothing', () => {
    const { c } = setup();
    const spy = vi.spyOn(stateAtModule, 'stateAt');
    const frames: number[] = [];
    c.on('frame', (s) => frames.push(s.time));
    c.seek(40);
    c.renderFrame();
    c.currentFrame();
    c.currentFrame();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(frames).toEqual([40]);
    spy.mockRestore();
  });

  it('reaching the end is a store event: pause and ended fire without any frame being rendered', () => {
    const { c, clock } = setup();
    const events: string[] = [];
    c.on('pause', () => events.push('pause'));
    c.on('ended', () => events.push('ended'));
    c.seek(c.getTimeline().duration - 1);
    c.play();
    clock.advance(1500);
    expect(events).toEqual(['pause', 'ended']);
    expect(c.getPlayback()).toMatchObject({ playing: false, ended: true });
  });

  it('ready is renewed after the view is unmounted', async () => {
    const { c } = setup();
    c.graphics.markReady();
    await c.graphics.ready;
    expect(c.graphics.readyState).toBe(true);
    c.graphics.unmounted();
    expect(c.graphics.readyState).toBe(false);
    let resolved = false;
    void c.graphics.ready.then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved, 'a fresh mount has not drawn yet').toBe(false);
    c.graphics.markReady();
    await c.graphics.ready;
    expect(resolved).toBe(true);
  });

  it('a step the procedure lacks is refused by setOption', () => {
    const { c } = setup();
    c.updateSettings({ procedure: 'vertebroplasty' });
    expect(c.setOption('step', 'balloon-inflation')).toBe(false);
    expect(c.setOption('step', 'access')).toBe(true);
    expect(c.currentStep()).toBe('access');
  });
});

describe('the bone a frame shows', () => {
  it('bonechange follows the computed frame (a caption naming the level re-renders on it)', () => {
    const { options } = parseOptions({ level: 'T12', grade: '2' });
    const c = new ViewerController(settingsFromOptions(options), { clock: new ManualClock() });
    c.renderer.attach(() => {});
    c.renderFrame();
    const seen: [string, number, string][] = [];
    c.on('bonechange', (b) => seen.push([b.level, b.grade, c.state.level]));
    c.updateSettings({ level: 'L3' });
    expect(seen).toEqual([]);
    c.renderFrame();
    c.renderFrame();
    c.updateSettings({ grade: 3 });
    c.renderFrame();
    expect(seen).toEqual([
      ['L3', 2, 'L3'],
      ['L3', 3, 'L3'],
    ]);
  });
});
