import type { CameraNudge } from '../playback/cameraCommands';

/**
 * The 3D view's own keys while it has focus (the viewer-wide media keys act everywhere else): arrows turn the
 * view, + / − zoom, 0 or Home return to the guided camera. Shift + arrows turn it from anywhere in the viewer
 * (see useKeyboardShortcuts), since plain arrows there seek.
 */
export function cameraNudgeForKey(key: string): CameraNudge | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case '+':
    case '=':
      return 'in';
    case '-':
    case '_':
      return 'out';
    case '0':
    case 'Home':
      return 'reset';
    default:
      return null;
  }
}
