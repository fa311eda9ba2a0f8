import data from '../../models/morphometry.json';
import type { LevelId } from './levels';

/** Resolved dimensions of one vertebra (mm, degrees), measured values first, labelled heuristics where none exist. */
export interface LevelDimensions {
  level: LevelId;
  bodyHeightAnteriorMm: number;
  bodyHeightPosteriorMm: number;
  endplateWidthMm: number;
  /** Antero-posterior depth of the upper endplate. Heuristic for every level except L5 (see models/morphometry.json). */
  endplateDepthMm: number;
  pedicleWidthMm: number;
  pedicleHeightMm: number;
  /** Medial convergence of the pedicle axis from the mid-sagittal plane, axial view. */
  pedicleAngleDeg: number;
  canalWidthMm: number;
  canalDepthMm: number;
  /** Thoracic only; null in the lumbar spine. */
  spinousProcessAngleDeg: number | null;
  /** Per side (thoracic, Kaur 2016); null where not measured. */
  transverseProcessLengthMm: number | null;
  discHeightBelowMm: number;
  segmentalAngleToNextDeg: number;
}

type RawValues = Record<string, number | null>;
interface RawLevel {
  values: RawValues;
  renderingFallbacks: Record<string, number>;
}

const levels = data.levels as unknown as Record<LevelId, RawLevel>;

function required(level: LevelId, field: string, value: number | null | undefined): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`models/morphometry.json: ${level}.${field} is missing or not a number`);
  }
  return value;
}

const cache = new Map<LevelId, LevelDimensions>();

/** Dimensions of a level; throws naming the field and level when the data file is incomplete. */
export function levelDimensions(level: LevelId): LevelDimensions {
  const hit = cache.get(level);
  if (hit) return hit;
  const raw = levels[level];
  if (!raw) throw new Error(`models/morphometry.json: no entry for level ${level}`);
  const v = raw.values;
  const fb = raw.renderingFallbacks;
  const dims: LevelDimensions = {
    level,
    bodyHeightAnteriorMm: required(level, 'bodyHeightAnteriorMm', v.bodyHeightAnteriorMm),
    bodyHeightPosteriorMm: required(level, 'bodyHeightPosteriorMm', v.bodyHeightPosteriorMm),
    endplateWidthMm: required(level, 'endplateWidthUpperMm', v.endplateWidthUpperMm),
    endplateDepthMm: required(level, 'endplateDepthMm', v.endplateDepthUpperMm ?? fb.endplateDepthMm),
    pedicleWidthMm: required(level, 'pedicleWidthMm', v.pedicleWidthMm),
    pedicleHeightMm: required(level, 'pedicleHeightMm', v.pedicleHeightMm),
    pedicleAngleDeg: required(level, 'pedicleTransverseAngleDeg', v.pedicleTransverseAngleDeg),
    canalWidthMm: required(level, 'canalWidthMm', v.canalWidthMm ?? fb.canalWidthMm),
    canalDepthMm: required(level, 'canalDepthMm', v.canalDepthMm ?? fb.canalDepthMm),
    spinousProcessAngleDeg: v.spinousProcessAngleDeg ?? null,
    transverseProcessLengthMm: v.transverseProcessLengthMm ?? null,
    discHeightBelowMm: required(level, 'discHeightBelowMm', v.discHeightBelowMm),
    segmentalAngleToNextDeg: required(level, 'segmentalAngleToNextDeg', v.segmentalAngleToNextDeg),
  };
  cache.set(level, dims);
  return dims;
}
