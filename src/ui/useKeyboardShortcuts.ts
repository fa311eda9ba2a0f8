import { useCallback, type KeyboardEvent } from 'react';
import type { ViewerController } from '../playback/viewerController';
import { handleMediaKey } from './mediaKeys';

const INTERACTIVE = new Set(['BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'A']);
/** Vertical arrows keep scrolling the page outside the slider. */
const VIEWER_WIDE_KEYS = new Set([
  ' ',
  'k',
  'K',
  'ArrowLeft',
  'ArrowRight',
  'PageUp',
  'PageDown',
  'Home',
  'End',
]);

/**
 * Media-player keys anywhere in the viewer, except where a focused control has its own meaning for the key
 * (buttons, selects, inputs; the slider handles its keys itself).
 */
export function useKeyboardShortcuts(controller: ViewerController) {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (INTERACTIVE.has(target.tagName) || target.getAttribute('role') === 'slider') return;
      if (!VIEWER_WIDE_KEYS.has(event.key)) return;
      if (handleMediaKey(controller, event.key)) event.preventDefault();
    },
    [controller],
  );
}
