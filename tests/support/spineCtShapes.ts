/**
 * The generated spine's own signed-distance shapes, placed in the scene's world frame (prone, treated level at the
 * origin: +X patient's left, +Y posterior, +Z head — DICOM LPS less the target), for sampling into a synthetic CT.
 * The same shapes the model generator polygonises (vertebraShapes, discSdf), posed by the same layout
 * (levelPose, allDiscs) and turned by the same transform as the scene (SpineScene.tsx, spineFrames.ts):
 * world = Rx(90°)·Rx(−r_treated)·(p − c_treated), p in the spine frame (+X left, +Y cranial, +Z anterior).
 */
import type { LevelId } from '../../src/anatomy/levels';
import { levelDimensions } from '../../src/anatomy/morphometry';
import { buildRibs } from '../../src/anatomy/ribs';
import { discSdf } from '../../src/anatomy/discGeometry';
import { vertebraShapes } from '../../src/anatomy/buildVertebra';
import { PartField } from '../../src/anatomy/partField';
import { taperedCapsule, type Box, type Sdf } from '../../src/anatomy/sdf';
import { allDiscs, levelPose, type Pose } from '../../src/anatomy/spineLayout';

/**
 * Cortical shell thicknesses (mm) as a CT resolves them: the body's 0.4 mm shell reads as ≈ 1 mm of cortex through
 * the scanner's blur; posterior elements 1–2 mm walls (Kothe 1996); the spinous process a plate that is mostly
 * cortex; rib cortex ≈ 1–1.5 mm (Holcombe 2023).
 */
const BODY_CORTEX_MM = 1.2;
const POSTERIOR_CORTEX_MM = 1.8;
const SPINOUS_CORTEX_MM = 2.5;
const RIB_CORTEX_MM = 1.3;
/** The midline band behind the canal that is spinous process (as attenuation.ts' SPINOUS_HALF_WIDTH_MM). */
const SPINOUS_HALF_WIDTH_MM = 6;

/** A shape in its own frame, the box that holds it there, and how its frame sits in the world. */
export interface PlacedShape {
  name: string;
  /** Negative inside (mm), in the shape's own frame. */
  sdf: Sdf;
  box: Box;
  /** World → own frame, into `out` (allocation-free: called per voxel). */
  toLocal: (x: number, y: number, z: number, out: Float64Array) => void;
  /**
   * Thickness (mm) of the cortical shell at a point of the own frame: vertebral bodies have a thin shell, the
   * posterior elements are largely cortical bone (pedicle walls 1–2 mm, Kothe 1996, Spine 21:1018), the spinous
   * process most of all (src/fluoro/attenuation.ts' CORTEX_REGION_MM reasons the same way).
   */
  cortexMm: (x: number, y: number, z: number) => number;
  /** Own frame → world (for the box's corners). */
  toWorld: (x: number, y: number, z: number) => [number, number, number];
}

/**
 * The rigid map between a pose's frame (a bone or a disc in the spine frame) and the world of a treated level.
 * Everything turns about X only, so the map is a rotation about X by (r_pose − r_treated − 90°)… written out.
 */
function placement(pose: Pose, treated: Pose): Pick<PlacedShape, 'toLocal' | 'toWorld'> {
  // Spine frame relative to the treated centre, turned by −r_treated: p″ = Rx(−r_t)·(p − c_t); world = Rx(90°)·p″,
  // i.e. world (x, y, z) = (p″x, −p″z, p″y). A pose's own frame: p = c + Rx(r)·q.
  const a = pose.rotationXRad - treated.rotationXRad;
  const ca = Math.cos(a);
  const sa = Math.sin(a);
  const ct = Math.cos(-treated.rotationXRad);
  const st = Math.sin(-treated.rotationXRad);
  const dx = pose.position[0] - treated.position[0];
  const dy = pose.position[1] - treated.position[1];
  const dz = pose.position[2] - treated.position[2];
  // The pose's centre in the turned spine frame (p″ of q = 0).
  const ox = dx;
  const oy = dy * ct - dz * st;
  const oz = dy * st + dz * ct;
  return {
    toLocal: (x, y, z, out) => {
      // World → p″ (inverse of Rx(90°)): p″ = (x, z, −y); then q = Rx(−a)·(p″ − o).
      const px = x - ox;
      const py = z - oy;
      const pz = -y - oz;
      out[0] = px;
      out[1] = py * ca + pz * sa;
      out[2] = -py * sa + pz * ca;
    },
    toWorld: (qx, qy, qz) => {
      const py = qy * ca - qz * sa + oy;
      const pz = qy * sa + qz * ca + oz;
      return [qx + ox, -pz, py];
    },
  };
}

