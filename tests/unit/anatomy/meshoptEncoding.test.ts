import { readFileSync } from 'node:fs';
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import { Mesh } from 'three';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSpineMeshes, spineScene, type SpineMeshes } from '../../../src/anatomy/buildSpine';
import { writeGlb } from '../../../src/anatomy/glbWriter';
import { NORMAL_OCT_BITS } from '../../../src/anatomy/meshoptEncoding';
import { MeshoptReferenceDecoder } from '../../../src/anatomy/meshoptReference';
import type { PartMesh } from '../../../src/anatomy/polygonize';
import { quantizePositions } from '../../../src/anatomy/quantizeMesh';
import { parseSpineGlb } from '../../../src/anatomy/spineGltfLoader';

interface MeshoptView {
  buffer: number;
  byteOffset: number;
  byteLength: number;
  byteStride: number;
  count: number;
  mode: string;
  filter?: string;
}
interface Gltf {
  extensionsRequired: string[];
  buffers: { byteLength: number; uri?: string; extensions?: Record<string, { fallback?: boolean }> }[];
  bufferViews: { buffer: number; byteOffset: number; extensions: { EXT_meshopt_compression: MeshoptView } }[];
  accessors: { bufferView: number; byteOffset: number; count: number }[];
  meshes: { name: string; primitives: { attributes: Record<string, number>; indices: number }[] }[];
}

/** The JSON and the decoded (uncompressed) buffer views of a GLB, decoded with `decoder`. */
function decodeGlb(glb: Uint8Array, decoder: typeof MeshoptDecoder): { gltf: Gltf; views: Uint8Array[] } {
  const data = new DataView(glb.buffer, glb.byteOffset);
  const jsonLength = data.getUint32(12, true);
  const gltf = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength))) as Gltf;
  const bin = glb.subarray(28 + jsonLength);
  const views = gltf.bufferViews.map(({ extensions: { EXT_meshopt_compression: v } }) => {
    const out = new Uint8Array(v.count * v.byteStride);
    const source = bin.subarray(v.byteOffset, v.byteOffset + v.byteLength);
    decoder.decodeGltfBuffer(out, v.count, v.byteStride, source, v.mode, v.filter);
    return out;
  });
  return { gltf, views };
}

/** The bytes of one accessor of a decoded view (`width` bytes per element with the view's stride). */
function accessorBytes(gltf: Gltf, views: Uint8Array[], index: number, elementBytes: number): Uint8Array {
  const a = gltf.accessors[index]!;
  return views[a.bufferView]!.subarray(a.byteOffset, a.byteOffset + a.count * elementBytes);
}

/** Each triangle rotated to start at its smallest index (same winding), as one list. */
function canonicalTriangles(indices: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let t = 0; t < indices.length; t += 3) {
    const tri = [indices[t]!, indices[t + 1]!, indices[t + 2]!];
    const k = tri.indexOf(Math.min(...tri));
    out.push(tri[k]!, tri[(k + 1) % 3]!, tri[(k + 2) % 3]!);
  }
  return out;
}

let meshes: SpineMeshes;
let glb: Uint8Array;
let parts: [string, PartMesh][];
beforeAll(async () => {
  await MeshoptDecoder.ready;
  meshes = buildSpineMeshes({ bones: ['L1', 'L2'] });
  glb = writeGlb(spineScene(meshes));
  parts = [
    ...[...meshes.bones.entries()].flatMap(([bone, list]) =>
      list.map((p): [string, PartMesh] => [`${bone}_${p.name}`, p]),
    ),
    ...meshes.discs.map(({ pose, mesh }): [string, PartMesh] => [`${pose.name}_mesh`, mesh]),
  ];
}, 120_000);

