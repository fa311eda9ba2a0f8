/*
 * Merging part meshes into one set of arrays, without three.js: the decoding worker merges the static spine with it
 * before the page has the model, and the page with it when the treated levels change (mergeParts.ts). The
 * arithmetic is three.js's own (Vector3.applyMatrix4, Matrix3.getNormalMatrix + Vector3.applyNormalMatrix,
 * mergeGeometries, Box3.setFromArray, computeBoundingSphere), operation for operation, so the numbers are the same
 * whichever side merges (tested).
 */
import { normalMatrix } from './spineGlbBake';

/** One part: float positions and normals (three per vertex), RGB colour bytes, an index, and where it moves. */
export interface MergeSource {
  positions: Float32Array;
  normals?: Float32Array | undefined;
  colors?: Uint8Array | undefined;
  index?: ArrayLike<number> | undefined;
  /** Column-major 4 × 4 (Matrix4.elements) into the merged frame. */
  matrix: ArrayLike<number>;
}

/** The merged arrays and their bounds, as three.js would compute them. */
export interface MergedArrays {
  positions: Float32Array;
  normals: Float32Array;
  /** White (255) for a part without colour. */
  colors: Uint8Array;
  /** 32-bit from 65 535 vertices on, as mergeGeometries picks. */
  index: Uint16Array | Uint32Array;
  /** min x, y, z, max x, y, z. */
  box: [number, number, number, number, number, number];
  /** centre x, y, z (the box's), radius (the farthest vertex). */
  sphere: [number, number, number, number];
}

/** Points moved by `e` (Vector3.applyMatrix4), into `out` from point `at` on. */
function writePoints(a: Float32Array, e: ArrayLike<number>, out: Float32Array, at: number): void {
  for (let i = 0, o = 3 * at; i < a.length; i += 3, o += 3) {
    const x = a[i]!;
    const y = a[i + 1]!;
    const z = a[i + 2]!;
    const w = 1 / (e[3]! * x + e[7]! * y + e[11]! * z + e[15]!);
    out[o] = (e[0]! * x + e[4]! * y + e[8]! * z + e[12]!) * w;
    out[o + 1] = (e[1]! * x + e[5]! * y + e[9]! * z + e[13]!) * w;
    out[o + 2] = (e[2]! * x + e[6]! * y + e[10]! * z + e[14]!) * w;
  }
}

/** Normals turned by the normal matrix `e` and normalised (Vector3.applyNormalMatrix). */
function writeNormals(a: Float32Array, e: readonly number[], out: Float32Array, at: number): void {
  for (let i = 0, o = 3 * at; i < a.length; i += 3, o += 3) {
    const x = a[i]!;
    const y = a[i + 1]!;
    const z = a[i + 2]!;
    const tx = e[0]! * x + e[3]! * y + e[6]! * z;
    const ty = e[1]! * x + e[4]! * y + e[7]! * z;
    const tz = e[2]! * x + e[5]! * y + e[8]! * z;
    const scale = 1 / (Math.sqrt(tx * tx + ty * ty + tz * tz) || 1);
    out[o] = tx * scale;
    out[o + 1] = ty * scale;
    out[o + 2] = tz * scale;
  }
}

/** Box3.setFromArray, then the box's centre and the farthest vertex from it (computeBoundingSphere). */
function bounds(p: Float32Array): Pick<MergedArrays, 'box' | 'sphere'> {
  let minX = Infinity,
    minY = Infinity,
    minZ = Infinity;
  let maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity; // prettier-ignore
  for (let i = 0; i < p.length; i += 3) {
    const x = p[i]!, y = p[i + 1]!, z = p[i + 2]!; // prettier-ignore
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (z < minZ) minZ = z;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
    if (z > maxZ) maxZ = z;
  }
  const cx = (minX + maxX) * 0.5,
    cy = (minY + maxY) * 0.5,
    cz = (minZ + maxZ) * 0.5;
  let farthest = 0;
  for (let i = 0; i < p.length; i += 3) {
    const dx = p[i]! - cx,
      dy = p[i + 1]! - cy,
      dz = p[i + 2]! - cz;
    farthest = Math.max(farthest, dx * dx + dy * dy + dz * dz);
  }
  return { box: [minX, minY, minZ, maxX, maxY, maxZ], sphere: [cx, cy, cz, Math.sqrt(farthest)] };
}

/** The parts moved into one frame and merged, in order, with their bounds. */
export function mergeArrays(parts: readonly MergeSource[]): MergedArrays {
  let vertices = 0;
  let indices = 0;
  for (const part of parts) {
    vertices += part.positions.length / 3;
    indices += part.index?.length ?? 0;
  }
  const positions = new Float32Array(vertices * 3);
  const normals = new Float32Array(vertices * 3);
  const colors = new Uint8Array(vertices * 3).fill(255);
  const index = vertices - 1 >= 65535 ? new Uint32Array(indices) : new Uint16Array(indices);
  let at = 0;
  let indexAt = 0;
  for (const part of parts) {
    writePoints(part.positions, part.matrix, positions, at);
    if (part.normals) writeNormals(part.normals, normalMatrix(part.matrix), normals, at);
    if (part.colors) colors.set(part.colors, 3 * at);
    const source = part.index;
    if (source) {
      for (let i = 0; i < source.length; i++) index[indexAt + i] = source[i]! + at;
      indexAt += source.length;
    }
    at += part.positions.length / 3;
  }
  return { positions, normals, colors, index, ...bounds(positions) };
}
