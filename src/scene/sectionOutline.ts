import { BufferGeometry, Float32BufferAttribute, type Vector4 } from 'three';

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
    if (crossings.length === 2) ribbon(out, crossings[0]!, crossings[1]!, [nx, ny, nz], widthMm, liftMm);
  }
  const ribbonGeometry = new BufferGeometry();
  ribbonGeometry.setAttribute('position', new Float32BufferAttribute(out, 3));
  return ribbonGeometry;
}

/** One segment a→b as two triangles in the plane of normal n, `width` wide, lifted `lift` against n. */
function ribbon(out: number[], a: number[], b: number[], n: number[], width: number, lift: number): void {
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
  // Each end runs on by half the width, so neighbouring segments overlap at the outline's corners.
  const e = width / 2 / along;
  const corner = (q: number[], ahead: number, s: number) =>
    [0, 1, 2].map((i) => q[i]! + dir[i]! * e * ahead + side[i]! * h * s - n[i]! * lift);
  const [a0, a1, b0, b1] = [corner(a, -1, -1), corner(a, -1, 1), corner(b, 1, -1), corner(b, 1, 1)];
  out.push(...a0, ...b0, ...b1, ...a0, ...b1, ...a1);
}
