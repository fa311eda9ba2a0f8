import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useController } from '../playback/react/viewerHooks';

/** Farther than this (CSS pixels) from where it went down, a press is a drag, whatever the pointer. */
export const TAP_SLOP_PX = 8;
/** Held longer than this, a press is not a tap (a slow press is someone about to drag, or reading). */
export const TAP_MAX_MS = 500;

/** A button, link or field over the 3D view: a press there is the control's, never a tap or a drag of the view. */
function isControl(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('button, a, input, select, textarea, [role="button"]') !== null
  );
}

/**
 * What a press on the 3D view means: a tap or click plays or pauses, like a video; a drag orbits and a wheel or
 * pinch zooms — those leave the guided camera (the "follow the procedure" button brings it back). A tap counts
 * only on the canvas itself, not on a label, an X-ray caption or a button above it; a drag may start on a label. The orbit
 * itself is OrbitControls' (CameraRig); this only tells a tap from a drag, by distance and time.
 */
export function CanvasGestures() {
  const controller = useController();
  const canvas = useThree((s) => s.gl.domElement);
  const source = useThree((s) => (s.events.connected as HTMLElement | undefined) ?? s.gl.domElement);

  useEffect(() => {
    const doc = canvas.ownerDocument;
    // One press at a time; plain fields, reused (a move event allocates nothing here).
    const press = { id: -1, x: 0, y: 0, time: 0, drag: false, tappable: false };
    const leaveGuided = () => {
      if (controller.getSettings().cameraMode === 'guided') controller.updateSettings({ cameraMode: 'free' });
    };
    const stop = () => {
      press.id = -1;
      doc.removeEventListener('pointermove', onMove, true);
      doc.removeEventListener('pointerup', onUp, true);
      doc.removeEventListener('pointercancel', stop, true);
    };
    const onDown = (event: PointerEvent) => {
      if (press.id !== -1) {
        // A second finger: a pinch, never a tap.
        press.drag = true;
        leaveGuided();
        return;
      }
      if (!event.isPrimary || event.button !== 0 || isControl(event.target)) return;
      // A drag may start on a label over the picture (it orbits all the same); only a tap on the picture plays.
      press.tappable = event.target === canvas;
      press.id = event.pointerId;
      press.x = event.clientX;
      press.y = event.clientY;
      press.time = event.timeStamp;
      press.drag = false;
      doc.addEventListener('pointermove', onMove, true);
      doc.addEventListener('pointerup', onUp, true);
      doc.addEventListener('pointercancel', stop, true);
    };
    const onMove = (event: PointerEvent) => {
      if (event.pointerId !== press.id || press.drag) return;
      if (Math.hypot(event.clientX - press.x, event.clientY - press.y) > TAP_SLOP_PX) {
        press.drag = true;
        leaveGuided();
      }
    };
    const onUp = (event: PointerEvent) => {
      if (event.pointerId !== press.id) return;
      const moved = Math.hypot(event.clientX - press.x, event.clientY - press.y) > TAP_SLOP_PX;
      const tap = press.tappable && !press.drag && !moved && event.timeStamp - press.time <= TAP_MAX_MS;
      stop();
      if (tap) controller.togglePlay();
    };
    const onWheel = () => leaveGuided();
    source.addEventListener('pointerdown', onDown, true);
    source.addEventListener('wheel', onWheel, { passive: true });
    return () => {
      stop();
      source.removeEventListener('pointerdown', onDown, true);
      source.removeEventListener('wheel', onWheel);
    };
  }, [controller, canvas, source]);

  return null;
}
