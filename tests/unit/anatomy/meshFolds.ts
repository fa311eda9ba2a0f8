import { faceNormal } from '../../../src/anatomy/collapseChecks';
import type { MeshLike } from './meshMeasure';

/** Cosine below which two triangles sharing an edge count as folded onto each other (more than 120° apart). */
const FOLD_COSINE = -0.5;

function unitNormal(p: ArrayLike<number>, ix: ArrayLike<number>, f: number): [number, number, number] {
  const n = faceNormal(p, ix[3 * f]!, ix[3 * f + 1]!, ix[3 * f + 2]!);
  const length = Math.hypot(...n) || 1;
  return [n[0] / length, n[1] / length, n[2] / length];
}

/**
 * Edges whose two triangles face more than 120° apart: a surface folded back over itself, which renders as a torn
 * flap. Edges shared by more than two triangles (where a thin plate pinches) are not counted.
 */
export function foldedEdges(mesh: MeshLike): number {
  const ix = mesh.indices;
  const byEdge = new Map<string, number[]>();
  for (let f = 0; f < ix.length / 3; f++) {
    for (let e = 0; e < 3; e++) {
      const a = ix[3 * f + e]!;
      const b = ix[3 * f + ((e + 1) % 3)]!;
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      const list = byEdge.get(key);
      if (list) list.push(f);
      else byEdge.set(key, [f]);
    }
  }
  let folded = 0;
  for (const faces of byEdge.values()) {
    if (faces.length !== 2) continue;
    const n = unitNormal(mesh.positions, ix, faces[0]!);
    const m = unitNormal(mesh.positions, ix, faces[1]!);
    if (n[0] * m[0] + n[1] * m[1] + n[2] * m[2] < FOLD_COSINE) folded++;
  }
  return folded;
}
