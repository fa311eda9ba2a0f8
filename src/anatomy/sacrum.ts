import { bodyBox, bodySdf } from './bodyShape';
import { bodyShapeOf } from './boneShapes';
import { BONE_TRIANGLES_PER_MM2 } from './buildVertebra';
import { buildIlia } from './ilium';
import { levelDimensions } from './morphometry';
import type { SdfPart } from './partField';
import { polygonizeParts, type PartMesh } from './polygonize';
import { inferiorArticularSpan } from './posteriorElements';
import {
  boxUnion,
  orientedBoxBounds,
  orientedRoundBox,
  ovalPlate,
  roundedIntersection,
  smoothMax,
  smoothMin,
  smoothUnionAll,
  type Box,
  type Sdf,
} from './sdf';
import {
  dorsalCrests,
  foramenDistance,
  hiatusRegion,
  SACRAL_FORAMEN_CHANNELS,
  type SacralForamenChannel,
} from './sacrumDorsal';
import { levelPose, type Pose } from './spineLayout';
import { frameFrom, length, lerp, sub, type V3 } from './vec3';
import { vertebraParams } from './vertebraParams';

/** Part names of the sacrum, emitted as `S1_<part>`. */
export const SACRUM_PART_NAMES = ['body', 'sacrum', 'arch', 'articular'] as const;

/** Sacral proportions (heuristic, adult order of magnitude): ≈ 105 mm across the alae, ≈ 105 mm long. */
const ALA_HALF_WIDTH = 52;
const APEX_HALF_WIDTH = 9;
const CURVE_RADIUS = 95;

function smoothstep(e0: number, e1: number, v: number): number {
  const t = Math.min(Math.max((v - e0) / (e1 - e0), 0), 1);
  return t * t * (3 - 2 * t);
}

/** How many pairs of sacral foramina the sacrum has (S1/S2 … S4/S5). */
export const SACRAL_FORAMEN_PAIRS = SACRAL_FORAMEN_CHANNELS.length;

/** Each foramen pair's channel through the plate (for tests): see `SACRAL_FORAMEN_CHANNELS`. */
export function sacralForamina(): readonly SacralForamenChannel[] {
  return SACRAL_FORAMEN_CHANNELS;
}

/**
 * The fused sacral segments as one plate: straight behind the S1 body (where the alae spread), then curving
 * forwards along a circle (sacral kyphosis) while it narrows and thins towards the apex.
 */
function sacralPlate(
  top: number,
  bottomOfBody: number,
  centreZ: number,
  length: number,
): { sdf: Sdf; box: Box } {
  const straight = top - bottomOfBody;
  const sdf: Sdf = (x, y, z) => {
    let u: number;
    // Offset from the mid-surface, positive dorsal.
    let across: number;
    if (y >= bottomOfBody) {
      u = top - y;
      across = centreZ - z;
    } else {
      // Polar coordinates about the centre of curvature, in front of the plate.
      const dy = y - bottomOfBody;
      const dz = z - (centreZ + CURVE_RADIUS);
      u = straight + CURVE_RADIUS * Math.atan2(-dy, -dz);
      across = Math.sqrt(dy * dy + dz * dz) - CURVE_RADIUS;
    }
    const ax = Math.abs(x);
    const segmentU = u;
    // The alae slope down laterally from the sacral base.
    u -= 0.35 * Math.max(ax - 24, 0);
    const t = Math.min(Math.max(u / length, 0), 1);
    const halfWidth = ALA_HALF_WIDTH + (APEX_HALF_WIDTH - ALA_HALF_WIDTH) * smoothstep(0.3, 1, t);
    const halfThickness = plateHalfThickness(t);
    const radius = Math.min(halfThickness, 7);
    const qx = Math.abs(x) - halfWidth + radius;
    const qt = Math.abs(across) - halfThickness + radius;
    const qu = Math.max(-u, u - length);
    const mx = qx > 0 ? qx : 0;
    const mt = qt > 0 ? qt : 0;
    const cross = Math.sqrt(mx * mx + mt * mt) + Math.min(Math.max(qx, qt), 0) - radius;
    // Rounded where the top meets the faces: a sharp crease would polygonise as a jagged edge.
    const plate = roundedIntersection(cross, qu, 3);
    const crests = across > 0 ? dorsalCrests(ax, segmentU, across, halfThickness) : Infinity;
    const bone = smoothMin(plate, crests, 1.5);
    const hole = foramenDistance(ax, segmentU, across, halfThickness);
    const hiatus = hiatusRegion(ax, segmentU, across);
    return smoothMax(smoothMax(bone, -hole, 1.2), -hiatus, 1);
  };
  const depth = CURVE_RADIUS * (1 - Math.cos((length - straight) / CURVE_RADIUS)) + 15;
  return {
    sdf,
    box: {
      min: [
        -ALA_HALF_WIDTH - 1,
        bottomOfBody - CURVE_RADIUS * Math.sin((length - straight) / CURVE_RADIUS) - 10,
        centreZ - 25,
      ],
      max: [ALA_HALF_WIDTH + 1, top + 1, centreZ + depth],
    },
  };
}

