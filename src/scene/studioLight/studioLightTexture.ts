import {
  CompressedCubeTexture,
  HalfFloatType,
  LinearFilter,
  LinearMipmapLinearFilter,
  LinearSRGBColorSpace,
  RGBAFormat,
  type CompressedPixelFormat,
} from 'three';
import { faceOffset, type StudioLightCube } from '../../anatomy/studioLightFormat';

/** Half-float 1.0: every texel's alpha. */
const HALF_ONE = 0x3c00;

/** One face of one level as half-float RGBA (WebGL 2 filters half floats everywhere, RGB uploads less so). */
function faceTexels(cube: StudioLightCube, level: number, face: number): Uint16Array {
  const side = cube.size >> level;
  const from = faceOffset(cube.size, level, face);
  const out = new Uint16Array(side * side * 4);
  for (let i = 0, j = from; i < out.length; i += 4, j += 3) {
    out[i] = cube.rgb[j]!;
    out[i + 1] = cube.rgb[j + 1]!;
    out[i + 2] = cube.rgb[j + 2]!;
    out[i + 3] = HALF_ONE;
  }
  return out;
}

/**
 * The prefiltered studio light as a texture three.js lights standard materials with, as it is: a cube whose mip
 * levels are the PMREM's (flagged `isPMREMTexture`, so three.js does not prefilter it again). A cube of data with
 * its own mip levels is what three.js's "compressed" cube texture uploads, uncompressed when its format is RGBA.
 * The arrays stay with the texture, so three.js uploads them again after a lost GPU context comes back.
 */
export function studioLightTexture(cube: StudioLightCube): CompressedCubeTexture {
  const faces = [];
  for (let face = 0; face < 6; face++) {
    const mipmaps = [];
    for (let level = 0; level < cube.levels; level++) {
      const side = cube.size >> level;
      mipmaps.push({ data: faceTexels(cube, level, face), width: side, height: side });
    }
    faces.push({ mipmaps, width: cube.size, height: cube.size });
  }
  // RGBA is not among the compressed formats three.js's types list, and is the one it uploads uncompressed.
  const texture = new CompressedCubeTexture(faces, RGBAFormat as CompressedPixelFormat, HalfFloatType);
  texture.name = 'PMREM';
  (texture as unknown as { isPMREMTexture: boolean }).isPMREMTexture = true;
  texture.colorSpace = LinearSRGBColorSpace;
  texture.minFilter = LinearMipmapLinearFilter;
  texture.magFilter = LinearFilter;
  texture.generateMipmaps = false;
  texture.needsUpdate = true;
  return texture;
}
