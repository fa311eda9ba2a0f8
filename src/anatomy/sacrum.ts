import { bodyBox, bodySdf } from './bodyShape';
import { bodyShapeOf } from './boneShapes';
import { BONE_TRIANGLES_PER_MM2 } from './buildVertebra';
import { buildIlia } from './ilium';
import type { SdfPart } from './partField';
import { polygonizeParts, type PartMesh } from './polygonize';
import { posteriorArch } from './sacralArch';
import {
  dorsalCrests,
  foramenDistance,
  hiatusRegion,
  SACRAL_FORAMEN_CHANNELS,
  type SacralForamenChannel,
} from './sacrumDorsal';
import { roundedIntersection, smoothMax, smoothMin, type Box, type Sdf } from './sdf';
import type { V3 } from './vec3';

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

/**
 * The sacrum in the S1 frame (origin at the centre of the S1 body): the S1 body carrying the sacral endplate, one
 * plate for the alae and the fused S2–S5 segments with their dorsal crests, foramina and hiatus (sacrumDorsal.ts),
 * S1's arch and the superior articular processes that meet L5. Its overall size agrees with dry-bone series
 * (docs/models.md); it is context for the lumbar levels, not a measured model.
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
