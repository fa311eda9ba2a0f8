/** Quantisation and little-endian packing of mesh data for the GLB writer. */

/** Rounds for the JSON text so tiny float noise never reaches the file (1e-6 mm is far below any use). */
export function round6(v: number): number {
  const r = Math.round(v * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Quantise a mesh for KHR_mesh_quantization: positions to normalised int16 about the mesh's centre, scaled by its
 * largest half-extent (the node transform that undoes it is `center` and `scale`), normals to normalised int8.
 * Both are written little-endian with 4-byte strides, as glTF requires.
 */
export function quantizeMesh(
  positions: Float32Array,
  normals: Float32Array,
): {
  pos: Uint8Array;
  nrm: Uint8Array;
  center: number[];
  scale: number;
  min: number[];
  max: number[];
} {
  const p = positions;
  const count = p.length / 3;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < p.length; i++) {
    lo[i % 3] = Math.min(lo[i % 3]!, p[i]!);
    hi[i % 3] = Math.max(hi[i % 3]!, p[i]!);
  }
  const center = lo.map((v, i) => round6((v + hi[i]!) / 2));
  const scale = round6(
    Math.max(...hi.map((v, i) => Math.max(v - center[i]!, center[i]! - lo[i]!))) * 1.0001 + 1e-6,
  );
  const pos = new Uint8Array(8 * count);
  const nrm = new Uint8Array(4 * count);
  const posView = new DataView(pos.buffer);
  const nrmView = new DataView(nrm.buffer);
  const min = [32767, 32767, 32767];
  const max = [-32767, -32767, -32767];
  for (let v = 0; v < count; v++) {
    for (let c = 0; c < 3; c++) {
      const q = Math.max(-32767, Math.min(32767, Math.round(((p[3 * v + c]! - center[c]!) / scale) * 32767)));
      posView.setInt16(8 * v + 2 * c, q, true);
      min[c] = Math.min(min[c]!, q);
      max[c] = Math.max(max[c]!, q);
      nrmView.setInt8(4 * v + c, Math.max(-127, Math.min(127, Math.round(normals[3 * v + c]! * 127))));
    }
  }
  return { pos, nrm, center, scale, min, max };
}

/** Index data, little-endian, as uint16 or (when `wide`) uint32. */
export function littleEndianIndices(indices: Uint32Array, wide: boolean): Uint8Array {
  const size = wide ? 4 : 2;
  const out = new Uint8Array(size * indices.length);
  const view = new DataView(out.buffer);
  indices.forEach((v, i) => (wide ? view.setUint32(4 * i, v, true) : view.setUint16(2 * i, v, true)));
  return out;
}