/** A generated vertebra as one field: the smooth union of its parts, exactly as the generator joins them. */
function vertebraShape(level: LevelId, treated: Pose): PlacedShape {
  const { parts, options } = vertebraShapes(levelDimensions(level));
  const field = new PartField(parts, options.blend, options.overlap);
  const pad = options.blend;
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const { box } of parts)
    for (let a = 0; a < 3; a++) {
      min[a] = Math.min(min[a]!, box.min[a]! - pad);
      max[a] = Math.max(max[a]!, box.max[a]! + pad);
    }
  const behindBody = -levelDimensions(level).endplateDepthMm / 2;
  const cortexMm = (x: number, _y: number, z: number) =>
    z > behindBody
      ? BODY_CORTEX_MM
      : Math.abs(x) < SPINOUS_HALF_WIDTH_MM
        ? SPINOUS_CORTEX_MM
        : POSTERIOR_CORTEX_MM;
  return {
    name: level,
    sdf: field.whole,
    box: { min, max },
    cortexMm,
    ...placement(levelPose(level), treated),
  };
}

/**
 * A thoracic level's ribs: the generated rib is a swept tube (ribs.ts), not a field, so each is rebuilt as tapered
 * capsules through its mesh's station rings (8 vertices each, after the start pole and its 2 cap rings), their
 * radius the ring's mean radius: the same centreline and section area, within a fraction of a millimetre.
 */
function ribShapes(level: LevelId, treated: Pose): PlacedShape[] {
  const SIDES = 8;
  const CAP_RINGS = 2;
  return buildRibs(level).map((mesh) => {
    const p = mesh.positions;
    const rings = (p.length / 3 - 2) / SIDES - 2 * CAP_RINGS;
    const centres: [number, number, number][] = [];
    const radii: number[] = [];
    for (let r = 0; r < rings; r++) {
      const first = 1 + (CAP_RINGS + r) * SIDES;
      const c: [number, number, number] = [0, 0, 0];
      for (let v = 0; v < SIDES; v++) for (let a = 0; a < 3; a++) c[a]! += p[3 * (first + v) + a]! / SIDES;
      let radius = 0;
      for (let v = 0; v < SIDES; v++)
        radius += Math.hypot(...[0, 1, 2].map((a) => p[3 * (first + v) + a]! - c[a]!)) / SIDES;
      centres.push(c);
      radii.push(radius);
    }
    const capsules = centres.slice(1).map((c, i) => taperedCapsule(centres[i]!, c, radii[i]!, radii[i + 1]!));
    const sdf: Sdf = (x, y, z) => {
      let d = Infinity;
      for (const capsule of capsules) d = Math.min(d, capsule(x, y, z));
      return d;
    };
    const pad = Math.max(...radii) + 1;
    const min = [0, 1, 2].map((a) => Math.min(...centres.map((c) => c[a]!)) - pad) as [
      number,
      number,
      number,
    ];
    const max = [0, 1, 2].map((a) => Math.max(...centres.map((c) => c[a]!)) + pad) as [
      number,
      number,
      number,
    ];
    return {
      name: `${level}_${mesh.name}`,
      sdf,
      box: { min, max },
      cortexMm: () => RIB_CORTEX_MM,
      ...placement(levelPose(level), treated),
    };
  });
}

/** Every bone (vertebra and ribs) of `levels`, in the world of `treated`. */
export function boneShapes(levels: readonly LevelId[], treated: LevelId): PlacedShape[] {
  const t = levelPose(treated);
  return levels.flatMap((level) => [vertebraShape(level, t), ...ribShapes(level, t)]);
}

/** The discs between adjacent `levels`, in the world of `treated`. */
export function discShapes(levels: readonly LevelId[], treated: LevelId): PlacedShape[] {
  const t = levelPose(treated);
  return allDiscs()
    .filter((d) => levels.includes(d.upper) && levels.includes(d.lower as LevelId))
    .map((pose) => {
      const { sdf, upper, lower } = discSdf(pose);
      // As buildDisc's box: the wider endplate, the taller side, a margin for the annulus' bulge.
      const halfWidth = Math.max(upper.halfWidth, lower.halfWidth) + 1.5;
      const halfDepth = Math.max(upper.halfDepth, lower.halfDepth) + 1.5;
      const halfHeight = Math.max(pose.anteriorHeightMm, pose.posteriorHeightMm) / 2 + 2.5;
      return {
        name: pose.name,
        sdf,
        box: { min: [-halfWidth, -halfHeight, -halfDepth], max: [halfWidth, halfHeight, halfDepth] },
        cortexMm: () => 0,
        ...placement(pose, t),
      };
    });
}

/** The world box (mm) that holds a placed shape: its box's eight corners mapped to the world. */
export function worldBox(shape: PlacedShape): Box {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  const { min: lo, max: hi } = shape.box;
  for (const x of [lo[0], hi[0]])
    for (const y of [lo[1], hi[1]])
      for (const z of [lo[2], hi[2]]) {
        const w = shape.toWorld(x, y, z);
        for (let a = 0; a < 3; a++) {
          min[a] = Math.min(min[a]!, w[a]!);
          max[a] = Math.max(max[a]!, w[a]!);
        }
      }
  return { min, max };
}