/** Length of the sacrum from the plate's top to the apex (mm; heuristic, adult ≈ 100–110 mm). */
const SACRUM_LENGTH_MM = 105;

/** Where the plate starts (6 mm below the S1 body's top), where it starts to curve, and its mid-surface depth. */
function plateLayout(): { top: number; bottomOfBody: number; centreZ: number } {
  const body = bodyShapeOf('S1');
  return {
    top: body.heightPosterior / 2 - 6,
    bottomOfBody: -body.heightAnterior / 2,
    centreZ: -0.35 * body.halfDepth,
  };
}

/** Half the plate's thickness at fraction `t` of its length (mm): 26 mm thick at the top, 10 mm at the apex. */
function plateHalfThickness(t: number): number {
  return 13 - 8 * t;
}

/**
 * The axis of one foramen channel in the S1 frame (left side): its centre on the pelvic (anterior) face and on the
 * dorsal face of the plate.
 */
export function sacralForamenAxis(channel: SacralForamenChannel): { anterior: V3; dorsal: V3 } {
  const { point, through } = sacralPlateAt(channel.u);
  const at = (x: number, side: 1 | -1): V3 => {
    const u = channel.u - 0.35 * Math.max(x - 24, 0);
    const d = side * plateHalfThickness(Math.min(Math.max(u / SACRUM_LENGTH_MM, 0), 1));
    return [x, point[1] + through[1] * d, point[2] + through[2] * d];
  };
  return { anterior: at(channel.xAnterior, 1), dorsal: at(channel.xDorsal, -1) };
}

/** The sacral plate (alae and fused S1–S5 with their dorsal crests) in the S1 frame: what the ilia rest against. */
export function sacralPlateShape(): { sdf: Sdf; box: Box } {
  const layout = plateLayout();
  return sacralPlate(layout.top, layout.bottomOfBody, layout.centreZ, SACRUM_LENGTH_MM);
}

/**
 * The plate's mid-surface on the midline at distance `u` down from its top, and the direction straight through
 * the plate there (anterior), in the S1 frame: how the foramina are found from outside (tests).
 */
export function sacralPlateAt(u: number): { point: V3; through: V3 } {
  const { top, bottomOfBody, centreZ } = plateLayout();
  const straight = top - bottomOfBody;
  if (u <= straight) return { point: [0, top - u, centreZ], through: [0, 0, 1] };
  const a = (u - straight) / CURVE_RADIUS;
  return {
    point: [0, bottomOfBody - CURVE_RADIUS * Math.sin(a), centreZ + CURVE_RADIUS * (1 - Math.cos(a))],
    through: [0, Math.sin(a), Math.cos(a)],
  };
}

/** A point of `from`'s frame expressed in `to`'s frame (rotations about X only). */
function transferPoint(p: V3, from: Pose, to: Pose): V3 {
  const rot = (v: V3, a: number): V3 => [
    v[0],
    v[1] * Math.cos(a) - v[2] * Math.sin(a),
    v[1] * Math.sin(a) + v[2] * Math.cos(a),
  ];
  const spine = rot(p, from.rotationXRad);
  const rel: V3 = [
    spine[0] + from.position[0] - to.position[0],
    spine[1] + from.position[1] - to.position[1],
    spine[2] + from.position[2] - to.position[2],
  ];
  return rot(rel, -to.rotationXRad);
}

