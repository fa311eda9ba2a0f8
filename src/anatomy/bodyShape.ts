import { ellipseDistance, roundedIntersection, type Box, type Sdf } from './sdf';

/**
 * Shape of a vertebral body in its own frame (origin at the body centre, +Y cranial, +Z anterior, +X left).
 * The rims of both endplates are planes through the measured anterior and posterior heights, so the body is
 * wedged exactly as the data say; the endplates dish inwards inside the rim.
 */
export interface BodyShape {
  halfWidth: number;
  halfDepth: number;
  heightAnterior: number;
  heightPosterior: number;
  /** Depth of the dish in the cranial endplate at its centre (Wang 2012: 1.5 mm lumbar mean). */
  cranialConcavity: number;
  /** Depth of the dish in the caudal endplate (Wang 2012: 0.7 mm). */
  caudalConcavity: number;
  /** Inward sweep of the anterior and lateral cortex at mid-height (the "waist"). */
  waist: number;
  /**
   * How far the ring apophysis (the rim of the endplate, fused to the body in the adult) stands out from the wall
   * just below the rim, so the rim reads as a slightly raised lip over the waisted side.
   */
  ringLip: number;
  /** Rounding of the rim where the cortex meets the endplate. */
  edgeRadius: number;
  /** Radius of the posterolateral corners of the outline; the posterior wall is straight between them. */
  cornerRadius: number;
  /** How far the middle of the posterior wall bows forward (kidney shape). */
  posteriorConcavity: number;
  /** Narrowing of the front of the outline (thoracic bodies are heart-shaped): 0 = oval front. */
  anteriorTaper: number;
}

/** The endplate dish covers the central ~70 % of the endplate (Wang 2012); 1 at the centre, 0 from there out. */
function dish(s: BodyShape, x: number, z: number): number {
  const u = x / (0.7 * s.halfWidth);
  const v = z / (0.7 * s.halfDepth);
  const r2 = u * u + v * v;
  return r2 < 1 ? (1 - r2) * (1 - r2) : 0;
}

/** Half the rim-to-rim height at depth z (linear between the measured posterior and anterior heights). */
export function rimHalfHeight(s: BodyShape, z: number): number {
  return (
    (s.heightAnterior + s.heightPosterior) / 4 +
    ((s.heightAnterior - s.heightPosterior) / (4 * s.halfDepth)) * z
  );
}

export function endplateTopY(s: BodyShape, x: number, z: number): number {
  return rimHalfHeight(s, z) - s.cranialConcavity * dish(s, x, z);
}

export function endplateBottomY(s: BodyShape, x: number, z: number): number {
  return -rimHalfHeight(s, z) + s.caudalConcavity * dish(s, x, z);
}

/** Signed distance to the endplate outline in the axial plane: straight-backed kidney, oval front. */
export function outlineDistance(s: BodyShape, x: number, z: number): number {
  const a = s.halfWidth;
  const b = s.halfDepth;
  if (z >= 0) {
    const xs = x * (1 + (s.anteriorTaper * z) / b);
    return ellipseDistance(xs, z, a, b);
  }
  const t = x / (0.5 * a);
  const bow = t * t < 1 ? s.posteriorConcavity * (1 - t * t) * (1 - t * t) : 0;
  const r = s.cornerRadius;
  const qx = Math.abs(x) - a + r;
  const qz = Math.abs(z - bow) - b + r;
  const mx = qx > 0 ? qx : 0;
  const mz = qz > 0 ? qz : 0;
  return Math.sqrt(mx * mx + mz * mz) + Math.min(Math.max(qx, qz), 0) - r;
}

function smoothstep(e0: number, e1: number, v: number): number {
  const t = Math.min(Math.max((v - e0) / (e1 - e0), 0), 1);
  return t * t * (3 - 2 * t);
}

/**
 * Inward offset of the cortex: deepest at mid-height, none at the rims and none on the posterior wall; within
 * ≈ 2.5 mm of each rim the ring apophysis stands out a little (negative offset).
 */
function waistOffset(s: BodyShape, y: number, z: number): number {
  const h = (s.heightAnterior + s.heightPosterior) / 4;
  const t = Math.min((y * y) / (h * h), 1);
  const fromRim = Math.max(rimHalfHeight(s, z) - Math.abs(y), 0);
  const lip = Math.max(1 - fromRim / 2.5, 0);
  return s.waist * (1 - t) * (1 - t) * smoothstep(-0.7 * s.halfDepth, 0, z) - s.ringLip * lip * lip;
}

export function bodySdf(s: BodyShape): Sdf {
  return (x, y, z) => {
    const radial = outlineDistance(s, x, z) + waistOffset(s, y, z);
    const axial = Math.max(y - endplateTopY(s, x, z), endplateBottomY(s, x, z) - y);
    return roundedIntersection(radial, axial, s.edgeRadius);
  };
}

export function bodyBox(s: BodyShape, pad: number): Box {
  const h = Math.max(s.heightAnterior, s.heightPosterior) / 2 + pad;
  return {
    min: [-s.halfWidth - pad, -h, -s.halfDepth - pad],
    max: [s.halfWidth + pad, h, s.halfDepth + pad],
  };
}
