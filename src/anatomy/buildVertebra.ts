import type { LevelDimensions } from './morphometry';
import type { SdfPart } from './partField';
import { polygonizeParts, type PartMesh, type PolygonizeOptions } from './polygonize';
import { vertebraParams } from './vertebraParams';
import { vertebraParts } from './vertebraParts';

/** Mesh density of the exported bones; the whole spine stays inside its triangle budget at this density. */
export const BONE_TRIANGLES_PER_MM2 = 0.65;

/**
 * How far each part reaches into its neighbours. Parts are polygonised on grids of different spacing, so their
 * seams can differ by about half a grid step; overlapping by more than that leaves no visible crack.
 */
const PART_OVERLAP_MM = 0.7;

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

/**
 * The signed-distance parts of one vertebra in its own frame and how they are polygonised (grid steps, blend,
 * overlap, density). Throws, naming the level and the field, when a dimension is missing or invalid.
 */
export function vertebraShapes(
  dims: LevelDimensions,
  projectionMm?: number | null,
): { parts: SdfPart[]; options: PolygonizeOptions } {
  const params = vertebraParams(dims, projectionMm);
  const parts = vertebraParts(params);
  const options: PolygonizeOptions = {
    stepFor: (part) => {
      if (part.name === 'body') return clamp(0.027 * dims.endplateWidthMm, 0.7, 1.1);
      if (part.name.startsWith('pedicle'))
        return clamp(Math.min(dims.pedicleWidthMm, dims.pedicleHeightMm) / 7, 0.55, 1);
      return clamp(0.9 * params.size + 0.1, 0.72, 0.95);
    },
    blend: 2.5 * Math.max(params.size, 0.8),
    overlap: PART_OVERLAP_MM,
    trianglesPerMm2: BONE_TRIANGLES_PER_MM2,
    minTriangles: 120,
  };
  return { parts, options };
}

/**
 * Build the part meshes of one vertebra in its own frame (origin at the body centre, +Y cranial, +Z anterior,
 * +X left). Throws, naming the level and the field, when a dimension is missing or invalid.
 */
export function buildVertebra(dims: LevelDimensions, projectionMm?: number | null): PartMesh[] {
  const { parts, options } = vertebraShapes(dims, projectionMm);
  return polygonizeParts(parts, options);
}
