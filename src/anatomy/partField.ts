import { boxDistance, smoothMin, type Box, type Sdf } from './sdf';

/** One named piece of a bone, as a signed-distance shape with a box that holds it. */
export interface SdfPart {
  name: string;
  sdf: Sdf;
  box: Box;
  /**
   * The region this part may claim when the bone is split into parts, if smaller than its shape: a pedicle's
   * shape runs on into the body and the laminae so they fuse, but the pedicle part ends at its measured length.
   */
  claim?: Sdf;
}

/**
 * The bone as one smooth union of its parts, split back into parts for naming. Every sample belongs to the part
 * whose shape is nearest (a Voronoi split of the shapes); a part's field is the whole bone cut to that region,
 * widened by `overlap`. Each part is then a closed surface, and neighbouring parts share the same outer surface,
 * so the bone looks joined and each part can still be drawn, hidden or exported on its own.
 */
export class PartField {
  readonly parts: readonly SdfPart[];
  private readonly blend: number;
  private readonly overlap: number;
  private readonly margin: number;
  private readonly scratch: Float64Array;
  private readonly claims: Float64Array;

  /**
   * `margin`: parts whose box is further than this from a sample report the box distance (a lower bound) instead
   * of their exact distance. The default (blend + 1 mm) is enough for finding the surface; a caller that reads
   * distances further out (ambient occlusion) passes its own reach.
   */
  constructor(parts: readonly SdfPart[], blend: number, overlap: number, margin = blend + 1) {
    if (parts.length === 0) throw new Error('PartField needs at least one part');
    this.parts = parts;
    this.blend = blend;
    this.overlap = overlap;
    this.margin = margin;
    this.scratch = new Float64Array(parts.length);
    this.claims = new Float64Array(parts.length);
  }

  /** Distances to every part; far parts report the distance to their box (a lower bound), which is cheaper. */
  private evaluate(x: number, y: number, z: number): Float64Array {
    const out = this.scratch;
    for (let j = 0; j < this.parts.length; j++) {
      const part = this.parts[j] as SdfPart;
      const bd = boxDistance(part.box, x, y, z);
      out[j] = bd > this.margin ? bd : part.sdf(x, y, z);
    }
    return out;
  }

  private unionOf(d: Float64Array): number {
    let u = d[0] as number;
    for (let j = 1; j < d.length; j++) u = smoothMin(u, d[j] as number, this.blend);
    return u;
  }

  /** The whole bone. */
  readonly whole: Sdf = (x, y, z) => this.unionOf(this.evaluate(x, y, z));

  /** The bone cut to part `index`'s region. */
  fieldOf(index: number): Sdf {
    return (x, y, z) => {
      const d = this.evaluate(x, y, z);
      const c = this.claims;
      for (let j = 0; j < d.length; j++) {
        const claim = this.parts[j]!.claim;
        c[j] =
          claim && (d[j] as number) <= this.margin
            ? Math.max(d[j] as number, claim(x, y, z))
            : (d[j] as number);
      }
      let others = Infinity;
      for (let j = 0; j < c.length; j++)
        if (j !== index && (c[j] as number) < others) others = c[j] as number;
      const region = (c[index] as number) - others - this.overlap;
      return Math.max(this.unionOf(d), region);
    };
  }
}

/** Unit gradient of a field by central differences (the surface normal where the field is zero). */
export function fieldNormal(f: Sdf, x: number, y: number, z: number, e: number): [number, number, number] {
  const gx = f(x + e, y, z) - f(x - e, y, z);
  const gy = f(x, y + e, z) - f(x, y - e, z);
  const gz = f(x, y, z + e) - f(x, y, z - e);
  const l = Math.sqrt(gx * gx + gy * gy + gz * gz);
  return l > 0 ? [gx / l, gy / l, gz / l] : [0, 1, 0];
}
