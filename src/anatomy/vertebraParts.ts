import { bodyBox, bodySdf, endplateBottomY, endplateTopY, rimHalfHeight } from './bodyShape';
import type { SdfPart } from './partField';
import { posteriorElementParts } from './posteriorElements';
import {
  boxAround,
  ellipseDistance,
  orientedBoxBounds,
  roundedIntersection,
  smoothUnionAll,
  type Box,
  type Sdf,
} from './sdf';
import { add, cross, normalize, scale, type V3 } from './vec3';
import type { VertebraParams } from './vertebraParams';
import type { PedicleLandmarks } from './vertebraLandmarks';

/** Part names of a vertebra, in the order they are emitted. */
export const VERTEBRA_PART_NAMES = [
  'body',
  'rib_facets',
  'pedicle_left',
  'pedicle_right',
  'lamina',
  'spinous',
  'transverse_left',
  'transverse_right',
  'articular',
] as const;
export type VertebraPartName = (typeof VERTEBRA_PART_NAMES)[number];

/**
 * Pedicle: an elliptical tube centred on the landmark, measured width and height at its isthmus (mid-length),
 * flaring towards the body and the posterior elements as real pedicles do. It runs a little into the body and the
 * laminae so the shapes fuse, but the pedicle part claims only its measured length between them.
 */
function pedicleSdf(p: PedicleLandmarks): { sdf: Sdf; claim: Sdf; box: Box } {
  const w = normalize(p.axis);
  const v: V3 = [0, 1, 0];
  const u = normalize(cross(v, w));
  const half = p.lengthMm / 2;
  const anteriorReach = half + 0.5 * p.widthMm * Math.abs(w[0]) + 3;
  const posteriorReach = half + 1;
  const mid = (anteriorReach - posteriorReach) / 2;
  const halfLength = (anteriorReach + posteriorReach) / 2;
  const a0 = p.widthMm / 2;
  const b0 = p.heightMm / 2;
  const radius = 0.45 * Math.min(a0, b0);
  const [cx, cy, cz] = p.center;
  const sdf: Sdf = (x, y, z) => {
    const px = x - cx;
    const py = y - cy;
    const pz = z - cz;
    const lu = px * u[0] + pz * u[2];
    const lw = px * w[0] + py * w[1] + pz * w[2];
    const t = Math.min(Math.abs(lw) / half, 1.3);
    const flare = 1 + 0.18 * t * t;
    const radial = ellipseDistance(lu, py, a0 * flare, b0 * flare);
    const axial = Math.abs(lw - mid) - halfLength;
    return roundedIntersection(radial, axial, radius);
  };
  const widest = 1 + 0.18 * 1.3 * 1.3;
  const box = orientedBoxBounds(
    add(p.center, scale(w, mid)),
    [u, v, w],
    [a0 * widest, b0 * widest, halfLength],
    0.2,
  );
  // The pedicle part runs from the posterior body wall (z) back across the canal's depth: its measured length.
  const halfDepth = half * w[2];
  const claim: Sdf = (_x, _y, z) => Math.abs(z - cz) - halfDepth;
  return { sdf, claim, box };
}

/**
 * Costal facets: low flat pads where the rib heads meet the body, at the posterolateral rim. T1–T9 carry
 * demifacets at both rims, T10 a single upper facet, T11–T12 one whole facet near the pedicle root.
 */
function ribFacetSdf(params: VertebraParams): { sdf: Sdf; centers: V3[] } | null {
  if (!params.thoracic) return null;
  const s = params.body;
  const z = -0.5 * s.halfDepth;
  const x = s.halfWidth;
  const lowerOnly = params.level === 'T11' || params.level === 'T12';
  const ys: number[] = lowerOnly
    ? [0.1 * rimHalfHeight(s, z)]
    : params.level === 'T10'
      ? [endplateTopY(s, x, z) - 2.2]
      : [endplateTopY(s, x, z) - 2.2, endplateBottomY(s, x, z) + 2.2];
  const radius = 3.2 * params.size + 0.6;
  const shapes: Sdf[] = [];
  const centers: V3[] = [];
  for (const side of [1, -1]) {
    const n = normalize([side, 0, -0.35]);
    for (const y of ys) {
      // A low pad, standing ≈ 0.8 mm proud of the wall with well-rounded edges.
      const c: V3 = [side * (x - 0.3), y, z];
      centers.push(c);
      shapes.push((px, py, pz) => {
        const dx = px - c[0];
        const dy = py - c[1];
        const dz = pz - c[2];
        const along = dx * n[0] + dz * n[2];
        const rx = dx - n[0] * along;
        const rz = dz - n[2] * along;
        const radial = Math.sqrt(rx * rx + dy * dy + rz * rz) - radius;
        return roundedIntersection(radial, Math.abs(along) - 1.1, 0.9);
      });
    }
  }
  return { sdf: smoothUnionAll(shapes, 0.5), centers };
}

/** The signed-distance parts of one vertebra in its own frame, named as in the exported model. */
export function vertebraParts(params: VertebraParams): SdfPart[] {
  const parts: SdfPart[] = [{ name: 'body', sdf: bodySdf(params.body), box: bodyBox(params.body, 0.5) }];
  const facets = ribFacetSdf(params);
  if (facets)
    parts.push({
      name: 'rib_facets',
      sdf: facets.sdf,
      box: boxAround(facets.centers, 3.2 * params.size + 2),
    });
  for (const [name, marks] of [
    ['pedicle_left', params.marks.pedicleLeft],
    ['pedicle_right', params.marks.pedicleRight],
  ] as const) {
    const ped = pedicleSdf(marks);
    parts.push({ name, sdf: ped.sdf, claim: ped.claim, box: ped.box });
  }
  parts.push(...posteriorElementParts(params));
  return parts;
}
