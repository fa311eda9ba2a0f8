import { describe, expect, it } from 'vitest';
import { CameraCommands, type CameraNudge } from '../../../src/playback/cameraCommands';
import { cameraNudgeForKey } from '../../../src/ui/cameraKeys';

describe('camera requests', () => {
  it('reach the registered 3D view, and report when there is none', () => {
    const commands = new CameraCommands();
    expect(commands.available).toBe(false);
    expect(commands.request('left')).toBe(false);
    const seen: CameraNudge[] = [];
    commands.attach((nudge) => seen.push(nudge));
    expect(commands.available).toBe(true);
    expect(commands.request('in')).toBe(true);
    expect(commands.request('reset')).toBe(true);
    expect(seen).toEqual(['in', 'reset']);
    commands.attach(null);
    expect(commands.request('out')).toBe(false);
    expect(seen).toEqual(['in', 'reset']);
  });

  it('map the 3D view keys: arrows turn, + / − zoom, 0 and Home reset; media keys are left alone', () => {
    expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].map(cameraNudgeForKey)).toEqual([
      'left',
      'right',
      'up',
      'down',
    ]);
    expect(['+', '=', '-', '_'].map(cameraNudgeForKey)).toEqual(['in', 'in', 'out', 'out']);
    expect(['0', 'Home'].map(cameraNudgeForKey)).toEqual(['reset', 'reset']);
    expect([' ', 'k', 'PageUp', 'End'].map(cameraNudgeForKey)).toEqual([null, null, null, null]);
  });
});
