/** Quantisation and little-endian packing of mesh data for the GLB writer. */

/** Rounds for the JSON text so tiny float noise never reaches the file (1e-6 mm is far below any use). */
export function round6(v: number): number {
  const r = Math.round(v * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Position step (mm): every coordinate is a whole number of 1/32 mm about the mesh's centre, so the largest
 * error is 1/64 mm (≈ 0.016 mm), a fifth of a pixel in the closest view. One absolute step for every mesh, big or
 * small, because what the eye can see is absolute; the unused low bits are what the meshopt codec then saves.
 */
export const POSITION_STEP_MM = 1 / 32;

/**
 * Quantise positions for KHR_mesh_quantization: normalised int16 in steps of `stepMm` about the mesh's centre
 * (the node transform that undoes it is `center` and `scale` = step × 32767), little-endian with the 8-byte
 * stride glTF requires. (Normals are encoded by meshoptEncoding's octahedralNormals.)
 */
export function quantizePositions(
  positions: Float32Array,
  stepMm = POSITION_STEP_MM,
): {
  pos: Uint8Array;
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
  // On the step grid, so the centre is exact in the JSON text and every vertex is a whole number of steps.
  const center = lo.map((v, i) => round6(Math.round((v + hi[i]!) / 2 / stepMm) * stepMm));
  const scale = round6(stepMm * 32767);
  const pos = new Uint8Array(8 * count);
  const posView = new DataView(pos.buffer);
  const min = [32767, 32767, 32767];
  const max = [-32767, -32767, -32767];
  for (let v = 0; v < count; v++) {
    for (let c = 0; c < 3; c++) {
      const q = Math.round((p[3 * v + c]! - center[c]!) / stepMm);
      if (Math.abs(q) > 32767) throw new Error(`quantizeMesh: a mesh wider than ${65534 * stepMm} mm`);
      posView.setInt16(8 * v + 2 * c, q, true);
      min[c] = Math.min(min[c]!, q);
      max[c] = Math.max(max[c]!, q);
    }
  }
  return { pos, center, scale, min, max };
}

/** Index data, little-endian, as uint16 or (when `wide`) uint32. */
export function littleEndianIndices(indices: Uint32Array, wide: boolean): Uint8Array {
  const size = wide ? 4 : 2;
  const out = new Uint8Array(size * indices.length);
  const view = new DataView(out.buffer);
  indices.forEach((v, i) => (wide ? view.setUint32(4 * i, v, true) : view.setUint16(2 * i, v, true)));
  return out;
}
