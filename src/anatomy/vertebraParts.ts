import { bodyBox, bodySdf } from './bodyShape';
import { withCostalPits } from './costalFacets';
import type { SdfPart } from './partField';
import { posteriorElementParts } from './posteriorElements';
import { ellipseDistance, orientedBoxBounds, roundedIntersection, type Box, type Sdf } from './sdf';
import { add, cross, normalize, scale, type V3 } from './vec3';
import type { VertebraParams } from './vertebraParams';
import type { PedicleLandmarks } from './vertebraLandmarks';

/** Part names of a vertebra, in the order they are emitted. */
export const VERTEBRA_PART_NAMES = [
  'body',
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
 * How much the pedicle's section grows towards its ends (× t² at the ends, t = ±1). Pedicle width and height are
 * measured at the isthmus, and the isthmus runs most of the pedicle's length; a stronger flare made the sections
 * near the body 12–13 % taller than the table at L3–L5. The fillets to the body and laminae supply the rest.
 */
const PEDICLE_FLARE = 0.06;

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
    const flare = 1 + PEDICLE_FLARE * t * t;
    const radial = ellipseDistance(lu, py, a0 * flare, b0 * flare);
    const axial = Math.abs(lw - mid) - halfLength;
    return roundedIntersection(radial, axial, radius);
  };
  const widest = 1 + PEDICLE_FLARE * 1.3 * 1.3;
  const box = orientedBoxBounds(
    add(p.center, scale(w, mid)),
    [u, v, w],
    [a0 * widest, b0 * widest, halfLength],
    0.2,
  );
  // The pedicle part runs its measured length, from the posterior body wall (a plane of constant z, where the body
  // part takes over) back across the canal's depth. Its posterior end is cut square to its own axis, so every
  // section across the pedicle there is whole (cut square to z, oblique pedicles such as T1's had partial sections
  // at that end, 6.9 mm wide at T1 instead of 9.3).
  const halfDepth = half * w[2];
  const claim: Sdf = (x, _y, z) => Math.max(z - cz - halfDepth, -((x - cx) * w[0] + (z - cz) * w[2]) - half);
  return { sdf, claim, box };
}

/** The signed-distance parts of one vertebra in its own frame, named as in the exported model. */
export function vertebraParts(params: VertebraParams): SdfPart[] {
  // Thoracic bodies carry their costal facets as shallow pits where the rib heads rest (costalFacets.ts).
  const body = withCostalPits(bodySdf(params.body), params);
  const parts: SdfPart[] = [{ name: 'body', sdf: body, box: bodyBox(params.body, 0.5) }];
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
