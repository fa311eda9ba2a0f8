import { BufferGeometry, type Vector4 } from 'three';
import { bodyHeightScale, deformedY, type FractureHeights } from '../anatomy/fractureField';
import { heightsBeforeBalloon, type FractureProfile } from '../procedure/fracture';
import { sectionOutline } from './sectionOutline';

/** The treated body's shape at one moment: its fracture field (fractureField.ts) in the level's frame. */
export interface BodyShape {
  /** Height scales at the anterior, middle and posterior lines (1 = intact). */
  scales: FractureHeights;
  /** The height that stays put (fractureAnchorMm). */
  anchorMm: number;
  /** Half the endplate's width (x) and depth (z), mm: the uBodyHalfExtent uniform. */
  halfExtent: readonly [number, number];
}

/** The body's shape when the balloon goes in (heightsBeforeBalloon), on a body `widthMm` × `depthMm`. */
export function bodyShapeBeforeBalloon(
  profile: FractureProfile,
  widthMm: number,
  depthMm: number,
): BodyShape {
  const before = heightsBeforeBalloon(profile);
  const n = profile.normal;
  return {
    scales: {
      anterior: before.anteriorMm / n.anteriorMm,
      middle: before.middleMm / n.middleMm,
      posterior: before.posteriorMm / n.posteriorMm,
    },
    anchorMm: profile.anchorMm,
    halfExtent: [widthMm / 2, depthMm / 2],
  };
}

/** How far (mm) an endplate must lie below its normal place for its line to be drawn: the walls never are. */
const MOVED_MM = 0.5;

/**
 * The collapsed endplates where the cut crosses them, as a dashed ribbon: the body's surface deformed on the CPU
 * by the same field the vertex shader applies (fractureField.ts), sectioned by the cut plane, keeping only the
 * more-level-than-steep segments that the fracture moved (the endplates that gave way, not the walls). Made once
 * per shape; the caller disposes of it.
 */
export function collapsedEndplateOutline(
  geometry: BufferGeometry,
  plane: Vector4,
  shape: BodyShape,
  widthMm: number,
  liftMm: number,
  dashMm: number,
): BufferGeometry {
  return endplateOutline(geometry, plane, shape, 'collapsed', widthMm, liftMm, dashMm);
}

/**
 * The same endplates where they belong (the body's normal shape), solid: only the segments the fracture moves, so
 * beside the collapsed line it draws the height lost and nothing of the walls. Made once per shape; the caller
 * disposes of it.
 */
export function normalEndplateOutline(
  geometry: BufferGeometry,
  plane: Vector4,
  shape: BodyShape,
  widthMm: number,
  liftMm: number,
): BufferGeometry {
  return endplateOutline(geometry, plane, shape, 'normal', widthMm, liftMm);
}

function endplateOutline(
  geometry: BufferGeometry,
  plane: Vector4,
  shape: BodyShape,
  where: 'collapsed' | 'normal',
  widthMm: number,
  liftMm: number,
  dashMm?: number,
): BufferGeometry {
  const source = geometry.getAttribute('position');
  const position = source.clone();
  const [halfWidth, halfDepth] = shape.halfExtent;
  const scaleAt = (x: number, z: number) => bodyHeightScale(z / halfDepth, x / halfWidth, shape.scales);
  if (where === 'collapsed') {
    for (let i = 0; i < position.count; i++) {
      const scale = scaleAt(position.getX(i), position.getZ(i));
      position.setY(i, deformedY(position.getY(i), scale, shape.anchorMm));
    }
  }
  const surface = new BufferGeometry();
  surface.setAttribute('position', position);
  const index = geometry.getIndex();
  if (index) surface.setIndex(index);
  const keep = (a: readonly number[], b: readonly number[]) => {
    const run = Math.hypot(b[0]! - a[0]!, b[2]! - a[2]!);
    if (Math.abs(b[1]! - a[1]!) > run) return false;
    const x = (a[0]! + b[0]!) / 2;
    const y = (a[1]! + b[1]!) / 2;
    const z = (a[2]! + b[2]!) / 2;
    const scale = Math.max(scaleAt(x, z), 0.05);
    // A point y moves to y′ = anchor + (y − anchor)·s, (y − anchor)(1 − s) from where it was; seen from the
    // deformed point, that is (y′ − anchor)(1/s − 1).
    const moved =
      where === 'normal' ? (y - shape.anchorMm) * (1 - scale) : (y - shape.anchorMm) * (1 / scale - 1);
    return Math.abs(moved) > MOVED_MM;
  };
  const outline = sectionOutline(surface, plane, widthMm, liftMm, { keep, ...(dashMm && { dashMm }) });
  surface.dispose();
  return outline;
}
