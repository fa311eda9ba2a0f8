import { LEVEL_IDS, type LevelId } from './levels';
import { levelDimensions } from './morphometry';
import { vertebraLandmarks } from './vertebraLandmarks';

/**
 * The dural sac's diameters as a share of the bony canal's. Pierro et al. 2017 (J Clin Imaging Sci 7:35,
 * PMC5590400; MRI of 604 adults, L1–S1) give the mean dural sac ratio (sac over canal, sagittal) as 0.56–0.70 in
 * men and 0.63–0.82 in women: the middle of that range, used across as well (the canal's other content, epidural
 * fat and veins, surrounds the sac on every side).
 */
export const DURAL_SAC_RATIO = 0.69;

/**
 * The sac lies forward in the canal, against the back of the vertebral bodies: the epidural fat behind it is
 * thicker than the thin space in front. A quarter of the canal's free depth moves from in front of the sac to
 * behind it (the thoracic laminae, sloping in towards their upper edge, also keep to the sac's back then).
 */
const VENTRAL_SHIFT = 0.25;

/**
 * The spinal cord's cross-section in the thoracic canal: about 8 mm across and 6 mm front to back (Frostell et al.
 * 2016, Front Neurol 7:238, a review of 11 studies). It ends in the conus most often at L1 (mid-T12 to the L1–L2
 * disc; Pusan 1998 MRI series, J Korean Acad Rehabil Med 22:1040), below which the sac holds the nerve roots of the
 * cauda equina only; at L1 the conus is drawn tapering.
 */
export const CORD_WIDTH_MM = 8;
export const CORD_DEPTH_MM = 6;
const LAST_CORD_LEVEL: LevelId = 'L1';

/** The dural sac through one vertebra, in that vertebra's frame (mm; x left, y cranial, z anterior). */
export interface DuralSacShape {
  /** Where its centre line runs: a little forward of the canal's middle (VENTRAL_SHIFT). */
  centerZ: number;
  /** The middle of its length (the neighbours and discs above and below differ in height). */
  centerY: number;
  /** Across (left–right) and front to back. */
  widthMm: number;
  depthMm: number;
  /**
   * Its length along the canal: from the middle of the vertebra above to the middle of the one below, so that
   * no end of it shows behind the section.
   */
  lengthMm: number;
  /** The cord's cross-section at this level (width, depth in mm), or null below the conus. */
  cord: { widthMm: number; depthMm: number } | null;
  /** Below the conus, the nerve roots' sections: centres (x, z in mm from the sac's centre line), ROOT_RADIUS_MM. */
  roots: readonly (readonly [number, number])[];
}

/** A cauda equina nerve root's radius in section (mm): a root about 2 mm across. */
export const ROOT_RADIUS_MM = 1;
/** Lumbar, sacral and coccygeal roots, one side: L1–L5, S1–S5, Co1. */
const ROOTS_BELOW_CONUS = ['L1', 'L2', 'L3', 'L4', 'L5', 'S1', 'S2', 'S3', 'S4', 'S5', 'Co1'];

/**
 * The roots still in the sac beside a lumbar vertebra, as dots spread evenly over its middle (a sunflower spiral
 * squeezed into the sac's ellipse, kept a root's width inside it): each side's roots from this level's own down,
 * as each pair leaves by the foramen below its vertebra (L2: 20, L5: 14). No claim is made about their order.
 */
function rootSections(level: LevelId, widthMm: number, depthMm: number): [number, number][] {
  const count = 2 * (ROOTS_BELOW_CONUS.length - ROOTS_BELOW_CONUS.indexOf(level));
  const golden = Math.PI * (3 - Math.sqrt(5));
  const out: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const r = Math.sqrt((i + 0.5) / count);
    out.push([
      r * Math.cos(i * golden) * (widthMm / 2 - 2 * ROOT_RADIUS_MM),
      r * Math.sin(i * golden) * (depthMm / 2 - 2 * ROOT_RADIUS_MM),
    ]);
  }
  return out;
}

export function duralSac(level: LevelId): DuralSacShape {
  const marks = vertebraLandmarks(level);
  const d = levelDimensions(level);
  const index = LEVEL_IDS.indexOf(level);
  // The neighbours (at the ends of the column, the level itself stands in for the one missing).
  const above = levelDimensions(LEVEL_IDS[index - 1] ?? level);
  const below = levelDimensions(LEVEL_IDS[index + 1] ?? level);
  const top = d.bodyHeightPosteriorMm / 2 + above.discHeightBelowMm + above.bodyHeightPosteriorMm / 2;
  const bottom = -(d.bodyHeightPosteriorMm / 2 + d.discHeightBelowMm + below.bodyHeightPosteriorMm / 2);
  const lastCord = LEVEL_IDS.indexOf(LAST_CORD_LEVEL);
  // The conus tapers through L1: drawn at three quarters of the cord's section.
  const cordScale = index < lastCord ? 1 : index === lastCord ? 0.75 : 0;
  const widthMm = DURAL_SAC_RATIO * marks.canalWidthMm;
  const depthMm = DURAL_SAC_RATIO * marks.canalDepthMm;
  return {
    centerZ:
      marks.posteriorWallZ -
      marks.canalDepthMm / 2 +
      VENTRAL_SHIFT * (1 - DURAL_SAC_RATIO) * marks.canalDepthMm,
    centerY: (top + bottom) / 2,
    widthMm,
    depthMm,
    lengthMm: top - bottom,
    cord: cordScale > 0 ? { widthMm: CORD_WIDTH_MM * cordScale, depthMm: CORD_DEPTH_MM * cordScale } : null,
    roots: cordScale > 0 ? [] : rootSections(level, widthMm, depthMm),
  };
}
