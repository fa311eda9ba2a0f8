import { BufferAttribute, BufferGeometry } from 'three';

/**
 * Thickness of the cortical shell drawn on a cut through a vertebral body, mm. Measured shells are thinner —
 * about 0.35–0.4 mm in lumbar bodies (Silva et al. 1994, Bone 15:409; older and osteoporotic bodies thinner
 * still) — but at the viewer's scale (≈ 3–12 pixels per mm) a true-to-life rim would be a hairline or vanish, so it is
 * drawn about two and a half times as thick: it reads as the shell a surgeon expects to see, and the cancellous
 * core stays by far the larger part of the cut.
 */
export const CUT_CORTEX_MM = 0.9;

/**
 * A copy of a closed surface moved inwards along its vertex normals by `depthMm`: the inner boundary of a shell
 * of that thickness. Only position and normal are kept (the copy is never textured by vertex colour or uv); the
 * index is shared in layout, so the copy has the same triangles. Smooth vertex normals are required: where a
 * surface is split at a crease the two copies of a vertex move apart, which at sub-millimetre depths leaves
 * hairline gaps at most.
 */
export function insetAlongNormals(geometry: BufferGeometry, depthMm: number): BufferGeometry {
  const position = geometry.getAttribute('position');
  const normal = geometry.getAttribute('normal');
  if (!position || !normal) throw new Error('insetAlongNormals: the geometry needs position and normal');
  const count = position.count;
  const positions = new Float32Array(count * 3);
  const normals = new Float32Array(count * 3);
  for (let i = 0; i < count; i++) {
    let nx = normal.getX(i);
    let ny = normal.getY(i);
    let nz = normal.getZ(i);
    const length = Math.hypot(nx, ny, nz) || 1;
    nx /= length;
    ny /= length;
    nz /= length;
    positions[i * 3] = position.getX(i) - nx * depthMm;
    positions[i * 3 + 1] = position.getY(i) - ny * depthMm;
    positions[i * 3 + 2] = position.getZ(i) - nz * depthMm;
    normals[i * 3] = nx;
    normals[i * 3 + 1] = ny;
    normals[i * 3 + 2] = nz;
  }
  const inset = new BufferGeometry();
  inset.setAttribute('position', new BufferAttribute(positions, 3));
  inset.setAttribute('normal', new BufferAttribute(normals, 3));
  const index = geometry.getIndex();
  if (index) inset.setIndex(new BufferAttribute(index.array.slice(), 1));
  inset.computeBoundingSphere();
  return inset;
}
