import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/playback/clock';
import { ViewerController } from '../../../src/playback/viewerController';
import type { ViewerSettings } from '../../../src/playback/viewerSettings';

const settings: ViewerSettings = {
  procedure: 'kyphoplasty',
  level: 'L1',
  grade: 2,
  morphology: 'wedge',
  approach: 'bipedicular',
  lang: 'en',
  audience: 'patient',
  view: '3d',
  controls: 'full',
  labels: false,
  cutaway: true,
  torso: true,
  polarity: 'bone-white',
  detector: 'intensifier',
  boneDensity: 'osteoporotic',
  cameraMode: 'guided',
};

describe('ViewerController', () => {
  it('keeps one procedure-options object until an option changes (stateAt caches by it)', () => {
    const c = new ViewerController(settings, { clock: new ManualClock() });
    const a = c.procedureOptions();
    c.computeFrame();
    expect(c.procedureOptions()).toBe(a);
    c.updateSettings({ labels: true });
    expect(c.procedureOptions()).toBe(a);
    c.updateSettings({ level: 'T12' });
    expect(c.procedureOptions()).not.toBe(a);
    expect(c.procedureOptions().level).toBe('T12');
  });

  it('raises stepchange once per step and timeupdate at most 4 times a second while playing', () => {
    const clock = new ManualClock();
    const c = new ViewerController(settings, { clock });
    const steps: string[] = [];
    let timeupdates = 0;
    c.on('stepchange', (e) => steps.push(e.step));
    c.on('timeupdate', () => timeupdates++);
    c.play();
    for (let i = 0; i < 600; i++) {
      clock.advance(1000 / 60);
      c.computeFrame();
    }
    // 10 s of play: overview (8 s) then positioning.
    expect(steps).toEqual(['positioning']);
    expect(timeupdates).toBeGreaterThanOrEqual(38);
    expect(timeupdates).toBeLessThanOrEqual(41);
  });

  it('switching procedure keeps the place and announces it', () => {
    const c = new ViewerController(settings, { clock: new ManualClock() });
    c.seekStep('cement-injection');
    c.seek(c.playback.getTime() + 7);
    const events: string[] = [];
    c.on('procedurechange', (e) => events.push(`${e.procedure}@${e.time.toFixed(3)}`));
    c.updateSettings({ procedure: 'vertebroplasty' });
    expect(c.state.step).toBe('cement-injection');
    expect(c.state.stepProgress).toBeCloseTo(0.5, 9);
    expect(events).toHaveLength(1);
  });

  it('context loss pauses and reports once; restore returns to drawing at the same time', () => {
    const clock = new ManualClock();
    const c = new ViewerController(settings, { clock });
    const errors: string[] = [];
    c.on('error', (e) => errors.push(e.type));
    c.play();
    clock.advance(3000);
    c.computeFrame();
    c.graphicsLost();
    c.graphicsLost();
    const t = c.playback.getTime();
    expect(c.playback.getSnapshot().playing).toBe(false);
    expect(errors).toEqual(['webglcontextlost']);
    clock.advance(5000);
    c.graphicsRestored();
    expect(c.getGraphics()).toBe('ok');
    expect(c.state.time).toBeCloseTo(t, 9);
  });
});
