import { levelDimensions } from './morphometry';

/**
 * The sacral base (S1 body) is not in the morphometry table, so its size is a labelled heuristic taken from L5:
 * about as wide and deep as L5's endplate, and wedged lordotically (taller in front), as the S1 body is. The wedge
 * also keeps the L5–S1 disc's posterior height positive under the table's steep L5–S1 segmental angle.
 */
export interface SacralBaseDimensions {
  endplateWidthMm: number;
  endplateDepthMm: number;
  bodyHeightAnteriorMm: number;
  bodyHeightPosteriorMm: number;
}

export function sacralBaseDimensions(): SacralBaseDimensions {
  const l5 = levelDimensions('L5');
  const depth = 0.97 * l5.endplateDepthMm;
  const anterior = 29;
  return {
    endplateWidthMm: 1.02 * l5.endplateWidthMm,
    endplateDepthMm: depth,
    bodyHeightAnteriorMm: anterior,
    bodyHeightPosteriorMm: anterior - depth * Math.tan((10 * Math.PI) / 180),
  };
}
