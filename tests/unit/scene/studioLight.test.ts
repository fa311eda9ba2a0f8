import { readFileSync } from 'node:fs';
import { DataUtils, HalfFloatType } from 'three';
import { describe, expect, it } from 'vitest';
import {
  cubeTexelCount,
  decodeStudioLight,
  encodeStudioLight,
  faceOffset,
  MANTISSA_BITS_DROPPED,
  type StudioLightCube,
} from '../../../src/anatomy/studioLightFormat';
import { studioLightTexture } from '../../../src/scene/studioLight/studioLightTexture';

/** A small cube of smooth light with a sharp bright patch (like the room's lamps), and one −0. */
function sampleCube(size = 16, levels = 3): StudioLightCube {
  const rgb = new Uint16Array(3 * cubeTexelCount(size, levels));
  for (let level = 0; level < levels; level++) {
    const side = size >> level;
    for (let face = 0; face < 6; face++) {
      const at = faceOffset(size, level, face);
      for (let i = 0; i < side * side; i++) {
        const x = i % side;
        const y = Math.floor(i / side);
        const lamp = face === 2 && x < side / 2 && y < side / 2 ? 40 : 0;
        for (let c = 0; c < 3; c++)
          rgb[at + 3 * i + c] = DataUtils.toHalfFloat(0.2 + 0.1 * c + 0.03 * x + 0.05 * y + lamp + face);
      }
    }
  }
  rgb[5] = 0x8000;
  return { size, levels, rgb };
}

const buffer = (bytes: Uint8Array) => bytes.slice().buffer;

describe('the studio light file (studioLightFormat)', () => {
  it('gives back every texel within the precision kept (7 of 10 mantissa bits), −0 as 0', async () => {
    const cube = sampleCube();
    const back = await decodeStudioLight(buffer(await encodeStudioLight(cube)));
    expect(back.size).toBe(16);
    expect(back.levels).toBe(3);
    expect(back.rgb).toHaveLength(cube.rgb.length);
    const tolerance = 2 ** -(11 - MANTISSA_BITS_DROPPED);
    let worst = 0;
    for (let i = 0; i < cube.rgb.length; i++) {
      const want = DataUtils.fromHalfFloat(cube.rgb[i]!);
      const got = DataUtils.fromHalfFloat(back.rgb[i]!);
      worst = Math.max(worst, Math.abs(got - want) / Math.max(Math.abs(want), 1e-6));
    }
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(tolerance);
    expect(back.rgb[5]).toBe(0);
  });

  it('compresses smooth light well below the halves’ own size', async () => {
    const cube = sampleCube(64, 4);
    const bytes = await encodeStudioLight(cube);
    expect(bytes.length).toBeLessThan(cube.rgb.byteLength / 8);
  });

  it('refuses what is not a studio light, with what is wrong', async () => {
    const good = await encodeStudioLight(sampleCube());
    await expect(decodeStudioLight(buffer(new TextEncoder().encode('GLTF and more')))).rejects.toThrow(
      /not a studio light/,
    );
    const version = good.slice();
    version[4] = 9;
    await expect(decodeStudioLight(buffer(version))).rejects.toThrow(/version 9/);
    const size = good.slice();
    size[6] = 12;
    await expect(decodeStudioLight(buffer(size))).rejects.toThrow(/12 px faces/);
    const levels = good.slice();
    levels[5] = 6;
    await expect(decodeStudioLight(buffer(levels))).rejects.toThrow(/bytes of texels|6 levels/);
    await expect(decodeStudioLight(buffer(good.subarray(0, good.length - 40)))).rejects.toThrow();
    await expect(decodeStudioLight(buffer(good.subarray(0, 5)))).rejects.toThrow(/not a studio light/);
  });

  it('models/studio-light.bin is the 64 px, 4-level light: finite, never negative, brightest overhead', async () => {
    const file = readFileSync('models/studio-light.bin');
    const cube = await decodeStudioLight(buffer(new Uint8Array(file)));
    expect([cube.size, cube.levels]).toEqual([64, 4]);
    const roughest = (face: number) => {
      const at = faceOffset(cube.size, 3, face);
      let sum = 0;
      for (let i = 0; i < 3 * 64; i++) {
        const value = DataUtils.fromHalfFloat(cube.rgb[at + i]!);
        expect(Number.isFinite(value) && value >= 0).toBe(true);
        sum += value;
      }
      return sum;
    };
    const faces = [0, 1, 2, 3, 4, 5].map(roughest);
    // +Y (the room's ceiling panel and lamp) is the brightest face of the diffuse level, −Y (the floor) the dimmest.
    expect(Math.max(...faces)).toBe(faces[2]);
    expect(Math.min(...faces)).toBe(faces[3]);
  });
});

describe('the studio light as a texture (studioLightTexture)', () => {
  it('is a half-float cube with the PMREM’s mip levels, flagged so three.js uses it as it is', () => {
    const cube = sampleCube(16, 3);
    const texture = studioLightTexture(cube);
    const faces = texture.image as unknown as { mipmaps: { data: Uint16Array; width: number }[] }[];
    expect(faces).toHaveLength(6);
    expect(faces[0]!.mipmaps.map((m) => m.width)).toEqual([16, 8, 4]);
    expect(texture.type).toBe(HalfFloatType);
    expect((texture as unknown as { isPMREMTexture: boolean }).isPMREMTexture).toBe(true);
    expect(texture.generateMipmaps).toBe(false);
    // Face +Z, level 1: its texels in RGBA, alpha 1.
    const texels = faces[4]!.mipmaps[1]!.data;
    const at = faceOffset(16, 1, 4);
    expect([...texels.subarray(0, 8)]).toEqual([
      cube.rgb[at],
      cube.rgb[at + 1],
      cube.rgb[at + 2],
      0x3c00,
      cube.rgb[at + 3],
      cube.rgb[at + 4],
      cube.rgb[at + 5],
      0x3c00,
    ]);
  });
});
