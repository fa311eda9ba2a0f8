import { ExtrudeGeometry, type BufferGeometry } from 'three';
import { roundedRectangle } from './roundedRectangle';

/**
 * An island dressing, the small adhesive plaster put over each needle site: a soft adhesive border with a raised
 * gauze pad in its middle, rounded at the corners (a plain white box read as a tile, not a plaster). Millimetres,
 * lying in the XZ plane on y = 0 with its thickness along +Y (the skin's outward normal where it is placed).
 */
export const DRESSING = {
  /** Whole plaster: across the back (x) and along it (z). */
  widthMm: 30,
  lengthMm: 40,
  borderThicknessMm: 0.5,
  /** The gauze pad in its middle. */
  padWidthMm: 15,
  padLengthMm: 22,
  padThicknessMm: 1.4,
} as const;

/** A rounded slab `thickness` thick, its top edge softened by `bevel`, lying on y = 0. */
function slab(
  width: number,
  length: number,
  radius: number,
  thickness: number,
  bevel: number,
): BufferGeometry {
  return (
    new ExtrudeGeometry(roundedRectangle(width / 2 - bevel, length / 2 - bevel, radius), {
      depth: thickness - bevel,
      bevelEnabled: bevel > 0,
      bevelThickness: bevel,
      bevelSize: bevel,
      bevelSegments: 2,
      curveSegments: 4,
    })
      // Extruded along +Z from z = 0 (its bevel reaches below): turned so the thickness runs along +Y.
      .rotateX(-Math.PI / 2)
      .translate(0, bevel, 0)
  );
}

/** The plaster's adhesive border and its gauze pad, each a geometry of its own (they take different materials). */
export function dressingGeometry(): { border: BufferGeometry; pad: BufferGeometry } {
  const d = DRESSING;
  return {
    border: slab(d.widthMm, d.lengthMm, 5, d.borderThicknessMm, 0),
    pad: slab(d.padWidthMm, d.padLengthMm, 2.5, d.padThicknessMm, 0.5).translate(0, d.borderThicknessMm, 0),
  };
}