describe('EXT_meshopt_compression in the written GLB', () => {
  it('is required, and the fallback buffer carries no data (the file holds only the compressed streams)', () => {
    const { gltf } = decodeGlb(glb, MeshoptDecoder);
    expect(gltf.extensionsRequired).toEqual(['KHR_mesh_quantization', 'EXT_meshopt_compression']);
    expect(gltf.buffers[1]).toMatchObject({ extensions: { EXT_meshopt_compression: { fallback: true } } });
    expect(gltf.buffers[1]!.uri).toBeUndefined();
    expect(gltf.bufferViews.every((v) => v.buffer === 1)).toBe(true);
  });

  it.each([
    ['WebAssembly', MeshoptDecoder],
    ['pure JavaScript', MeshoptReferenceDecoder],
  ])('decodes (%s) to exactly the quantised positions, the indices and the occlusion bytes', (_, decoder) => {
    const { gltf, views } = decodeGlb(glb, decoder);
    for (const [name, part] of parts) {
      const primitive = gltf.meshes.find((m) => m.name === name)!.primitives[0]!;
      const count = part.positions.length / 3;
      const positions = accessorBytes(gltf, views, primitive.attributes.POSITION!, 8);
      expect(
        Buffer.compare(Buffer.from(positions), Buffer.from(quantizePositions(part.positions).pos)),
        name,
      ).toBe(0);
      const indexBytes = accessorBytes(gltf, views, primitive.indices, 2);
      const indices = new Uint16Array(indexBytes.slice().buffer);
      // The triangle codec keeps the triangles and their order and winding, but may rotate each one's corners.
      expect(canonicalTriangles(indices), name).toEqual(canonicalTriangles(part.indices));
      const colors = accessorBytes(gltf, views, primitive.attributes.COLOR_0!, 4);
      for (let v = 0; v < count; v++) {
        const ao = part.occlusion![v]!;
        expect([colors[4 * v], colors[4 * v + 1], colors[4 * v + 2]], `${name} vertex ${v}`).toEqual([
          ao,
          ao,
          ao,
        ]);
      }
    }
  });

  it('decodes normals to within the octahedral quantisation step of the generated ones', () => {
    const { gltf, views } = decodeGlb(glb, MeshoptDecoder);
    // Octahedral coordinates in signed steps of 1/(2^(bits−1) − 1), decoded to int8 (the same step): rounding in
    // both leaves a component off by at most two steps.
    const step = 2 / ((1 << (NORMAL_OCT_BITS - 1)) - 1);
    let worstComponent = 0;
    let worstAngleDeg = 0;
    for (const [name, part] of parts) {
      const primitive = gltf.meshes.find((m) => m.name === name)!.primitives[0]!;
      const bytes = accessorBytes(gltf, views, primitive.attributes.NORMAL!, 4);
      const normals = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
      for (let v = 0; v < part.normals.length / 3; v++) {
        const decoded = [0, 1, 2].map((c) => normals[4 * v + c]! / 127);
        const length = Math.hypot(...decoded);
        let dot = 0;
        for (let c = 0; c < 3; c++) {
          worstComponent = Math.max(
            worstComponent,
            Math.abs(decoded[c]! / length - part.normals[3 * v + c]!),
          );
          dot += (decoded[c]! / length) * part.normals[3 * v + c]!;
        }
        worstAngleDeg = Math.max(worstAngleDeg, (Math.acos(Math.min(dot, 1)) * 180) / Math.PI);
      }
    }
    expect(worstComponent).toBeLessThanOrEqual(step);
    expect(worstAngleDeg).toBeLessThan(1.25); // plain int8 x, y, z: ≈ 0.5°
  });
});

describe('the committed models/spine.glb', () => {
  it('parses with parseSpineGlb into every part mesh, at most 160 000 triangles in all', async () => {
    const file = readFileSync(new URL('../../../models/spine.glb', import.meta.url));
    const gltf = await parseSpineGlb(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
    let meshCount = 0;
    let triangles = 0;
    gltf.scene.traverse((object) => {
      if (!(object instanceof Mesh)) return;
      meshCount++;
      triangles += object.geometry.index!.count / 3;
      expect(Object.keys(object.geometry.attributes).sort(), object.name).toEqual([
        'color',
        'normal',
        'position',
      ]);
    });
    expect(meshCount).toBe(12 * 10 + 5 * 8 + 6 + 17); // T1–T12 with ribs, L1–L5, S1 with sacrum and ilia, discs
    expect(triangles).toBeLessThanOrEqual(160_000);
  });
});
