import { BufferGeometry, Float32BufferAttribute, type Vector4 } from 'three';

/** SectionOutlineOptions: which parts of the section to draw, and how. */
export interface SectionOutlineOptions {
  /** Keeps a segment a→b (points in the geometry's frame) of the outline; every segment when absent. */
  keep?: (a: readonly number[], b: readonly number[]) => boolean;
  /**
   * A dashed line: dashes and gaps this long (mm), measured along the plane's level direction (the plane's normal
   * crossed with +Y), so a line that runs front to back is cut into even dashes whatever the mesh's facets.
   */
  dashMm?: number;
}

/**
 * Where a closed surface crosses a plane, as a flat ribbon lying in that plane: every triangle the plane crosses
 * gives one segment of the outline, drawn as a quad `widthMm` wide, lifted `liftMm` off the plane on its removed
 * side so it lies on top of a cut face drawn there. `plane` is (normal, constant) with the normal into the kept
 * half, as the cutaway's (cutaway.ts). Positions are read in the geometry's own frame; the ribbon is made once,
 * not per frame.
 */
export function sectionOutline(
  geometry: BufferGeometry,
  plane: Vector4,
  widthMm: number,
  liftMm: number,
  options: SectionOutlineOptions = {},
): BufferGeometry {
  const position = geometry.getAttribute('position');
  const index = geometry.getIndex();
  const triangles = (index ? index.count : position.count) / 3;
  const vertex = (i: number) => (index ? index.getX(i) : i);
  const out: number[] = [];
  const p = [0, 0, 0].map(() => [0, 0, 0]);
  const d = [0, 0, 0];
  const crossings: number[][] = [];
  const [nx, ny, nz, w] = [plane.x, plane.y, plane.z, plane.w];
  const style: RibbonStyle = { normal: [nx, ny, nz], width: widthMm, lift: liftMm };
  for (let t = 0; t < triangles; t++) {
    for (let k = 0; k < 3; k++) {
      const v = vertex(t * 3 + k);
      p[k] = [position.getX(v), position.getY(v), position.getZ(v)];
      d[k] = nx * p[k]![0]! + ny * p[k]![1]! + nz * p[k]![2]! + w;
    }
    crossings.length = 0;
    for (let k = 0; k < 3; k++) {
      const a = p[k]!;
      const b = p[(k + 1) % 3]!;
      const da = d[k]!;
      const db = d[(k + 1) % 3]!;
      // An edge crosses where its ends lie on opposite sides (an end exactly on the plane counts on the kept side).
      if (da >= 0 === db >= 0) continue;
      const s = da / (da - db);
      crossings.push([a[0]! + (b[0]! - a[0]!) * s, a[1]! + (b[1]! - a[1]!) * s, a[2]! + (b[2]! - a[2]!) * s]);
    }
    if (crossings.length !== 2) continue;
    const [a, b] = crossings as [number[], number[]];
    if (options.keep && !options.keep(a, b)) continue;
    if (options.dashMm) dashes(out, a, b, style, options.dashMm);
    else ribbon(out, a, b, style);
  }
  const ribbonGeometry = new BufferGeometry();
  ribbonGeometry.setAttribute('position', new Float32BufferAttribute(out, 3));
  return ribbonGeometry;
}

/** The parts of segment a→b that fall on dashes (even multiples of `dash` along n × +Y), each as a ribbon. */
function dashes(out: number[], a: number[], b: number[], style: RibbonStyle, dash: number) {
  const n = style.normal;
  // n × (0, 1, 0) = (−n.z, 0, n.x): level and in the plane.
  const ux = -n[2]!;
  const uz = n[0]!;
  const norm = Math.hypot(ux, uz) || 1;
  const ta = (a[0]! * ux + a[2]! * uz) / norm;
  const tb = (b[0]! * ux + b[2]! * uz) / norm;
  if (Math.abs(tb - ta) < 1e-9) return;
  const lo = Math.min(ta, tb);
  const hi = Math.max(ta, tb);
  const at = (t: number) => {
    const s = (t - ta) / (tb - ta);
    return [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * s);
  };
  for (let k = Math.floor(lo / (2 * dash)); k * 2 * dash < hi; k++) {
    const from = Math.max(lo, k * 2 * dash);
    const to = Math.min(hi, k * 2 * dash + dash);
    if (to - from > 1e-6) ribbon(out, at(from), at(to), style, false);
  }
}

/** How a ribbon lies: in the plane of `normal`, `width` wide, lifted `lift` against the normal. */
interface RibbonStyle {
  normal: number[];
  width: number;
  lift: number;
}

/** One segment a→b as two triangles (RibbonStyle); `runOn`: each end runs on by half the width. */
function ribbon(out: number[], a: number[], b: number[], style: RibbonStyle, runOn = true): void {
  const { normal: n, width, lift } = style;
  const dir = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
  // Across the segment, in the plane: n × dir, normalised to half the width.
  const side = [
    n[1]! * dir[2]! - n[2]! * dir[1]!,
    n[2]! * dir[0]! - n[0]! * dir[2]!,
    n[0]! * dir[1]! - n[1]! * dir[0]!,
  ];
  const length = Math.hypot(side[0]!, side[1]!, side[2]!);
  const along = Math.hypot(dir[0]!, dir[1]!, dir[2]!);
  if (length < 1e-9) return;
  const h = width / 2 / length;
  // Each end runs on by half the width, so neighbouring segments overlap at the outline's corners (not a dash's:
  // its ends are where the gaps begin).
  const e = runOn ? width / 2 / along : 0;
  const corner = (q: number[], ahead: number, s: number) =>
    [0, 1, 2].map((i) => q[i]! + dir[i]! * e * ahead + side[i]! * h * s - n[i]! * lift);
  const [a0, a1, b0, b1] = [corner(a, -1, -1), corner(a, -1, 1), corner(b, 1, -1), corner(b, 1, 1)];
  out.push(...a0, ...b0, ...b1, ...a0, ...b1, ...a1);
}
