import { PMREMGenerator, type WebGLCubeRenderTarget, type WebGLRenderer } from 'three';
import { studioRoomEquirect } from './studioRoom';

/**
 * Width of the traced room image: 128 × 64, a few ms to trace; the PMREM's 64 px faces are drawn from it. The
 * light is soft, so a larger trace adds nothing one can see.
 */
export const STUDIO_ROOM_WIDTH = 128;

/**
 * Face size of the prefiltered environment. three.js makes every PMREM at least 256 px a face (PMREMGenerator's
 * MIN_SIZE): 393 k texels to filter with 256 samples each, about 1.8 s of GPU time on software GL and a long job
 * on a phone's GPU. The light is soft and the bone rough: the roughest level, the one bone reads, is 8 px a face at
 * any size, and with 64 px faces (a sixteenth of the work) screenshots of the overview, access, balloon and result
 * steps differ from the 256 px ones by at most 2 of 255 levels except on the balloon's highlights.
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

/**
 * The studio light built on this device: the room (three's RoomEnvironment, studioRoom.ts) traced on the CPU and
 * prefiltered into a PMREM on the GPU. What models/studio-light.bin holds, made where that file could not be
 * read, and by `npm run studio-light`, which writes the file.
 */
export function liveStudioLight(gl: WebGLRenderer): WebGLCubeRenderTarget {
  const pmrem = smallPmremGenerator(gl, STUDIO_CUBE_SIZE);
  const room = studioRoomEquirect(STUDIO_ROOM_WIDTH);
  const target = pmrem.fromEquirectangular(room);
  room.dispose();
  pmrem.dispose();
  return target;
}
