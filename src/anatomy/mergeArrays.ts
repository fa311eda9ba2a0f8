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
  // The matrix in locals: in a freshly started worker the loop first runs interpreted, each e[k] a lookup.
  const e0 = e[0]!, e1 = e[1]!, e2 = e[2]!, e3 = e[3]!, e4 = e[4]!, e5 = e[5]!, e6 = e[6]!, e7 = e[7]!; // prettier-ignore
  const e8 = e[8]!, e9 = e[9]!, e10 = e[10]!, e11 = e[11]!, e12 = e[12]!, e13 = e[13]!, e14 = e[14]!, e15 = e[15]!; // prettier-ignore
  for (let i = 0, o = 3 * at; i < a.length; i += 3, o += 3) {
    const x = a[i]!;
    const y = a[i + 1]!;
    const z = a[i + 2]!;
    const w = 1 / (e3 * x + e7 * y + e11 * z + e15);
    out[o] = (e0 * x + e4 * y + e8 * z + e12) * w;
    out[o + 1] = (e1 * x + e5 * y + e9 * z + e13) * w;
    out[o + 2] = (e2 * x + e6 * y + e10 * z + e14) * w;
  }
}

/** Normals turned by the normal matrix `e` and normalised (Vector3.applyNormalMatrix). */
function writeNormals(a: Float32Array, e: readonly number[], out: Float32Array, at: number): void {
  const e0 = e[0]!, e1 = e[1]!, e2 = e[2]!, e3 = e[3]!, e4 = e[4]!, e5 = e[5]!, e6 = e[6]!, e7 = e[7]!, e8 = e[8]!; // prettier-ignore
  for (let i = 0, o = 3 * at; i < a.length; i += 3, o += 3) {
    const x = a[i]!;
    const y = a[i + 1]!;
    const z = a[i + 2]!;
    const tx = e0 * x + e3 * y + e6 * z;
    const ty = e1 * x + e4 * y + e7 * z;
    const tz = e2 * x + e5 * y + e8 * z;
    const scale = 1 / (Math.sqrt(tx * tx + ty * ty + tz * tz) || 1);
    out[o] = tx * scale;
    out[o + 1] = ty * scale;
    out[o + 2] = tz * scale;
  }
}

/*
 * One loop per function below: V8 optimises a long loop while it runs (on-stack replacement), and an optimised
 * function that then reaches code it has not run yet (a second loop, the other branch) is thrown away and
 * interpreted again. In the freshly started worker that merges the spine this cycle cost more than the loops.
 */

/** Box3.setFromArray: min x, y, z, max x, y, z. */
function boxOf(p: Float32Array): MergedArrays['box'] {
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
  return [minX, minY, minZ, maxX, maxY, maxZ];
}

/** The largest squared distance of a point from (cx, cy, cz). */
function farthestSquared(p: Float32Array, cx: number, cy: number, cz: number): number {
  let farthest = 0;
  for (let i = 0; i < p.length; i += 3) {
    const dx = p[i]! - cx,
      dy = p[i + 1]! - cy,
      dz = p[i + 2]! - cz;
    farthest = Math.max(farthest, dx * dx + dy * dy + dz * dz);
  }
  return farthest;
}

/** Box3.setFromArray, then the box's centre and the farthest vertex from it (computeBoundingSphere). */
function bounds(p: Float32Array): Pick<MergedArrays, 'box' | 'sphere'> {
  const box = boxOf(p);
  const cx = (box[0] + box[3]) * 0.5,
    cy = (box[1] + box[4]) * 0.5,
    cz = (box[2] + box[5]) * 0.5;
  return { box, sphere: [cx, cy, cz, Math.sqrt(farthestSquared(p, cx, cy, cz))] };
}

/** A part's index, its vertices numbered from `offset`, into `out` from `at` on. */
function writeIndex(
  source: ArrayLike<number>,
  offset: number,
  out: Uint16Array | Uint32Array,
  at: number,
): void {
  for (let i = 0; i < source.length; i++) out[at + i] = source[i]! + offset;
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
    if (part.index) {
      writeIndex(part.index, at, index, indexAt);
      indexAt += part.index.length;
    }
    at += part.positions.length / 3;
  }
  return { positions, normals, colors, index, ...bounds(positions) };
}
