/*
 * What an edge collapse of the simplifier (simplifyMesh.ts) must not do to the triangles around it.
 */

/** A collapse may not turn any surrounding triangle by more than ≈ 70°. */
const MIN_NORMAL_COSINE = 0.35;
/**
 * Nor may it leave two neighbouring triangles folded onto each other (more than ≈ 120° between their facings):
 * the per-triangle turn above still lets a fold build up over several collapses, and a fold shows as a torn flap.
 */
const MIN_NEIGHBOUR_COSINE = -0.5;

/** The (unnormalised) normal of triangle a, b, c: vertex indices into the flat position array `pos`. */
export function faceNormal(
  pos: ArrayLike<number>,
  a: number,
  b: number,
  c: number,
): [number, number, number] {
  const ux = pos[3 * b]! - pos[3 * a]!;
  const uy = pos[3 * b + 1]! - pos[3 * a + 1]!;
  const uz = pos[3 * b + 2]! - pos[3 * a + 2]!;
  const vx = pos[3 * c]! - pos[3 * a]!;
  const vy = pos[3 * c + 1]! - pos[3 * a + 1]!;
  const vz = pos[3 * c + 2]! - pos[3 * a + 2]!;
  return [uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx];
}

/** Whether moving `moved` (merging `other` into it) to the entry's position keeps every other face's facing. */
export function keepsOrientation(
  pos: Float64Array,
  faces: Int32Array,
  list: number[],
  moved: number,
  other: number,
  to: { x: number; y: number; z: number },
): boolean {
  for (const f of list) {
    const vs = [faces[3 * f]!, faces[3 * f + 1]!, faces[3 * f + 2]!];
    if (vs.includes(other)) continue;
    const before = faceNormal(pos, vs[0]!, vs[1]!, vs[2]!);
    const saved = [pos[3 * moved]!, pos[3 * moved + 1]!, pos[3 * moved + 2]!];
    pos[3 * moved] = to.x;
    pos[3 * moved + 1] = to.y;
    pos[3 * moved + 2] = to.z;
    const after = faceNormal(pos, vs[0]!, vs[1]!, vs[2]!);
    pos[3 * moved] = saved[0]!;
    pos[3 * moved + 1] = saved[1]!;
    pos[3 * moved + 2] = saved[2]!;
    const lb = Math.hypot(...before);
    const la = Math.hypot(...after);
    if (la < 1e-12 || lb < 1e-12) return false;
    const cos = (before[0] * after[0] + before[1] * after[1] + before[2] * after[2]) / (la * lb);
    if (cos < MIN_NORMAL_COSINE) return false;
  }
  return true;
}

/**
 * Whether merging `b` into `a` at the entry's position folds a triangle of the new fan onto a neighbour: another
 * fan triangle or the triangle across its outer edge.
 */
export function foldsOver(
  pos: Float64Array,
  faces: Int32Array,
  around: number[],
  shared: number[],
  a: number,
  b: number,
  to: { x: number; y: number; z: number },
  liveFaces: (v: number) => number[],
): boolean {
  const corners = (f: number): [number, number, number] => {
    const c = [faces[3 * f]!, faces[3 * f + 1]!, faces[3 * f + 2]!].map((v) => (v === b ? a : v));
    return [c[0]!, c[1]!, c[2]!];
  };
  const fan = [...new Set(around)].filter((f) => !shared.includes(f));
  const saved = [pos[3 * a]!, pos[3 * a + 1]!, pos[3 * a + 2]!];
  pos[3 * a] = to.x;
  pos[3 * a + 1] = to.y;
  pos[3 * a + 2] = to.z;
  const unit = (c: [number, number, number]): [number, number, number] => {
    const n = faceNormal(pos, c[0], c[1], c[2]);
    const l = Math.hypot(n[0], n[1], n[2]) || 1;
    return [n[0] / l, n[1] / l, n[2] / l];
  };
  let folded = false;
  for (const f of fan) {
    const c = corners(f);
    const n = unit(c);
    for (let e = 0; e < 3 && !folded; e++) {
      const u = c[e]!;
      const w = c[(e + 1) % 3]!;
      // The triangle across edge u–w: in the fan when the edge runs from the merged vertex, outside it otherwise.
      const across =
        u === a || w === a
          ? fan.find((g) => g !== f && corners(g).includes(u) && corners(g).includes(w))
          : liveFaces(u).find(
              (g) => g !== f && !fan.includes(g) && !shared.includes(g) && corners(g).includes(w),
            );
      if (across === undefined) continue;
      const m = unit(corners(across));
      if (n[0] * m[0] + n[1] * m[1] + n[2] * m[2] < MIN_NEIGHBOUR_COSINE) folded = true;
    }
    if (folded) break;
  }
  pos[3 * a] = saved[0]!;
  pos[3 * a + 1] = saved[1]!;
  pos[3 * a + 2] = saved[2]!;
  return folded;
}
