import { readFileSync } from 'node:fs';
import { BufferAttribute, Mesh, type Object3D } from 'three';
import { describe, expect, it } from 'vitest';
import { indexSpineModel, parseSpineModel } from '../../../src/anatomy/loadSpineModel';
import { mergeStaticParts } from '../../../src/anatomy/mergeStaticParts';
import { spineMeshoptDecoder } from '../../../src/anatomy/spineGltfLoader';
import { readSpineGlb } from '../../../src/scene/loading/spineGlb';

/** models/spine.glb as an ArrayBuffer of its own. */
function spineFile(): ArrayBuffer {
  const file = readFileSync('models/spine.glb');
  return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
}

/** Name, local transform and geometry arrays of every object, in traversal order. */
function describeTree(root: Object3D) {
  const out: unknown[] = [];
  root.traverse((o) => {
    const entry: Record<string, unknown> = {
      name: o.name,
      type: o instanceof Mesh ? 'Mesh' : 'other',
      matrix: o.matrix.elements.map((v) => Math.round(v * 1e4) / 1e4),
      userData: { ...o.userData },
    };
    if (o instanceof Mesh) {
      for (const name of ['position', 'normal', 'color'])
        entry[name] = Array.from((o.geometry.getAttribute(name) as BufferAttribute).array);
      entry.index = Array.from(o.geometry.index!.array);
    }
    out.push(entry);
  });
  return out;
}

describe('readSpineGlb (the viewer’s own GLB reader)', () => {
  it('builds the same prepared model as three.js’s GLTFLoader from models/spine.glb', async () => {
    const data = spineFile();
    const [ours, reference] = await Promise.all([
      readSpineGlb(data, spineMeshoptDecoder()).then(indexSpineModel),
      parseSpineModel(data),
    ]);
    expect(ours.root.name).toBe(reference.root.name);
    expect([...ours.levels.keys()]).toEqual([...reference.levels.keys()]);
    expect(ours.discs.map((d) => d.name)).toEqual(reference.discs.map((d) => d.name));
    const treeOurs = describeTree(ours.root);
    expect(treeOurs.length).toBeGreaterThan(100);
    expect(treeOurs).toEqual(describeTree(reference.root));
    // What the scene draws from it: the merged static parts, with the treated level left out.
    const a = mergeStaticParts(ours.root, ['L1']);
    const b = mergeStaticParts(reference.root, ['L1']);
    expect(a.bone.getAttribute('position').count).toBeGreaterThan(1000);
    expect(Array.from(a.bone.getAttribute('position').array)).toEqual(
      Array.from(b.bone.getAttribute('position').array),
    );
    expect(Array.from(a.disc.index!.array)).toEqual(Array.from(b.disc.index!.array));
  }, 60_000);

  it('refuses what it cannot read with a clear message', async () => {
    await expect(readSpineGlb(new ArrayBuffer(32), spineMeshoptDecoder())).rejects.toThrow(/not a GLB file/);
    const json = new TextEncoder().encode(
      JSON.stringify({
        asset: { version: '2.0' },
        extensionsRequired: ['KHR_draco_mesh_compression'],
      }).padEnd(80, ' '),
    );
    const glb = new Uint8Array(20 + json.length);
    const view = new DataView(glb.buffer);
    view.setUint32(0, 0x46546c67, true);
    view.setUint32(4, 2, true);
    view.setUint32(8, glb.length, true);
    view.setUint32(12, json.length, true);
    view.setUint32(16, 0x4e4f534a, true);
    glb.set(json, 20);
    await expect(readSpineGlb(glb.buffer, spineMeshoptDecoder())).rejects.toThrow(
      /requires KHR_draco_mesh_compression/,
    );
  });
});
