import { useEffect, useRef, useState } from 'react';
import type { ViewerController } from '../playback/viewerController';
import { useGraphics } from '../playback/react/viewerHooks';

/** How long to wait for the browser to restore a lost context before remounting the canvas. */
export const RESTORE_WAIT_MS = 3000;

/**
 * Lost context → wait for the browser's restore; none within RESTORE_WAIT_MS → remount the canvas once (a fresh
 * context); lost again after that remount drew → give up on 3D and stay on the transcript. Returns the canvas key.
 */
export function useGraphicsRecovery(controller: ViewerController): { canvasKey: number } {
  const graphics = useGraphics();
  const [remounts, setRemounts] = useState(0);
  const drewSinceRemount = useRef(false);
  useEffect(() => {
    if (graphics === 'ok' && remounts > 0) drewSinceRemount.current = true;
    if (graphics !== 'lost') return;
    if (remounts > 0 && drewSinceRemount.current) {
      controller.graphics.failed();
      return;
    }
    if (remounts > 0) return;
    const timer = setTimeout(() => setRemounts((n) => n + 1), RESTORE_WAIT_MS);
    return () => clearTimeout(timer);
  }, [graphics, remounts, controller]);
  return { canvasKey: remounts };
}
