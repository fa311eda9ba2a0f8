import { Box3, BufferAttribute, BufferGeometry, Matrix3, Sphere, Vector3, type Matrix4 } from 'three';

/** One prepared part mesh (float position and normal, RGB byte colour) and the matrix into the merged frame. */
export interface MergePart {
  geometry: BufferGeometry;
  matrix: Matrix4;
}

const point = new Vector3();
const turn = new Matrix3();

/** Each vector of `source`, changed by `move`, into `out` from vector `at` on (any attribute layout). */
function writeMoved(
  source: BufferAttribute,
  move: (v: Vector3) => Vector3,
  out: Float32Array,
  at: number,
): void {
  for (let i = 0; i < source.count; i++)
    move(point.fromBufferAttribute(source, i)).toArray(out, 3 * (at + i));
}

/** A plain float attribute (what the decoder hands over): its numbers can be read straight from its array. */
function isPlainFloat(source: BufferAttribute): boolean {
  return source.array instanceof Float32Array && !source.normalized && source.itemSize === 3;
}

/**
 * Each point of `source` moved by `m` into `out` from point `at` on: Vector3.applyMatrix4's arithmetic, operation
 * for operation (so the numbers are the same), without a call and a copy per point.
 */
function writePoints(source: BufferAttribute, m: Matrix4, out: Float32Array, at: number): void {
  if (!isPlainFloat(source)) {
    writeMoved(source, (v) => v.applyMatrix4(m), out, at);
    return;
  }
  const a = source.array as Float32Array;
  const e = m.elements;
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

/** Each normal of `source` turned by the normal matrix `n` into `out` (Vector3.applyNormalMatrix's arithmetic). */
function writeNormals(source: BufferAttribute, n: Matrix3, out: Float32Array, at: number): void {
  if (!isPlainFloat(source)) {
    writeMoved(source, (v) => v.applyNormalMatrix(n), out, at);
    return;
  }
  const a = source.array as Float32Array;
  const e = n.elements;
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

/**
 * The parts moved into one frame and merged into one indexed geometry with position, normal and colour (white
 * for a part without one). The numbers are those of cloning each part, `applyMatrix4` and three.js's
 * mergeGeometries (tested), written in one pass into the merged arrays: at start-up this runs before the first
 * frame, where the three copies and their garbage showed.
 */
export function mergeTransformedParts(parts: readonly MergePart[]): BufferGeometry {
  const geometry = new BufferGeometry();
  if (parts.length === 0) return geometry;
  let vertices = 0;
  let indices = 0;
  for (const { geometry: g } of parts) {
    vertices += g.getAttribute('position').count;
    indices += g.index ? g.index.count : 0;
  }
  const positions = new Float32Array(vertices * 3);
  const normals = new Float32Array(vertices * 3);
  const colors = new Uint8Array(vertices * 3).fill(255);
  // mergeGeometries' setIndex(number[]) picks 32 bits from 65 535 on.
  const index = vertices - 1 >= 65535 ? new Uint32Array(indices) : new Uint16Array(indices);
  let at = 0;
  let indexAt = 0;
  for (const { geometry: g, matrix } of parts) {
    const position = g.getAttribute('position') as BufferAttribute;
    const count = position.count;
    // Vector3's own arithmetic, as BufferAttribute.applyMatrix4 / applyNormalMatrix use it.
    writePoints(position, matrix, positions, at);
    const normal = g.getAttribute('normal') as BufferAttribute | undefined;
    if (normal) writeNormals(normal, turn.getNormalMatrix(matrix), normals, at);
    const color = g.getAttribute('color') as BufferAttribute | undefined;
    if (color) colors.set(color.array as Uint8Array, 3 * at);
    if (g.index) {
      const source = g.index.array;
      for (let i = 0; i < source.length; i++) index[indexAt + i] = source[i]! + at;
      indexAt += source.length;
    }
    at += count;
  }
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('normal', new BufferAttribute(normals, 3));
  geometry.setAttribute('color', new BufferAttribute(colors, 3, true));
  geometry.setIndex(new BufferAttribute(index, 1));
  setBounds(geometry, positions);
  return geometry;
}

/**
 * The bounding box and sphere three.js would compute (computeBoundingBox / computeBoundingSphere: the box's centre,
 * the farthest vertex), from the merged positions: left to three.js, they were computed in the first frame's culling.
 */
function setBounds(geometry: BufferGeometry, positions: Float32Array): void {
  const box = new Box3().setFromArray(positions);
  const center = box.getCenter(new Vector3());
  let farthest = 0;
  for (let i = 0; i < positions.length; i += 3) {
    const dx = positions[i]! - center.x;
    const dy = positions[i + 1]! - center.y;
    const dz = positions[i + 2]! - center.z;
    farthest = Math.max(farthest, dx * dx + dy * dy + dz * dz);
  }
  geometry.boundingBox = box;
  geometry.boundingSphere = new Sphere(center, Math.sqrt(farthest));
}
