import { smoothMin } from './sdf';

/**
 * The dorsal surface of the sacrum, in the sacral plate's own coordinates: `ax` = |x| (mm from the midline), `u` =
 * distance down the plate from its top (mm, along the mid-surface), `d` = offset from the mid-surface (mm, positive
 * dorsal), `half` = the plate's half-thickness at `u`. The ridges are fused parts of the five sacral vertebrae:
 *
 * - the median sacral crest: the fused spinous processes, a thin ridge with a tubercle per segment (S1–S4);
 * - the intermediate crests: the fused articular processes, low ridges medial to the dorsal foramina, ending below
 *   in the sacral cornua on either side of the sacral hiatus;
 * - the lateral crests: the fused transverse processes, a row of tubercles lateral to the dorsal foramina.
 *
 * Sizes: sacral hiatus 18.5 ± 7.4 mm long with its apex at S4 in 80 % and the cornua 11.8 ± 2.5 mm apart (30 dry
 * sacra, "Anatomical evaluation of sacrum in dry bones", discovery.researcher.life); first and second dorsal
 * foramina 10.4 × 7.7 mm and 7.1 × 7.3 mm (Saluja S et al., J Clin Diagn Res 2018;12(6):AC01, 108 sacra); the
 * distance between the medial margins of each dorsal pair about 37, 30, 27 and 27 mm at S1–S4 (Anatolian dry sacra,
 * J Med Palliat Care 2023, n = 32); the S1 dorsal foramen about 23–24 mm from the midline on CT (Kim et al., Korean
 * J Pain 2023;36(1), n = 632). Crest heights and widths are not measured in these sources: they are estimates
 * (median crest tubercles ≈ 7–9 mm proud of the dorsal surface at S1–S2, lower below; intermediate crests ≈ 2–3 mm,
 * lateral tubercles ≈ 3–4 mm).
 */

/**
 * One foramen pair's channel through the plate: `u` down the plate (mm), centre from the midline at the anterior
 * (pelvic) face and at the dorsal face (mm), radius at each face (mm). The pelvic foramina are larger and more
 * lateral than the dorsal ones (standard anatomy), so the channel runs obliquely, medially towards the back.
 */
export interface SacralForamenChannel {
  u: number;
  xAnterior: number;
  xDorsal: number;
  rAnterior: number;
  rDorsal: number;
}

export const SACRAL_FORAMEN_CHANNELS: readonly SacralForamenChannel[] = [
  { u: 28, xAnterior: 28, xDorsal: 22.5, rAnterior: 5, rDorsal: 4.4 },
  { u: 47, xAnterior: 25, xDorsal: 18.5, rAnterior: 4.4, rDorsal: 3.6 },
  { u: 64, xAnterior: 21, xDorsal: 16.3, rAnterior: 3.7, rDorsal: 3 },
  { u: 79, xAnterior: 15.5, xDorsal: 15.5, rAnterior: 3, rDorsal: 2.6 },
];

/** Distance to the nearest foramen channel (negative inside). */
export function foramenDistance(ax: number, u: number, d: number, half: number): number {
  const f = Math.min(Math.max((d + half) / (2 * half), 0), 1);
  let best = Infinity;
  for (const c of SACRAL_FORAMEN_CHANNELS) {
    const x = c.xAnterior + (c.xDorsal - c.xAnterior) * f;
    const r = c.rAnterior + (c.rDorsal - c.rAnterior) * f;
    best = Math.min(best, Math.hypot(ax - x, u - c.u) - r);
  }
  return best;
}

/** Where each segment's tubercles lie down the plate (S1 … S4 spinous tubercles; mm). */
const SEGMENT_U = [12, 37, 56, 72] as const;

function bumps(u: number, heights: readonly number[], width: number): number {
  let sum = 0;
  SEGMENT_U.forEach((c, i) => {
    const t = (u - c) / width;
    sum += (heights[i] ?? 0) * Math.exp(-t * t);
  });
  return sum;
}

/** A ridge along the plate at `x` from the midline, its round crest `top` mm proud of the surface, radius `r`. */
function ridge(ax: number, d: number, half: number, x: number, top: number, r: number): number {
  // A wall of thickness 2r standing on the surface (from just inside it), its top rounded.
  const hi = half + top - r;
  const lo = half - r;
  const dd = d > hi ? d - hi : d < lo ? d - lo : 0;
  return Math.hypot(ax - x, dd) - r;
}

/** Caps a ridge between u0 and u1 with rounded ends. */
function between(dist: number, u: number, u0: number, u1: number): number {
  const out = Math.max(u0 - u, u - u1, 0);
  return out > 0 ? Math.hypot(Math.max(dist, 0), out) : dist;
}

/** Start and end of the sacral hiatus down the plate (apex at S4, 18.5 mm long), and its half-width (mm). */
export const HIATUS_TOP_U = 88;
export const HIATUS_HALF_WIDTH_MM = 5.2;

/** The three crests and the cornua, unioned (signed distance, negative inside). */
export function dorsalCrests(ax: number, u: number, d: number, half: number): number {
  // Median crest: ≈ 3 mm thick, its tubercles 9, 8, 6, 4 mm proud; it fades out above the hiatus.
  const medianTop = 3 + bumps(u, [6, 5, 3.5, 2], 6);
  const median = between(ridge(ax, d, half, 0, medianTop, 1.8), u, 4, HIATUS_TOP_U - 6);
  // Intermediate crests: converge from 12 to 8 mm off the midline and end in the cornua beside the hiatus.
  const xi = 12 - 4 * Math.min(Math.max((u - 20) / 70, 0), 1);
  const cornu = 2.2 * Math.exp(-(((u - (HIATUS_TOP_U + 5)) / 5) ** 2));
  const intermediateTop = 1 + bumps(u + 4, [2.2, 2, 1.8, 1.5], 5) + cornu;
  const intermediate = between(
    ridge(ax, d, half, xi, intermediateTop, 1.8 + 0.6 * cornu),
    u,
    14,
    HIATUS_TOP_U + 10,
  );
  // Lateral crests: a row of tubercles just lateral to the dorsal foramina, converging caudally.
  const xl = 34 - 10 * Math.min(Math.max((u - 20) / 62, 0), 1);
  const lateral = between(ridge(ax, d, half, xl, 0.2 + bumps(u + 8, [3.6, 3.2, 2.6, 2], 5), 2.8), u, 8, 84);
  return smoothMin(smoothMin(median, intermediate, 1.5), lateral, 1.5);
}

/**
 * The sacral hiatus: an inverted U cut through the dorsal wall from S4 down to the apex, down to the back of the S5
 * body (the canal's floor, a little dorsal of the mid-surface). Signed distance of the removed region.
 */
export function hiatusRegion(ax: number, u: number, d: number): number {
  const w = HIATUS_HALF_WIDTH_MM;
  const arch = u < HIATUS_TOP_U + w ? Math.hypot(ax, u - (HIATUS_TOP_U + w)) - w : ax - w;
  return Math.max(arch, 0.8 - d);
}
