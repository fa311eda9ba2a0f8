import type { BodyShape } from './bodyShape';
import { isLevelId, isThoracic, type LevelId } from './levels';
import type { LevelDimensions } from './morphometry';
import { transverseProcessProjectionMm } from './renderingFallbacks';
import { landmarksFromDimensions, type VertebraLandmarks } from './vertebraLandmarks';

/** Everything the part shapes of one vertebra are built from: measured values plus labelled heuristics. */
export interface VertebraParams {
  level: LevelId;
  thoracic: boolean;
  dims: LevelDimensions;
  marks: VertebraLandmarks;
  body: BodyShape;
  /** Size factor for parts no source measures (cortex thickness, process thickness), ≈ 1 for a mid-lumbar level. */
  size: number;
  laminaThicknessMm: number;
  /** Spinous process length from the laminar junction: heuristic (no per-level source, see docs/models.md). */
  spinousLengthMm: number;
  /** Caudal inclination of the spinous process below the axial plane (thoracic: Kaur 2016; lumbar: heuristic). */
  spinousAngleDeg: number;
  /** Thoracic: measured length per side. Lumbar: from the base to the tip placed by the projection fallback. */
  transverseLengthMm: number | null;
  transverseProjectionMm: number | null;
}

const POSITIVE_FIELDS = [
  'bodyHeightAnteriorMm',
  'bodyHeightPosteriorMm',
  'endplateWidthMm',
  'endplateDepthMm',
  'pedicleWidthMm',
  'pedicleHeightMm',
  'canalWidthMm',
  'canalDepthMm',
  'discHeightBelowMm',
] as const;

function fail(level: string, field: string, value: unknown, rule: string): never {
  throw new Error(`Cannot build vertebra ${level}: ${field} is ${String(value)} (${rule})`);
}

function checkNumber(level: string, field: string, value: unknown, positive: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(level, field, value, 'must be a finite number');
  if (positive && value <= 0) fail(level, field, value, 'must be greater than 0');
  return value;
}

/** Throws an Error naming the level and the field when a dimension is missing, not finite or out of range. */
export function validateDimensions(dims: LevelDimensions): void {
  const level = String(dims.level);
  if (!isLevelId(level)) throw new Error(`Cannot build vertebra ${level}: level is not one of T1–L5`);
  for (const field of POSITIVE_FIELDS) checkNumber(level, field, dims[field], true);
  const angle = checkNumber(level, 'pedicleAngleDeg', dims.pedicleAngleDeg, false);
  if (Math.abs(angle) >= 80) fail(level, 'pedicleAngleDeg', angle, 'must lie within ±80°');
  checkNumber(level, 'segmentalAngleToNextDeg', dims.segmentalAngleToNextDeg, false);
  if (isThoracic(level)) {
    checkNumber(level, 'spinousProcessAngleDeg', dims.spinousProcessAngleDeg, true);
    checkNumber(level, 'transverseProcessLengthMm', dims.transverseProcessLengthMm, true);
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

/**
 * Derive the shape parameters of a vertebra. Everything the data file measures is used as measured; the rest are
 * heuristics scaled with the body so they stay in proportion (each is named in docs/models.md).
 */
export function vertebraParams(dims: LevelDimensions, projectionMm?: number | null): VertebraParams {
  validateDimensions(dims);
  const level = dims.level;
  const thoracic = isThoracic(level);
  const projection = thoracic ? null : (projectionMm ?? transverseProcessProjectionMm(level));
  if (!thoracic) checkNumber(level, 'transverseProcessProjectionMm', projection, true);
  const size = clamp(dims.endplateWidthMm / 44, 0.6, 1.1);
  const meanHeight = (dims.bodyHeightAnteriorMm + dims.bodyHeightPosteriorMm) / 2;
  const upperThoracic = thoracic && level !== 'T11' && level !== 'T12';
  const body: BodyShape = {
    halfWidth: dims.endplateWidthMm / 2,
    halfDepth: dims.endplateDepthMm / 2,
    heightAnterior: dims.bodyHeightAnteriorMm,
    heightPosterior: dims.bodyHeightPosteriorMm,
    // Wang 2012 measured lumbar endplates; smaller thoracic endplates are scaled by width.
    cranialConcavity: 1.5 * clamp(size, 0.6, 1),
    caudalConcavity: 0.7 * clamp(size, 0.6, 1),
    waist: 0.055 * dims.endplateWidthMm,
    // The ring apophysis is ≈ 1 mm proud of the waisted wall in the adult; a low lip reads as the rim.
    ringLip: 0.5 * clamp(size, 0.7, 1.1),
    // A tight rounding: a wide one left a groove at every disc, so the discs read as cushions between the bodies.
    edgeRadius: clamp(0.04 * meanHeight, 0.6, 1),
    cornerRadius: 0.3 * (dims.endplateWidthMm / 2),
    posteriorConcavity: (thoracic ? 0.03 : 0.04) * dims.endplateDepthMm,
    anteriorTaper: upperThoracic ? 0.18 : thoracic ? 0.08 : 0,
  };
  return {
    level,
    thoracic,
    dims,
    marks: landmarksFromDimensions(dims),
    body,
    size,
    laminaThicknessMm: (thoracic ? 4.5 : 6) * clamp(size, 0.8, 1.1),
    spinousLengthMm: thoracic
      ? Math.min(1.6 * dims.bodyHeightPosteriorMm, 34)
      : 1.1 * dims.bodyHeightPosteriorMm + 2,
    spinousAngleDeg: dims.spinousProcessAngleDeg ?? 5,
    transverseLengthMm: thoracic ? dims.transverseProcessLengthMm : null,
    transverseProjectionMm: projection,
  };
}
