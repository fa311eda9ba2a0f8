import { useCallback, type KeyboardEvent } from 'react';
import type { ViewerController } from '../playback/viewerController';
import { cameraNudgeForKey } from './cameraKeys';
import { handleMediaKey } from './mediaKeys';

const INTERACTIVE = new Set(['BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'A']);
/** Fields where Shift + arrows select or change a value: the 3D view's Shift + arrows stay out of them. */
const FIELDS = new Set(['SELECT', 'INPUT', 'TEXTAREA']);
const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);
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
 * (buttons, selects, inputs; the slider handles its keys itself). Shift + arrows turn the 3D view from anywhere
 * but a field or the slider (plain arrows seek; the focused 3D view takes plain arrows itself).
 */
export function useKeyboardShortcuts(controller: ViewerController) {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.shiftKey && ARROWS.has(event.key)) {
        if (FIELDS.has(target.tagName) || target.getAttribute('role') === 'slider') return;
        const nudge = cameraNudgeForKey(event.key);
        if (nudge && controller.renderer.camera.request(nudge)) event.preventDefault();
        return;
      }
      if (INTERACTIVE.has(target.tagName) || target.getAttribute('role') === 'slider') return;
      if (!VIEWER_WIDE_KEYS.has(event.key)) return;
      if (handleMediaKey(controller, event.key)) event.preventDefault();
    },
    [controller],
  );
}
