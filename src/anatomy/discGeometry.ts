import { endplateBottomY, endplateTopY, outlineDistance, type BodyShape } from './bodyShape';
import { bodyShapeOf } from './boneShapes';
import { polygonizeParts, type PartMesh } from './polygonize';
import { roundedIntersection, type Sdf } from './sdf';
import { levelPose, type DiscPose, type Pose } from './spineLayout';

/**
 * Discs are smooth, plain and partly hidden between the bodies, so they get a third of the bones' triangle
 * density (their shading comes from the field's normals, not from the facets).
 */
export const DISC_TRIANGLES_PER_MM2 = 0.24;

/** Maps disc-frame points into a bone's frame (both poses in the spine frame; rotations about X only). */
function toBoneFrame(disc: Pose, bone: Pose): (x: number, y: number, z: number, out: Float64Array) => void {
  const rel = disc.rotationXRad - bone.rotationXRad;
  const c = Math.cos(rel);
  const s = Math.sin(rel);
  const cb = Math.cos(-bone.rotationXRad);
  const sb = Math.sin(-bone.rotationXRad);
  const dy = disc.position[1] - bone.position[1];
  const dz = disc.position[2] - bone.position[2];
  const ty = dy * cb - dz * sb;
  const tz = dy * sb + dz * cb;
  const tx = disc.position[0] - bone.position[0];
  return (x, y, z, out) => {
    out[0] = x + tx;
    out[1] = y * c - z * s + ty;
    out[2] = y * s + z * c + tz;
  };
}

/**
 * The disc fills the space between the caudal endplate of the bone above and the cranial endplate of the bone
 * below, dishes included, so it meets both exactly; its outline follows the two endplates and the annulus bulges a
 * little at mid-height.
 */
export function discSdf(pose: DiscPose): { sdf: Sdf; upper: BodyShape; lower: BodyShape } {
  const upper = bodyShapeOf(pose.upper);
  const lower = bodyShapeOf(pose.lower);
  const toUpper = toBoneFrame(pose, levelPose(pose.upper));
  const toLower = toBoneFrame(pose, levelPose(pose.lower));
  const pu = new Float64Array(3);
  const pl = new Float64Array(3);
  const half = pose.heightMm / 2;
  const sdf: Sdf = (x, y, z) => {
    toUpper(x, y, z, pu);
    toLower(x, y, z, pl);
    const above = pu[1]! - endplateBottomY(upper, pu[0]!, pu[2]!);
    const below = endplateTopY(lower, pl[0]!, pl[2]!) - pl[1]!;
    const t = Math.min(Math.max(0.5 + y / (2 * half), 0), 1);
    const s = Math.min(Math.abs(y) / half, 1);
    // Flush with the rims (the ring apophyses stand ≈ 0.5 mm proud of the outline, their edges rounded), the
    // annulus bulging only ≈ 0.1 mm beyond them at mid-height: a disc, not a cushion.
    const outline =
      (1 - t) * outlineDistance(lower, pl[0]!, pl[2]!) +
      t * outlineDistance(upper, pu[0]!, pu[2]!) -
      0.2 -
      0.4 * (1 - s * s);
    return roundedIntersection(outline, Math.max(above, below), 0.3);
  };
  return { sdf, upper, lower };
}

/** Mesh of one disc in its own frame (origin at the disc's mid-sagittal centre). */
export function buildDisc(pose: DiscPose): PartMesh {
  const { sdf, upper, lower } = discSdf(pose);
  const halfWidth = Math.max(upper.halfWidth, lower.halfWidth) + 1.5;
  const halfDepth = Math.max(upper.halfDepth, lower.halfDepth) + 1.5;
  const halfHeight = Math.max(pose.anteriorHeightMm, pose.posteriorHeightMm) / 2 + 2.5;
  const thinnest = Math.min(pose.anteriorHeightMm, pose.posteriorHeightMm);
  const [mesh] = polygonizeParts(
    [
      {
        name: pose.name,
        sdf,
        box: { min: [-halfWidth, -halfHeight, -halfDepth], max: [halfWidth, halfHeight, halfDepth] },
      },
    ],
    {
      stepFor: () => Math.min(Math.max(thinnest / 3.5, 0.55), 1),
      blend: 0.5,
      overlap: 0,
      trianglesPerMm2: DISC_TRIANGLES_PER_MM2,
      minTriangles: 200,
    },
  );
  return mesh!;
}
