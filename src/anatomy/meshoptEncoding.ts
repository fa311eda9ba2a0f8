/**
 * Generation-side use of meshoptimizer (Node only; the viewer never imports this file): vertex order
 * optimisation before writing, and the EXT_meshopt_compression encoders. The encoder is WebAssembly and becomes
 * usable once its `ready` promise settles, hence the top-level await.
 */
import { MeshoptEncoder } from 'meshoptimizer/encoder';
import type { PartMesh } from './polygonize';

await MeshoptEncoder.ready;

export { MeshoptEncoder };

function permute(values: ArrayLike<number>, remap: Uint32Array, width: number, unique: number): number[] {
  const out = new Array<number>(unique * width);
  for (let v = 0; v < remap.length; v++) {
    const to = remap[v]!;
    if (to === 0xffffffff) continue;
    for (let c = 0; c < width; c++) out[width * to + c] = values[width * v + c]!;
  }
  return out;
}

/**
 * Reorders a mesh's triangles for the GPU's vertex cache and then its vertices in the order the triangles first
 * use them (meshopt_optimizeVertexCache + meshopt_optimizeVertexFetchRemap). The surface is unchanged; the index
 * and vertex streams become far more regular, which is what the meshopt codecs (and gzip) compress best.
 */
export function optimizeVertexOrder(mesh: PartMesh): void {
  const indices = new Uint32Array(mesh.indices);
  const [remap, unique] = MeshoptEncoder.reorderMesh(indices, true, false);
  mesh.indices = indices;
  mesh.positions = new Float32Array(permute(mesh.positions, remap, 3, unique));
  mesh.normals = new Float32Array(permute(mesh.normals, remap, 3, unique));
  if (mesh.occlusion) mesh.occlusion = new Uint8Array(permute(mesh.occlusion, remap, 1, unique));
}

/** Bits per component of the octahedral normals (meshopt's filter; gltfpack's default). */
export const NORMAL_OCT_BITS = 8;

/**
 * Normals encoded with meshopt's octahedral filter: two 8-bit components per normal instead of three, which
 * compresses far better; the decoder turns them back into normalised int8 x, y, z (4-byte stride, w = 0).
 */
export function octahedralNormals(normals: Float32Array): Uint8Array {
  const count = normals.length / 3;
  const padded = new Float32Array(4 * count);
  for (let i = 0; i < count; i++) padded.set(normals.subarray(3 * i, 3 * i + 3), 4 * i);
  return MeshoptEncoder.encodeFilterOct(padded, count, 4, NORMAL_OCT_BITS);
}
