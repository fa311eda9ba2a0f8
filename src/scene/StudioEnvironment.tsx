import { useThree } from '@react-three/fiber';
import { useLayoutEffect } from 'react';
import { PMREMGenerator, type Texture } from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';

/** StudioEnvironmentProps: how strongly the studio's reflected light counts. */
export interface StudioEnvironmentProps {
  /** Scale of the image-based light (the direct lights in Lights.tsx carry the shape). */
  intensity?: number;
}

/**
 * Image-based light from a softly lit room (three's RoomEnvironment: a box room with a few area lights) rendered
 * on this device once at start-up and pre-filtered into a PMREM: the soft, even fill of a photo studio and
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
      const room = new RoomEnvironment();
      // 128 px faces are plenty for matte bone and soft steel highlights, and a quarter of the default's work.
      environment = pmrem.fromScene(room, 0.04, 0.1, 100, { size: 128 }).texture;
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
