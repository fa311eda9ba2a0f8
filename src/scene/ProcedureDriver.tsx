import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useController } from '../playback/react/viewerHooks';

/**
 * The one place time enters the scene: each rendered frame asks the controller for the frame at the current time
 * (a pure function of t, computed once), then keeps requesting frames only while playing. Runs before every other
 * useFrame. It never changes playback: the end of the timeline is the playback store's own event.
 */
export function ProcedureDriver() {
  const controller = useController();
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    gl.info.autoReset = false;
  }, [gl]);
  useEffect(() => {
    controller.renderer.attach(() => invalidate());
    return () => controller.renderer.attach(null);
  }, [controller, invalidate]);
  useFrame(({ gl }) => {
    controller.renderer.frameStats.beginFrame(performance.now());
    // Count every pass of the frame (3D view and fluoro) together; reset once per frame, not per render call.
    gl.info.reset();
    controller.renderFrame();
    const { playing, waiting } = controller.getPlayback();
    // Held by narration (waiting), time stands still: no more frames until it runs again.
    if (playing && !waiting) invalidate();
  }, -1);
  return null;
}
