import type { BufferGeometry, Camera, Material, Matrix4, Mesh, Vector4 } from 'three';
import type { FocusUniform } from './focusGlsl';

/** Triangles per chunk: small enough that a vertebra is a few chunks, few enough to test them all each draw. */
const CHUNK_TRIANGLES = 512;
/** Millimetres kept beyond the shader's edge: the discs move a little with a fractured endplate (discFollow.ts). */
const MARGIN_MM = 4;
/** The near edge's soft band (focusGlsl.ts: smoothstep over 0.05 focus radii before it). */
const EDGE_BAND_RADII = 0.05;

/**
 * Leaves out of a merged mesh's draw the runs of triangles that the focus cut (focusGlsl.ts) would discard whole:
 * everything nearer the camera than the focus's near edge. Discarding costs a software GPU the whole fragment
 * shader (it shades each block of pixels before it knows a pixel goes), and the section across the spine (access)
 * looks down the spine from the feet, so every vertebra below the treated one filled the view, layer on layer, to
 * be discarded: 5 s of a 6 s frame at 1920 × 1080 on the software GPU. The merged parts lie in the model's order
 * (level after level), so the kept triangles are one run of the index, set as the geometry's draw range.
 */
export class FocusCull {
  /** Per chunk: centre x, y, z and radius, in the mesh's frame; made on first use. */
  private spheres: Float32Array | null = null;
  private readonly indexCount: number;

  constructor(private readonly geometry: BufferGeometry) {
    this.indexCount = geometry.index?.count ?? 0;
  }

  /** The whole geometry (another pass, the X-ray, sees every bone). */
  full(): void {
    this.geometry.setDrawRange(0, Infinity);
  }

  /**
   * The draw range for `camera` and the focus (xyz centre, w radius, world mm) whose near edge stands
   * `nearRadii` radii in front of it (the focus reach's y).
   */
  cull(matrixWorld: Matrix4, camera: Camera, focus: Vector4, nearRadii: number): void {
    if (focus.w <= 0 || this.indexCount === 0) return this.full();
    const spheres = (this.spheres ??= chunkSpheres(this.geometry));
    const m = matrixWorld.elements;
    const c = camera.matrixWorld.elements;
    const cx = c[12]!, cy = c[13]!, cz = c[14]!; // prettier-ignore
    let ax = focus.x - cx, ay = focus.y - cy, az = focus.z - cz; // prettier-ignore
    const distance = Math.hypot(ax, ay, az);
    if (distance === 0) return this.full();
    ax /= distance;
    ay /= distance;
    az /= distance;
    const edge = distance - (nearRadii + EDGE_BAND_RADII) * focus.w - MARGIN_MM;
    const scale = matrixWorld.getMaxScaleOnAxis();
    const chunks = spheres.length / 4;
    let first = -1;
    let last = -1;
    for (let i = 0; i < chunks; i++) {
      const x = spheres[4 * i]!, y = spheres[4 * i + 1]!, z = spheres[4 * i + 2]!; // prettier-ignore
      const wx = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
      const wy = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
      const wz = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
      const along = (wx - cx) * ax + (wy - cy) * ay + (wz - cz) * az;
      if (along + spheres[4 * i + 3]! * scale < edge) continue;
      if (first < 0) first = i;
      last = i;
    }
    const size = 3 * CHUNK_TRIANGLES;
    if (first < 0) return this.geometry.setDrawRange(0, 0);
    const start = first * size;
    this.geometry.setDrawRange(start, Math.min(this.indexCount, (last + 1) * size) - start);
  }
}

/** Bounding sphere (the box's centre and half diagonal) of each chunk of CHUNK_TRIANGLES triangles. */
export function chunkSpheres(geometry: BufferGeometry): Float32Array {
  const index = geometry.index!.array;
  const p = geometry.getAttribute('position').array as ArrayLike<number>;
  const size = 3 * CHUNK_TRIANGLES;
  const chunks = Math.ceil(index.length / size);
  const out = new Float32Array(4 * chunks);
  for (let k = 0; k < chunks; k++) {
    let minX = Infinity, minY = Infinity, minZ = Infinity; // prettier-ignore
    let maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity; // prettier-ignore
    const end = Math.min(index.length, (k + 1) * size);
    for (let i = k * size; i < end; i++) {
      const v = 3 * index[i]!;
      const x = p[v]!, y = p[v + 1]!, z = p[v + 2]!; // prettier-ignore
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (z < minZ) minZ = z;
      if (z > maxZ) maxZ = z;
    }
    out[4 * k] = (minX + maxX) / 2;
    out[4 * k + 1] = (minY + maxY) / 2;
    out[4 * k + 2] = (minZ + maxZ) / 2;
    out[4 * k + 3] = Math.hypot(maxX - minX, maxY - minY, maxZ - minZ) / 2;
  }
  return out;
}

/**
 * Each draw of `mesh` with its own 3D material (`own`) leaves out what the focus cut discards whole; any other pass
 * (the X-ray's materials, swapped in for its draw) draws it all.
 */
export function cullByFocus(mesh: Mesh | null, own: Material, focus: FocusUniform): void {
  if (!mesh) return;
  const cull = new FocusCull(mesh.geometry);
  mesh.onBeforeRender = (_renderer, _scene, camera, _geometry, material) => {
    if (material === own) cull.cull(mesh.matrixWorld, camera, focus.value, focus.reach.value.y);
    else cull.full();
  };
}
