import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useMemo, useRef, type ComponentRef } from 'react';
import { Vector3 } from 'three';
import { useController, useSettings } from '../playback/react/viewerHooks';
import { CAMERA_POSES } from './cameraPoses';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';

/**
 * Guided camera: each step's preset, blended across step boundaries from the timeline state (so scrubbing is
 * exact). The user may orbit at any time; that switches to free mode until "follow the procedure" is chosen.
 * The camera never changes the timeline state.
 */
export function CameraRig() {
  const controller = useController();
  const { cameraMode } = useSettings();
  const controls = useRef<ComponentRef<typeof OrbitControls>>(null);
  const camera = useThree((s) => s.camera);
  const reducedMotion = usePrefersReducedMotion();
  const scratch = useMemo(
    () => ({ from: new Vector3(), to: new Vector3(), tFrom: new Vector3(), tTo: new Vector3() }),
    [],
  );

  useFrame(() => {
    if (cameraMode !== 'guided') return;
    const s = controller.state;
    const a = CAMERA_POSES[s.previousCamera];
    const b = CAMERA_POSES[s.camera];
    const blend = reducedMotion ? 1 : s.cameraBlend;
    scratch.from.fromArray(a.position).lerp(scratch.to.fromArray(b.position), blend);
    scratch.tFrom.fromArray(a.target).lerp(scratch.tTo.fromArray(b.target), blend);
    camera.position.copy(scratch.from);
    camera.lookAt(scratch.tFrom);
    if (controls.current) controls.current.target.copy(scratch.tFrom);
  });

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping={false}
      minDistance={60}
      maxDistance={1600}
      onStart={() => {
        if (controller.getSettings().cameraMode !== 'free') controller.updateSettings({ cameraMode: 'free' });
      }}
    />
  );
}
