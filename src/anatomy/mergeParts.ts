import { BufferAttribute, BufferGeometry, type Matrix4 } from 'three';
import { mergeArrays } from './mergeArrays';
import { mergedGeometry } from './mergedGeometry';

/** One prepared part mesh (float position and normal, RGB byte colour) and the matrix into the merged frame. */
export interface MergePart {
  geometry: BufferGeometry;
  matrix: Matrix4;
}

/** An attribute's numbers as a plain float array, three per vertex (prepared parts already are). */
function floats(attribute: BufferAttribute): Float32Array {
  if (attribute.array instanceof Float32Array && !attribute.normalized && attribute.itemSize === 3)
    return attribute.array;
  const out = new Float32Array(attribute.count * 3);
  for (let i = 0; i < attribute.count; i++) {
    out[3 * i] = attribute.getX(i);
    out[3 * i + 1] = attribute.getY(i);
    out[3 * i + 2] = attribute.getZ(i);
  }
  return out;
}

/**
 * The parts moved into one frame and merged into one indexed geometry with position, normal and colour (white
 * for a part without one). The numbers are those of cloning each part, `applyMatrix4` and three.js's
 * mergeGeometries (tested), written in one pass into the merged arrays: at start-up this runs before the first
 * frame, where the three copies and their garbage showed.
 */
export function mergeTransformedParts(parts: readonly MergePart[]): BufferGeometry {
  if (parts.length === 0) return new BufferGeometry();
  return mergedGeometry(
    mergeArrays(
      parts.map(({ geometry, matrix }) => {
        const normal = geometry.getAttribute('normal') as BufferAttribute | undefined;
        const color = geometry.getAttribute('color') as BufferAttribute | undefined;
        return {
          positions: floats(geometry.getAttribute('position') as BufferAttribute),
          normals: normal && floats(normal),
          colors: color?.array as Uint8Array | undefined,
          index: geometry.index?.array,
          matrix: matrix.elements,
        };
      }),
    ),
  );
}
