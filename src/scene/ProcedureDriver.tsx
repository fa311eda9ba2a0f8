import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useController } from '../ui/ViewerContext';

/**
 * The one place time enters the scene: each frame asks the controller for the state at the current time
 * (a pure function of t), then keeps requesting frames only while playing. Runs before every other useFrame.
 */
export function ProcedureDriver() {
  const controller = useController();
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    controller.setInvalidator(() => invalidate());
    return () => controller.setInvalidator(() => {});
  }, [controller, invalidate]);
  useFrame(() => {
    controller.computeFrame();
    if (controller.playback.getSnapshot().playing) invalidate();
  }, -1);
  return null;
}
