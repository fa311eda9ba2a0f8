import { endplateTopY, rimHalfHeight } from './bodyShape';
import { adjacentLevel } from './levels';
import { levelDimensions } from './morphometry';
import { smoothMax, type Sdf } from './sdf';
import type { V3 } from './vec3';
import type { VertebraParams } from './vertebraParams';

/**
 * Costovertebral joints of the thoracic levels. Standard anatomy (e.g. Gray's Anatomy, thoracic vertebrae): the
 * heads of ribs 2–9 sit on the disc between two bodies and meet a demifacet on each (the upper rim of their own
 * vertebra, the lower rim of the one above); rib 1 and rib 10 meet a single facet at the upper part of their own
 * body, ribs 11 and 12 a whole facet on their own body next to the pedicle root. The facets are shallow flat pits
 * in the cortex, not pads, so the rib head rests in them.
 */

/** Radius of a rib head (mm), scaled with the body; ≈ 5 mm mid-thoracic. */
export function ribHeadRadiusMm(params: VertebraParams): number {
  return 3.6 + 0.06 * params.dims.endplateWidthMm;
}

/** How deep a facet pit sinks into the cortex (mm). */
const PIT_DEPTH_MM = 0.8;

/** Rib number articulating with a thoracic level's own upper facet (T1 → 1 …). */
function ribNumber(params: VertebraParams): number {
  return Number(params.level.slice(1));
}

function discHeightAboveMm(params: VertebraParams): number {
  const above = adjacentLevel(params.level, -1);
  return above ? levelDimensions(above).discHeightBelowMm : 0;
}

/** Depth (z) at which the rib heads meet the body: the posterolateral wall, just in front of the pedicle root. */
function facetZ(params: VertebraParams, rib: number): number {
  return (rib >= 11 ? -0.62 : -0.5) * params.body.halfDepth;
}

/**
 * Centre of the head of the level's own rib (side +1 left, −1 right) in the vertebra's frame: touching the pit in
 * the body wall, and for ribs 2–9 at mid-height of the disc above so it meets both demifacets.
 */
export function ribHeadCentre(params: VertebraParams, side: 1 | -1): V3 {
  const s = params.body;
  const rib = ribNumber(params);
  const z = facetZ(params, rib);
  const r = ribHeadRadiusMm(params);
  const y =
    rib >= 2 && rib <= 9
      ? rimHalfHeight(s, z) + discHeightAboveMm(params) / 2
      : rib >= 11
        ? 0.15 * rimHalfHeight(s, z)
        : endplateTopY(s, s.halfWidth, z) - r + 1.2;
  return [side * (s.halfWidth + r - PIT_DEPTH_MM), y, z];
}

/**
 * Every rib head that presses a pit into this level's body (centres in the vertebra's frame): its own rib on both
 * sides, and at T1–T8 the next rib down, whose head sits on the disc below.
 */
export function costalPitCentres(params: VertebraParams): V3[] {
  if (!params.thoracic) return [];
  const s = params.body;
  const rib = ribNumber(params);
  const out: V3[] = [];
  for (const side of [1, -1] as const) {
    out.push(ribHeadCentre(params, side));
    if (rib <= 8) {
      const z = facetZ(params, rib + 1);
      const y = -rimHalfHeight(s, z) - params.dims.discHeightBelowMm / 2;
      out.push([side * (s.halfWidth + ribHeadRadiusMm(params) - PIT_DEPTH_MM), y, z]);
    }
  }
  return out;
}

/** The body with its costal facets pressed in: each pit a sphere of the rib head's size, edges softened. */
export function withCostalPits(body: Sdf, params: VertebraParams): Sdf {
  const centres = costalPitCentres(params);
  if (centres.length === 0) return body;
  const r = ribHeadRadiusMm(params) + 0.2;
  return (x, y, z) => {
    let d = body(x, y, z);
    for (const c of centres) {
      const dx = x - c[0];
      const dy = y - c[1];
      const dz = z - c[2];
      const q = dx * dx + dy * dy + dz * dz;
      if (q > (r + 2) * (r + 2)) continue;
      d = smoothMax(d, r - Math.sqrt(q), 0.8);
    }
    return d;
  };
}