/**
 * S1's posterior arch (pedicles and laminae around the sacral canal) and its superior articular processes. The
 * processes are placed just lateral to where L5's inferior articular processes end up in the assembled spine, so
 * the lumbosacral facet joints line up whatever the layout.
 */
function posteriorArch(
  bodyTop: number,
  bodyHalfWidth: number,
  bodyBack: number,
): { articular: Shape; arch: Shape } {
  const l5 = vertebraParams(levelDimensions('L5'));
  const arches: Shape[] = [];
  const plates = ([0, 1] as const).map((side) => {
    const s = side === 0 ? 1 : -1;
    const iap = inferiorArticularSpan(l5, side);
    const mid = transferPoint(lerp(iap.from, iap.to, 0.6), levelPose('L5'), levelPose('S1'));
    // 2.5 mm further out along the facet's normal than the bare contact: a joint space rather than an overlap.
    const x = mid[0] + s * 8.5;
    const from: V3 = [x, bodyTop - 8, mid[2] + 0.5];
    const to: V3 = [x + s * 1.5, Math.max(mid[1] + 6, bodyTop + 4), mid[2] - 0.5];
    const axes = frameFrom(sub(to, from), [-s * 0.8, 0, -0.6]);
    const half: V3 = [length(sub(to, from)) / 2 + 1.5, 3.4, 7];
    const c = lerp(from, to, 0.5);
    // Pedicle and lamina of S1: from the body's posterolateral corner to the process, then to the midline crest.
    arches.push(slab([s * 0.55 * bodyHalfWidth, bodyTop - 9, bodyBack + 2], from, [0, 1, 0], 5, 5.5));
    arches.push(slab(from, [0, bodyTop - 10, from[2] - 6], [0, 1, 0], 7, 3.5));
    return { sdf: ovalPlate(c, axes, half), box: orientedBoxBounds(c, axes, half, 0.1) };
  });
  return { articular: union(plates, 1), arch: union(arches, 3) };
}

interface Shape {
  sdf: Sdf;
  box: Box;
}

function slab(from: V3, to: V3, hint: V3, halfHeight: number, halfThickness: number): Shape {
  const axes = frameFrom(sub(to, from), hint);
  const half: V3 = [length(sub(to, from)) / 2 + 1, halfHeight, halfThickness];
  const c = lerp(from, to, 0.5);
  return {
    sdf: orientedRoundBox(c, axes, half, Math.min(halfHeight, halfThickness) - 0.2),
    box: orientedBoxBounds(c, axes, half, 0.1),
  };
}

function union(shapes: Shape[], k: number): Shape {
  return {
    sdf: smoothUnionAll(
      shapes.map((p) => p.sdf),
      k,
    ),
    box: boxUnion(shapes.map((p) => p.box)),
  };
}

/**
 * A simplified sacrum in the S1 frame (origin at the centre of the S1 body): the S1 body carrying the sacral
 * endplate, one plate for the alae and the fused S2–S5 segments, and the superior articular processes that meet
 * L5. Its size is a heuristic (docs/models.md); it is context for the lumbar levels, not a measured model.
 */
export function sacrumParts(): SdfPart[] {
  const body = bodyShapeOf('S1');
  const top = body.heightPosterior / 2;
  const plate = sacralPlateShape();
  const { articular, arch } = posteriorArch(top, body.halfWidth, -body.halfDepth);
  return [
    { name: 'body', sdf: bodySdf(body), box: bodyBox(body, 0.5) },
    { name: 'sacrum', ...plate },
    { name: 'arch', ...arch },
    { name: 'articular', ...articular },
  ];
}

/** Width of the fillets where the sacrum's parts meet (mm). */
export const SACRUM_BLEND_MM = 5;

export function buildSacrum(): PartMesh[] {
  const sacrum = polygonizeParts(sacrumParts(), {
    stepFor: (part) => (part.name === 'sacrum' ? 1.1 : 0.9),
    blend: SACRUM_BLEND_MM,
    overlap: 0.7,
    trianglesPerMm2: BONE_TRIANGLES_PER_MM2 * 0.4,
    minTriangles: 150,
  });
  return [...sacrum, ...buildIlia({ ...sacralPlateShape(), plateAt: sacralPlateAt })];
}
