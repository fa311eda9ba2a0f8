import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { useController } from '../playback/react/viewerHooks';

/**
 * Mounted inside the scene's Suspense boundary, so it runs only once the models are in: after the first frame
 * that includes them has been drawn, the controller announces `ready` (the sync point for embedders and tests).
 */
export function SceneReady() {
  const controller = useController();
  const done = useRef(false);
  useFrame(() => {
    if (done.current) return;
    done.current = true;
    // useFrame runs before the render of this frame; the next animation frame comes after it was drawn.
    requestAnimationFrame(() => controller.graphics.markReady());
  });
  return null;
}
