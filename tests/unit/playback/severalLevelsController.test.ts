import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../../src/options/parseOptions';
import { ManualClock } from '../../../src/playback/clock';
import { ViewerController } from '../../../src/playback/viewerController';
import { settingsFromOptions } from '../../../src/playback/viewerSettings';
import { findStep } from '../../../src/procedure/timeline';

function setup(query: Record<string, string>) {
  const { options } = parseOptions(query);
  const c = new ViewerController(settingsFromOptions(options), { clock: new ManualClock() });
  c.renderer.attach(() => {});
  return c;
}

describe('a viewer treating several levels', () => {
  it('tells the same step at another level apart (stepchange by key) and follows the level being treated', () => {
    const c = setup({ levels: 'T12,L1', grade: '2,3' });
    const events: string[] = [];
    c.on('stepchange', (e) => events.push(e.key));
    const timeline = c.getTimeline();
    c.seek(findStep(timeline, 'access@T12')!.start + 1);
    c.renderFrame();
    expect(c.currentLevelIndex()).toBe(0);
    c.seek(findStep(timeline, 'access@L1')!.start + 1);
    c.renderFrame();
    expect(events).toEqual(['access@T12', 'access@L1']);
    expect(c.currentStepKey()).toBe('access@L1');
    expect(c.currentLevelIndex()).toBe(1);
    expect(c.treatedLevelOptions().map((o) => [o.level, o.grade])).toEqual([
      ['T12', 2],
      ['L1', 3],
    ]);
  });

  it('keeps its place when levels are added, reordered from the level menu, or taken away', () => {
    const c = setup({ levels: 'T12,L1' });
    const target = findStep(c.getTimeline(), 'cement-injection@L1')!;
    c.seek(target.start + 2);
    c.setOption('levels', ['T12', 'L1', 'L2']);
    expect(c.getTimeline().levels).toEqual(['T12', 'L1', 'L2']);
    expect(c.currentStepKey()).toBe('cement-injection@L1');
    expect(c.getTime() - findStep(c.getTimeline(), 'cement-injection@L1')!.start).toBeCloseTo(2, 9);
    // The level menu picks L2, one of the others: it becomes the first level and leaves the others.
    c.setOption('level', 'L2');
    expect(c.getSettings().levels).toEqual(['L2', 'L1']);
    expect(c.currentStepKey()).toBe('cement-injection@L1');
    // "No other level": one level again, at the same step.
    c.setOption('levels', []);
    expect(c.getTimeline().levels).toEqual([]);
    expect(c.currentStepKey()).toBe('cement-injection');
  });

  it('gives a notice for a grade list of the wrong length and uses its first value', () => {
    const c = setup({ levels: 'T12,L1' });
    c.setOption('grade', [3, 1, 2]);
    expect(c.getSettings().grade).toBe(3);
    expect(c.notices.notices.map((n) => ('key' in n ? n.key : ''))).toContain('notice.perLevelLength');
  });
});
