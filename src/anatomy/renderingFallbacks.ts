import data from '../../models/morphometry.json';
import type { LevelId } from './levels';

interface RawFallbacks {
  renderingFallbacks: Record<string, number | undefined>;
}

const levels = data.levels as unknown as Record<LevelId, RawFallbacks>;

/**
 * Lumbar transverse process projection beyond the lateral body wall (mm, per side). A tertiary, labelled
 * rendering fallback in models/morphometry.json; null where the file has none (thoracic levels, which carry a
 * measured transverse process length instead).
 */
export function transverseProcessProjectionMm(level: LevelId): number | null {
  return levels[level]?.renderingFallbacks.transverseProcessProjectionMm ?? null;
}
