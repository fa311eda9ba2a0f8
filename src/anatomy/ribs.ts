import { ribHeadCentre, ribHeadRadiusMm } from './costalFacets';
import { levelDimensions } from './morphometry';
import type { PartMesh } from './polygonize';
import { thoracicTransverseTip } from './posteriorElements';
import { splineThrough, tubeMesh, type TubeStation } from './tubeMesh';
import { add, length, normalize, scale, sub, type V3 } from './vec3';
import { vertebraParams, type VertebraParams } from './vertebraParams';
import type { LevelId } from './levels';

/**
 * The proximal part of each rib, in its vertebra's frame: the head on the costal facet(s), the neck in front of
 * the transverse process, the tubercle on the process's tip (costotransverse joint; ribs 11–12 have none), then
 * the shaft running back to the rib angle and round to the side of the chest, falling as it goes. Ribs are context
 * for the vertebra being treated, so the shapes are smooth swept tubes of low resolution.
 *
 * Trends per level (heuristic values in line with the literature): rib size and the chest's half-width grow from
 * rib 1 to ribs 7–9 and shrink again to the short floating ribs, and the ribs slope down more steeply towards the
 * lower levels (Weaver AA et al., J Anat 2014, "Morphometric analysis of variation in the ribs with age and sex",
 * PMC4111931; Mohr M et al., J Biomech 2007, rib arc lengths longest at ribs 7–8). Adult thorax ≈ 260–280 mm wide
 * at ribs 7–8. Section of the shaft ≈ 12 × 6 mm mid-thoracic (Holcombe SA et al., Front Bioeng Biotechnol 2023,
 * "Cross-sectional properties of rib geometry from an adult population").
 */

/** Half-width of the chest at each rib's lateral-most point (mm), ribs 1–12. */
const CHEST_HALF_WIDTH_MM = [60, 82, 97, 108, 116, 122, 127, 130, 130, 127, 112, 96];
/** Downward slope of the shaft below the vertebra's axial plane (degrees), ribs 1–12. */
const SHAFT_SLOPE_DEG = [14, 16, 18, 20, 21, 22, 23, 24, 25, 25, 24, 22];

const DEG = Math.PI / 180;

function smooth(t: number): number {
  const c = Math.min(Math.max(t, 0), 1);
  return c * c * (3 - 2 * c);
}

/** The rib's centreline control points, from the head centre outwards. */
function controlPoints(
  params: VertebraParams,
  side: 1 | -1,
  rib: number,
): { points: V3[]; tubercleAt: number } {
  const head = ribHeadCentre(params, side);
  const { tip, radius } = thoracicTransverseTip(params, side === 1 ? 0 : 1);
  const r = ribHeadRadiusMm(params);
  const tubercleRadius = 0.8 * r;
  // The tubercle rests on the anterolateral face of the process's tip; ribs 11–12 pass in front of it, free.
  const gap = rib >= 11 ? 2 : -0.6;
  const tubercle = add(tip, scale(normalize([side * 0.35, -0.1, 1]), radius + tubercleRadius + gap));
  const w = CHEST_HALF_WIDTH_MM[rib - 1]!;
  const span = w - Math.abs(tubercle[0]);
  const slope = Math.tan(SHAFT_SLOPE_DEG[rib - 1]! * DEG);
  const shaft = (lateral: number, forward: number): V3 => {
    const x = side * (Math.abs(tubercle[0]) + lateral * span);
    const z = tubercle[2] + forward * span;
    const run = Math.hypot(x - tubercle[0], z - tubercle[2]);
    return [x, tubercle[1] - slope * run, z];
  };
  const shaftPoints = [shaft(0.25, -0.1), shaft(0.72, 0.12), shaft(1, 0.55), shaft(0.96, 0.82)];
  // Floating ribs are short: rib 11 ends at the side of the chest, rib 12 behind it.
  const keep = rib === 12 ? 2 : rib === 11 ? 3 : 4;
  return { points: [head, tubercle, ...shaftPoints.slice(0, keep)], tubercleAt: length(sub(tubercle, head)) };
}

/** Section half-axes along the rib: round head, slimmer neck, tubercle, then the flat shaft tapering distally. */
function section(s: number, total: number, tubercleAt: number, r: number): { a: number; b: number } {
  const neck = 0.62 * r;
  const tubercle = 0.8 * r;
  const shaftA = 1.1 * r;
  const shaftB = 0.55 * r;
  const headToNeck = smooth((s - 0.4 * r) / (0.9 * r));
  let a = r + (neck - r) * headToNeck;
  let b = a;
  const bump = Math.max(1 - Math.abs(s - tubercleAt) / 6, 0);
  a = Math.max(a, tubercle * bump + neck * (1 - bump));
  b = Math.max(b, tubercle * bump + neck * (1 - bump));
  const toShaft = smooth((s - tubercleAt - 3) / 14);
  const taper = 1 - 0.18 * smooth((s - tubercleAt) / Math.max(total - tubercleAt, 1));
  return { a: (a + (shaftA - a) * toShaft) * taper, b: (b + (shaftB - b) * toShaft) * taper };
}

/** Both ribs of a thoracic level (`rib_left`, `rib_right`) in the vertebra's frame; none for a lumbar level. */
export function buildRibs(level: LevelId): PartMesh[] {
  const params = vertebraParams(levelDimensions(level));
  if (!params.thoracic) return [];
  const rib = Number(level.slice(1));
  const r = ribHeadRadiusMm(params);
  return ([1, -1] as const).map((side) => {
    const { points, tubercleAt } = controlPoints(params, side, rib);
    // Fine stations around the head, neck and tubercle, coarse ones (12 mm) along the plain, gently curving shaft.
    const samples = splineThrough(points, 4).filter(
      ({ s }, i, all) => s < tubercleAt + 12 || i % 3 === 0 || i === all.length - 1,
    );
    const total = samples[samples.length - 1]!.s;
    const stations: TubeStation[] = samples.map(({ point, s }) => ({
      point,
      ...section(s, total, tubercleAt, r),
    }));
    return tubeMesh(side === 1 ? 'rib_left' : 'rib_right', stations, [0, 1, 0], 8);
  });
}
