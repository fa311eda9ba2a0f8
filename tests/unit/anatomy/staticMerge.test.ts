import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexSpineModel } from '../../../src/anatomy/loadSpineModel';
import { mergeStaticParts } from '../../../src/anatomy/mergeStaticParts';
import { decodeSpineGlb } from '../../../src/anatomy/spineGlbDecode';
import { spineMeshoptDecoder } from '../../../src/anatomy/spineGltfLoader';
import { mergeStaticArrays, staticMergeBuffers } from '../../../src/anatomy/staticMerge';
import { spineGroup } from '../../../src/scene/loading/spineGlb';

async function decoded() {
  const file = readFileSync('models/spine.glb');
  const data = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
  const decoder = spineMeshoptDecoder();
  return decodeSpineGlb(data, (...args) => decoder.decodeGltfBufferAsync(...args));
}

describe('mergeStaticArrays (the decoding worker’s merge of the static spine)', () => {
  it('gives exactly the arrays, bounds and part ranges the page’s mergeStaticParts makes', async () => {
    const model = await decoded();
    for (const levels of [['L1'], ['T12', 'L2']]) {
      const ours = mergeStaticArrays(model, levels);
      const theirs = mergeStaticParts(indexSpineModel(spineGroup(model)).root, levels);
      expect(ours.excluded).toBe(levels.join(','));
      for (const kind of ['bone', 'disc', 'context'] as const) {
        const geometry = theirs[kind];
        expect(ours[kind].positions.length).toBeGreaterThan(1000);
        expect(Array.from(ours[kind].positions)).toEqual(Array.from(geometry.getAttribute('position').array));
        expect(Array.from(ours[kind].normals)).toEqual(Array.from(geometry.getAttribute('normal').array));
        expect(Array.from(ours[kind].colors)).toEqual(Array.from(geometry.getAttribute('color').array));
        expect(Array.from(ours[kind].index)).toEqual(Array.from(geometry.index!.array));
        expect(ours[kind].index.constructor).toBe(geometry.index!.array.constructor);
        expect(ours[kind].box).toEqual([
          ...geometry.boundingBox!.min.toArray(),
          ...geometry.boundingBox!.max.toArray(),
        ]);
        expect(ours[kind].sphere).toEqual([
          ...geometry.boundingSphere!.center.toArray(),
          geometry.boundingSphere!.radius,
        ]);
      }
      expect(ours.contextParts).toEqual(theirs.contextParts);
      expect(ours.discParts).toEqual(theirs.discParts);
    }
  });

  it('leaves the treated level out but keeps its ribs, and hands over every array for transfer', async () => {
    const merged = mergeStaticArrays(await decoded(), ['T12']);
    expect(merged.contextParts.map((p) => p.name)).toContain('T12_rib_left');
    const all = mergeStaticArrays(await decoded(), []);
    expect(all.bone.positions.length).toBeGreaterThan(merged.bone.positions.length);
    expect(staticMergeBuffers(merged)).toHaveLength(12);
    expect(new Set(staticMergeBuffers(merged)).size).toBe(12);
  });
});
