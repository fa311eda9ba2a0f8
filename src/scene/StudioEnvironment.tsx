import { useThree } from '@react-three/fiber';
import { useLayoutEffect } from 'react';
import { PMREMGenerator, type Texture } from 'three';
import { studioRoomEquirect } from './studioRoom';

/**
 * Width of the traced room image: 128 × 64 (a few ms to trace) gives the PMREM 32 px faces. The light is soft and
 * the bone rough, so the picture is the same as with 64 px faces (compared side by side on the steel and cement
 * close-ups), while prefiltering — 256 samples per texel, the GPU's largest job at start-up on software GL — does
 * a quarter of the work.
 */
export const STUDIO_ROOM_WIDTH = 128;

/** StudioEnvironmentProps: how strongly the studio's reflected light counts. */
export interface StudioEnvironmentProps {
  /** Scale of the image-based light (the direct lights in Lights.tsx carry the shape). */
  intensity?: number;
}

/**
 * Image-based light from a softly lit room (three's RoomEnvironment: a box room with a few area lights), traced
 * on this device once at start-up (studioRoom.ts) and pre-filtered into a PMREM: the soft, even fill of a photo studio and
 * believable reflections on steel, with nothing downloaded. Rebuilt after a lost GPU context comes back (a
 * render target's pixels do not survive the loss). Timed as the `spv-studio-environment` performance measure.
 */
export function StudioEnvironment({ intensity = 0.35 }: StudioEnvironmentProps) {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const invalidate = useThree((state) => state.invalidate);
  useLayoutEffect(() => {
    let environment: Texture | null = null;
    const build = () => {
      const start = performance.now();
      environment?.dispose();
      const pmrem = new PMREMGenerator(gl);
      const room = studioRoomEquirect(STUDIO_ROOM_WIDTH);
      environment = pmrem.fromEquirectangular(room).texture;
      room.dispose();
      pmrem.dispose();
      scene.environment = environment;
      scene.environmentIntensity = intensity;
      try {
        performance.measure('spv-studio-environment', { start });
      } catch {
        // Older browsers take only mark names here; the timing is a diagnostic, never needed to draw.
      }
      invalidate();
    };
    build();
    const canvas = gl.domElement;
    canvas.addEventListener('webglcontextrestored', build);
    return () => {
      canvas.removeEventListener('webglcontextrestored', build);
      scene.environment = null;
      environment?.dispose();
    };
  }, [gl, scene, intensity, invalidate]);
  return null;
}
