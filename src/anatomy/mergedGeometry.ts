import { Box3, BufferAttribute, BufferGeometry, Sphere, Vector3 } from 'three';
import type { MergedArrays } from './mergeArrays';

/** Merged arrays (mergeArrays.ts, here or in the decoding worker) as one indexed geometry with its bounds. */
export function mergedGeometry(merged: MergedArrays): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(merged.positions, 3));
  geometry.setAttribute('normal', new BufferAttribute(merged.normals, 3));
  geometry.setAttribute('color', new BufferAttribute(merged.colors, 3, true));
  geometry.setIndex(new BufferAttribute(merged.index, 1));
  // Left to three.js, the bounds were computed in the first frame's culling.
  const [x0, y0, z0, x1, y1, z1] = merged.box;
  const [cx, cy, cz, radius] = merged.sphere;
  geometry.boundingBox = new Box3(new Vector3(x0, y0, z0), new Vector3(x1, y1, z1));
  geometry.boundingSphere = new Sphere(new Vector3(cx, cy, cz), radius);
  return geometry;
}
