import { fieldNormal, PartField, type SdfPart } from './partField';
import { simplifyMesh } from './simplifyMesh';
import { gridAround, sampleField, surfaceNets, type RawMesh } from './surfaceNets';

/** A finished part mesh in its bone's frame (mm). */
export interface PartMesh {
  name: string;
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
  /** Baked ambient occlusion per vertex, 0 … 255 for 0 … 1 (set by buildSpineMeshes; see ambientOcclusion.ts). */
  occlusion?: Uint8Array;
}

export interface PolygonizeOptions {
  /** Grid spacing (mm) for a part; small parts get finer grids. */
  stepFor: (part: SdfPart) => number;
  /** Width of the fillets where parts meet (mm). */
  blend: number;
  /** How far each part's region reaches into its neighbours' (mm), so seams never show a crack. */
  overlap: number;
  /** Triangle density after simplification (triangles per mm² of surface). */
  trianglesPerMm2: number;
  minTriangles: number;
}

/** Bound on how fast a part field changes (region fields are differences of two distances). */
const LIPSCHITZ = 2.2;

export function meshArea(mesh: RawMesh): number {
  const p = mesh.positions;
  const ix = mesh.indices;
  let area = 0;
  for (let f = 0; f < ix.length; f += 3) {
    const a = 3 * ix[f]!;
    const b = 3 * ix[f + 1]!;
    const c = 3 * ix[f + 2]!;
    const ux = p[b]! - p[a]!,
      uy = p[b + 1]! - p[a + 1]!,
      uz = p[b + 2]! - p[a + 2]!;
    const vx = p[c]! - p[a]!,
      vy = p[c + 1]! - p[a + 1]!,
      vz = p[c + 2]! - p[a + 2]!;
    area += Math.hypot(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx) / 2;
  }
  return area;
}

/**
 * Polygonise every part of a bone: sample its field near the surface, run surface nets, simplify to the triangle
 * budget, then take normals from the field's gradient. Vertices on the outer surface use the whole bone's
 * gradient, so shading runs on unbroken across the seams between parts.
 */
export function polygonizeParts(parts: readonly SdfPart[], options: PolygonizeOptions): PartMesh[] {
  const field = new PartField(parts, options.blend, options.overlap);
  return parts.map((part, index) => {
    const step = options.stepFor(part);
    const own = field.fieldOf(index);
    const grid = gridAround(part.box, step, options.blend + 2 * step);
    const raw = surfaceNets(sampleField(own, grid, LIPSCHITZ), grid);
    const target = Math.max(options.minTriangles, Math.round(meshArea(raw) * options.trianglesPerMm2));
    const mesh = raw.indices.length / 3 > target ? simplifyMesh(raw, target) : raw;
    const count = mesh.positions.length / 3;
    const normals = new Float32Array(3 * count);
    const e = 0.25 * step;
    for (let v = 0; v < count; v++) {
      const x = mesh.positions[3 * v]!;
      const y = mesh.positions[3 * v + 1]!;
      const z = mesh.positions[3 * v + 2]!;
      const onOuterSurface = Math.abs(field.whole(x, y, z)) < 0.3 * step;
      normals.set(fieldNormal(onOuterSurface ? field.whole : own, x, y, z, e), 3 * v);
    }
    return {
      name: part.name,
      positions: Float32Array.from(mesh.positions),
      normals,
      indices: mesh.indices,
    };
  });
}
