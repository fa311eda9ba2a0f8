import { DataUtils, type WebGLCubeRenderTarget, type WebGLRenderer } from 'three';
import { faceOffset, type StudioLightCube } from '../../anatomy/studioLightFormat';

/**
 * Which face of a render-target cube holds each face of a cube texture, mirrored. three.js samples a cube texture
 * (uploaded data, `flipEnvMap` −1) at (−x, y, z) where it samples a render target's at (x, y, z); a texel of face
 * +X at (s, t) therefore holds what the render target has on face −X at (1 − s, t), and a texel of every other face
 * what the same face has at (1 − s, t) (the GL cube-map face conventions, OpenGL ES 3.0 §3.8.10).
 */
const MIRRORED_FACE = [1, 0, 2, 3, 4, 5] as const;

/**
 * Every level of a PMREM read back from the GPU as a StudioLightCube in the cube-texture convention (for
 * `npm run studio-light`, and the test that checks the file against a PMREM built now). The PMREM's texels are
 * half floats, so reading them as floats and storing halves again loses nothing.
 */
export function readBackStudioLight(renderer: WebGLRenderer, target: WebGLCubeRenderTarget): StudioLightCube {
  const gl = renderer.getContext() as WebGL2RenderingContext;
  const size = target.width;
  const levels = target.texture.mipmaps.length;
  const texture = (renderer.properties.get(target.texture) as { __webglTexture: WebGLTexture })
    .__webglTexture;
  const framebuffer = gl.createFramebuffer();
  const rgb = new Uint16Array(faceOffset(size, levels, 0));
  try {
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    for (let level = 0; level < levels; level++) {
      const side = size >> level;
      const pixels = new Float32Array(side * side * 4);
      for (let face = 0; face < 6; face++) {
        const source = MIRRORED_FACE[face]!;
        gl.framebufferTexture2D(
          gl.FRAMEBUFFER,
          gl.COLOR_ATTACHMENT0,
          gl.TEXTURE_CUBE_MAP_POSITIVE_X + source,
          texture,
          level,
        );
        gl.readPixels(0, 0, side, side, gl.RGBA, gl.FLOAT, pixels);
        let at = faceOffset(size, level, face);
        for (let t = 0; t < side; t++) {
          for (let s = 0; s < side; s++) {
            const from = 4 * (t * side + (side - 1 - s));
            for (let c = 0; c < 3; c++) rgb[at++] = DataUtils.toHalfFloat(pixels[from + c]!);
          }
        }
      }
    }
  } finally {
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.deleteFramebuffer(framebuffer);
    // three.js tracks the GL state it set: have it set its own again at the next render.
    renderer.resetState();
  }
  return { size, levels, rgb };
}
