import { useThree } from '@react-three/fiber';
import { useLayoutEffect } from 'react';
import { PMREMGenerator, type Texture, type WebGLRenderer } from 'three';
import { studioRoomEquirect } from './studioRoom';

/**
 * Width of the traced room image: 128 × 64, a few ms to trace; the PMREM's 64 px faces are drawn from it. The
 * light is soft, so a larger trace adds nothing one can see.
 */
export const STUDIO_ROOM_WIDTH = 128;

/**
 * Face size of the prefiltered environment. three.js makes every PMREM at least 256 px a face (PMREMGenerator's
 * MIN_SIZE): 393 k texels to filter with 256 samples each, about 1.8 s of GPU time on software GL and a long job
 * on a phone's GPU, queued before the first frame. The light is soft and the bone rough: the roughest level, the
 * one bone reads, is 8 px a face at any size, and with 64 px faces (a sixteenth of the work) screenshots of the
 * overview, access, balloon and result steps differ from the 256 px ones by at most 2 of 255 levels except on
 * the balloon's highlights.
 */
export const STUDIO_CUBE_SIZE = 64;

/** A PMREMGenerator whose cube faces are `size` px, below three.js's 256 px floor (see STUDIO_CUBE_SIZE). */
export function smallPmremGenerator(gl: WebGLRenderer, size: number): PMREMGenerator {
  const pmrem = new PMREMGenerator(gl);
  // A private method of three.js's, replaced on this instance only (tests/unit/scene/firstFrameLoading checks it).
  const sized = pmrem as unknown as { _setSize(cubeSize: number): void; _cubeSize: number };
  sized._setSize = function setSize(this: { _cubeSize: number }) {
    this._cubeSize = size;
  };
  return pmrem;
}

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
      const pmrem = smallPmremGenerator(gl, STUDIO_CUBE_SIZE);
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
