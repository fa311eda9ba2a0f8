/**
 * Baked ambient occlusion: how much of the open space around each vertex is taken by bone or disc, from the
 * signed-distance fields the meshes were made from. Along the vertex normal the field is sampled at a few
 * distances d_i; on an open or convex surface the field there is d_i itself, in a crevice something nearer takes
 * part of that distance away. The shortfalls, weighted 1/2^i (near samples count most), give
 *
 *     occlusion = Σ_i max(0, (1 − SLACK)·d_i − field(p + n·d_i)) / 2^i               (mm)
 *     ao        = 1 − (1 − FLOOR) · smoothstep(OPEN, CLOSED, occlusion)             (1 = open … FLOOR)
 *
 * SLACK allows for fields that grow a little slower than true distance (smooth unions, ellipsoids); OPEN keeps
 * the small occlusion every gently curved surface has from darkening, so most of the bone stays at 1 and only
 * crevices (body–pedicle fillets, under the transverse processes, around the facet joints, beside the discs) darken.
 *
 * The field is the neighbourhood of the mesh, not just its own part: the whole blended bone, the bones up to two
 * levels above and below and the discs that touch it, so facet joints, the fillet where a pedicle meets the body and
 * the rim beside a disc darken together. Values are smoothed once over the mesh and stored as one byte per vertex.
 */
import { vertebraShapes } from './buildVertebra';
import { discSdf } from './discGeometry';
import { isLevelId } from './levels';
import { levelDimensions } from './morphometry';
import { PartField } from './partField';
import { SACRUM_BLEND_MM, sacrumParts } from './sacrum';
import { boxDistance, boxUnion, type Box, type Sdf } from './sdf';
import {
  allDiscs,
  levelPose,
  SPINE_BONE_IDS,
  type DiscPose,
  type Pose,
  type SpineBoneId,
} from './spineLayout';

/** Distance between samples along the normal (mm) and their number: the widest crevice that darkens. */
const SAMPLE_STEP_MM = 1.5;
const SAMPLES = 5;
const SLACK = 0.08;
/** Occlusion (mm) where darkening starts and where it reaches the darkest value, FLOOR (deep, narrow crevices). */
const OPEN = 0.25;
const CLOSED = 3.5;
const FLOOR = 0.55;
/** Fields are evaluated exactly this far out; beyond it a box distance is enough (no sample reaches further). */
export const OCCLUSION_REACH_MM = SAMPLE_STEP_MM * SAMPLES + 0.5;
/** Vertices this far inside the neighbourhood are seams between parts, never seen: they are left unshaded. */
const INSIDE_MM = 0.5;

/** A shape in its own frame: its field and a box that holds it. */
interface Occluder {
  sdf: Sdf;
  box: Box;
}

function boneOccluder(bone: SpineBoneId): Occluder {
  if (bone === 'S1') {
    const parts = sacrumParts();
    const field = new PartField(parts, SACRUM_BLEND_MM, 0, OCCLUSION_REACH_MM + SACRUM_BLEND_MM);
    return { sdf: field.whole, box: boxUnion(parts.map((p) => p.box)) };
  }
  const { parts, options } = vertebraShapes(levelDimensions(bone));
  const field = new PartField(parts, options.blend, 0, OCCLUSION_REACH_MM + options.blend);
  return { sdf: field.whole, box: boxUnion(parts.map((p) => p.box)) };
}

function discOccluder(pose: DiscPose): Occluder {
  const { sdf, upper, lower } = discSdf(pose);
  const halfWidth = Math.max(upper.halfWidth, lower.halfWidth) + 1.5;
  const halfDepth = Math.max(upper.halfDepth, lower.halfDepth) + 1.5;
  const halfHeight = Math.max(pose.anteriorHeightMm, pose.posteriorHeightMm) / 2 + 2.5;
  return {
    sdf,
    box: { min: [-halfWidth, -halfHeight, -halfDepth], max: [halfWidth, halfHeight, halfDepth] },
  };
}

/** Maps points of frame `from` into frame `to` (both poses in the spine frame, rotations about X only). */
function frameMap(from: Pose, to: Pose): (x: number, y: number, z: number, out: Float64Array) => void {
  const rel = from.rotationXRad - to.rotationXRad;
  const c = Math.cos(rel);
  const s = Math.sin(rel);
  const cb = Math.cos(-to.rotationXRad);
  const sb = Math.sin(-to.rotationXRad);
  const dy = from.position[1] - to.position[1];
  const dz = from.position[2] - to.position[2];
  const tx = from.position[0] - to.position[0];
  const ty = dy * cb - dz * sb;
  const tz = dy * sb + dz * cb;
  return (x, y, z, out) => {
    out[0] = x + tx;
    out[1] = y * c - z * s + ty;
    out[2] = y * s + z * c + tz;
  };
}

