import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useController } from '../playback/react/viewerHooks';

/**
 * The one place time enters the scene: each frame asks the controller for the state at the current time
 * (a pure function of t), then keeps requesting frames only while playing. Runs before every other useFrame.
 */
export function ProcedureDriver() {
  const controller = useController();
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    gl.info.autoReset = false;
  }, [gl]);
  useEffect(() => {
    controller.setInvalidator(() => invalidate());
    return () => controller.setInvalidator(() => {});
  }, [controller, invalidate]);
  useFrame(({ gl }) => {
    controller.frameStats.beginFrame(performance.now());
    // Count every pass of the frame (3D view and fluoro) together; reset once per frame, not per render call.
    gl.info.reset();
    controller.computeFrame();
    if (controller.playback.getSnapshot().playing) invalidate();
  }, -1);
  return null;
}
