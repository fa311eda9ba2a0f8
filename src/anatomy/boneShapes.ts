import type { BodyShape } from './bodyShape';
import { levelDimensions } from './morphometry';
import { sacralBaseDimensions } from './sacrumDimensions';
import type { SpineBoneId } from './spineLayout';
import { vertebraParams } from './vertebraParams';

/** Body shape of any bone of the spine (the sacral base uses the lumbar proportions and its heuristic size). */
export function bodyShapeOf(bone: SpineBoneId): BodyShape {
  if (bone !== 'S1') return vertebraParams(levelDimensions(bone)).body;
  const s = sacralBaseDimensions();
  const l5 = vertebraParams(levelDimensions('L5')).body;
  return {
    ...l5,
    halfWidth: s.endplateWidthMm / 2,
    halfDepth: s.endplateDepthMm / 2,
    heightAnterior: s.bodyHeightAnteriorMm,
    heightPosterior: s.bodyHeightPosteriorMm,
    cornerRadius: 0.3 * (s.endplateWidthMm / 2),
  };
}