/** The shapes of the spine, each built once and shared by every mesh that sees it. */
export class SpineOcclusion {
  private readonly bones = new Map<SpineBoneId, Occluder>();
  private readonly discs = new Map<string, Occluder>();

  private bone(id: SpineBoneId): Occluder {
    let o = this.bones.get(id);
    if (!o) this.bones.set(id, (o = boneOccluder(id)));
    return o;
  }

  private disc(pose: DiscPose): Occluder {
    let o = this.discs.get(pose.name);
    if (!o) this.discs.set(pose.name, (o = discOccluder(pose)));
    return o;
  }

  /** The field around a bone, in the bone's frame: itself, the bones two levels either side, the discs touching it. */
  fieldForBone(bone: SpineBoneId): Sdf {
    const index = SPINE_BONE_IDS.indexOf(bone);
    const near = SPINE_BONE_IDS.filter((_, i) => Math.abs(i - index) <= 2);
    const frame = levelPose(bone);
    return this.field(frame, [
      ...near.map((id) => ({ occluder: this.bone(id), pose: levelPose(id) })),
      ...allDiscs()
        .filter((d) => d.upper === bone || d.lower === bone)
        .map((d) => ({ occluder: this.disc(d), pose: d as Pose })),
    ]);
  }

  /** The field around a disc, in the disc's frame: the disc and the two bones it joins. */
  fieldForDisc(pose: DiscPose): Sdf {
    if (!isLevelId(pose.upper)) throw new Error(`fieldForDisc: ${pose.name} has no upper level`);
    return this.field(pose, [
      { occluder: this.disc(pose), pose },
      { occluder: this.bone(pose.upper), pose: levelPose(pose.upper) },
      { occluder: this.bone(pose.lower), pose: levelPose(pose.lower) },
    ]);
  }

  /** Union (minimum) of shapes placed in `frame`; a shape whose box is out of reach reports its box distance. */
  private field(frame: Pose, items: { occluder: Occluder; pose: Pose }[]): Sdf {
    const placed = items.map(({ occluder, pose }) => ({ ...occluder, map: frameMap(frame, pose) }));
    const q = new Float64Array(3);
    return (x, y, z) => {
      let d = Infinity;
      for (const item of placed) {
        item.map(x, y, z, q);
        const bd = boxDistance(item.box, q[0]!, q[1]!, q[2]!);
        const v = bd > OCCLUSION_REACH_MM ? bd : item.sdf(q[0]!, q[1]!, q[2]!);
        if (v < d) d = v;
      }
      return d;
    };
  }
}

/** Occlusion value (1 = open … FLOOR) at one surface point with unit normal n. */
export function occlusionAt(
  field: Sdf,
  x: number,
  y: number,
  z: number,
  nx: number,
  ny: number,
  nz: number,
): number {
  if (field(x, y, z) < -INSIDE_MM) return 1;
  let occlusion = 0;
  let weight = 0.5;
  for (let i = 1; i <= SAMPLES; i++) {
    const d = i * SAMPLE_STEP_MM;
    const shortfall = (1 - SLACK) * d - field(x + nx * d, y + ny * d, z + nz * d);
    if (shortfall > 0) occlusion += weight * shortfall;
    weight *= 0.5;
  }
  const t = Math.min(Math.max((occlusion - OPEN) / (CLOSED - OPEN), 0), 1);
  return 1 - (1 - FLOOR) * t * t * (3 - 2 * t);
}

/**
 * Per-vertex occlusion of a mesh (positions and unit normals in the field's frame), averaged once with each
 * vertex's edge neighbours to remove sampling noise, as bytes (0 … 255 for 0 … 1).
 */
export function meshOcclusion(
  mesh: { positions: Float32Array; normals: Float32Array; indices: Uint32Array },
  field: Sdf,
): Uint8Array {
  const p = mesh.positions;
  const n = mesh.normals;
  const count = p.length / 3;
  const raw = new Float64Array(count);
  for (let v = 0; v < count; v++) {
    const i = 3 * v;
    raw[v] = occlusionAt(field, p[i]!, p[i + 1]!, p[i + 2]!, n[i]!, n[i + 1]!, n[i + 2]!);
  }
  // One smoothing pass: each vertex with the mean of its neighbours over the triangles (every edge counted per side).
  const sum = Float64Array.from(raw);
  const weight = new Float64Array(count).fill(1);
  const ix = mesh.indices;
  for (let f = 0; f < ix.length; f += 3) {
    for (let e = 0; e < 3; e++) {
      const a = ix[f + e]!;
      const b = ix[f + ((e + 1) % 3)]!;
      sum[a] = sum[a]! + 0.5 * raw[b]!;
      weight[a] = weight[a]! + 0.5;
      sum[b] = sum[b]! + 0.5 * raw[a]!;
      weight[b] = weight[b]! + 0.5;
    }
  }
  const out = new Uint8Array(count);
  for (let v = 0; v < count; v++) out[v] = Math.round((255 * sum[v]!) / weight[v]!);
  return out;
}
