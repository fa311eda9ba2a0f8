import { useFrame } from '@react-three/fiber';
import { useEffect, useRef, type RefObject } from 'react';
import type { EventDispatcher } from 'three';
import type { ViewerController } from '../playback/viewerController';

/**
 * The guided camera (CameraRig) moves in its own frame, after the orbit controls have updated; at the next frame's
 * start the controls see that move as theirs and report a change, which asks for one more frame (an invalidate
 * from inside a frame, in React Three Fiber), whose update found the move once more: two more frames of the same
 * picture, which on a software GPU doubled the cost of every seek. Patches the controls the ref holds at mount (a
 * new controls object, made only for a new camera, just loses the saving). While guided, a change the controls
 * find during a frame is dropped; a change from the user's own input (outside frames) still asks for its frame,
 * and that input leaves the guided camera.
 */
export function useQuietGuidedControls(
  controls: RefObject<EventDispatcher<{ change: object }> | null>,
  controller: ViewerController,
): void {
  const quiet = useRef(false);
  // Before the controls' own update (priority -1) ...
  useFrame(() => {
    quiet.current = controller.getSettings().cameraMode === 'guided';
  }, -2);
  // ... and off again before anything else runs in the frame (priority 0 runs after -1).
  useFrame(() => {
    quiet.current = false;
  });
  useEffect(() => {
    const target = controls.current;
    if (!target) return;
    const dispatch = target.dispatchEvent;
    target.dispatchEvent = ((event: { type: string }) => {
      if (event.type === 'change' && quiet.current) return;
      dispatch.call(target, event as never);
    }) as typeof dispatch;
    return () => void (target.dispatchEvent = dispatch);
  }, [controls]);
}
