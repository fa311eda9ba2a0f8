/**
 * The benchmark's baseline: an empty React Three Fiber canvas with drei's OrbitControls, built by the same
 * toolchain as the app. Its JS size and first-frame time are what the app's budgets are ratios of.
 */
import { OrbitControls } from '@react-three/drei';
import { Canvas, useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { createRoot } from 'react-dom/client';

/** Like the viewer's `ready`: the first animation frame after the first R3F frame has been drawn. */
function FirstFrame() {
  const done = useRef(false);
  useFrame(() => {
    if (done.current) return;
    done.current = true;
    requestAnimationFrame(() => {
      (window as unknown as { __benchFirstFrame?: number }).__benchFirstFrame = performance.now();
    });
  });
  return null;
}

createRoot(document.getElementById('root')!).render(
  <Canvas frameloop="demand">
    <OrbitControls makeDefault />
    <FirstFrame />
  </Canvas>,
);
