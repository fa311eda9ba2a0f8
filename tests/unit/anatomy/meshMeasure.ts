import type { Pose } from '../../../src/anatomy/spineLayout';
/** Measuring helpers for generated meshes: exact plane sections, so results do not depend on vertex spacing. */
export type Point = [number, number, number];

export interface MeshLike {
  positions: ArrayLike<number>;
  indices: ArrayLike<number>;
}

const dot = (a: readonly number[], b: readonly number[]): number =>
  a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;

/** Segments where the mesh's triangles cross the plane through `point` with normal `normal`. */
export function sliceMesh(mesh: MeshLike, point: Point, normal: Point): [Point, Point][] {
  const p = mesh.positions;
  const ix = mesh.indices;
  const offset = dot(point, normal);
  const vertex = (i: number): Point => [p[3 * i]!, p[3 * i + 1]!, p[3 * i + 2]!];
  const segments: [Point, Point][] = [];
  for (let f = 0; f < ix.length; f += 3) {
    const vs = [vertex(ix[f]!), vertex(ix[f + 1]!), vertex(ix[f + 2]!)];
    const d = vs.map((v) => dot(v, normal) - offset);
    const hits: Point[] = [];
    for (let e = 0; e < 3; e++) {
      const a = vs[e]!;
      const b = vs[(e + 1) % 3]!;
      const da = d[e]!;
      const db = d[(e + 1) % 3]!;
      if (da < 0 === db < 0) continue;
      const t = da / (da - db);
      hits.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]);
    }
    if (hits.length === 2) segments.push([hits[0]!, hits[1]!]);
  }
  return segments;
}

/** Extent (max − min) of points projected on a direction. */
export function extentAlong(points: readonly Point[], dir: Point): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const q of points) {
    const v = dot(q, dir);
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return hi - lo;
}

/** Length-weighted centroid of a set of section segments (the centre of a closed section's outline). */
export function outlineCentroid(segments: readonly [Point, Point][]): Point {
  let x = 0;
  let y = 0;
  let z = 0;
  let total = 0;
  for (const [a, b] of segments) {
    const len = Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
    x += (len * (a[0] + b[0])) / 2;
    y += (len * (a[1] + b[1])) / 2;
    z += (len * (a[2] + b[2])) / 2;
    total += len;
  }
  return [x / total, y / total, z / total];
}

export const endpoints = (segments: readonly [Point, Point][]): Point[] => segments.flat();

/** Parameters t at which the line origin + t·dir (dir of unit length) passes through the mesh's triangles. */
export function lineHits(mesh: MeshLike, origin: Point, dir: Point): number[] {
  const p = mesh.positions;
  const ix = mesh.indices;
  const hits: number[] = [];
  for (let f = 0; f < ix.length; f += 3) {
    const a = 3 * ix[f]!;
    const b = 3 * ix[f + 1]!;
    const c = 3 * ix[f + 2]!;
    const e1 = [p[b]! - p[a]!, p[b + 1]! - p[a + 1]!, p[b + 2]! - p[a + 2]!];
    const e2 = [p[c]! - p[a]!, p[c + 1]! - p[a + 1]!, p[c + 2]! - p[a + 2]!];
    const h = [
      dir[1] * e2[2]! - dir[2] * e2[1]!,
      dir[2] * e2[0]! - dir[0] * e2[2]!,
      dir[0] * e2[1]! - dir[1] * e2[0]!,
    ];
    const det = dot(e1, h);
    if (Math.abs(det) < 1e-12) continue;
    const s = [origin[0] - p[a]!, origin[1] - p[a + 1]!, origin[2] - p[a + 2]!];
    const u = dot(s, h) / det;
    if (u < 0 || u > 1) continue;
    const q = [
      s[1]! * e1[2]! - s[2]! * e1[1]!,
      s[2]! * e1[0]! - s[0]! * e1[2]!,
      s[0]! * e1[1]! - s[1]! * e1[0]!,
    ];
    const v = dot(dir, q) / det;
    if (v < 0 || u + v > 1) continue;
    hits.push(dot(e2, q) / det);
  }
  return hits.sort((x, y) => x - y);
}

/** Length of the mesh along a line: from the first to the last surface crossing. */
export function spanAlongLine(mesh: MeshLike, origin: Point, dir: Point): number {
  const hits = lineHits(mesh, origin, dir);
  return hits.length < 2 ? 0 : hits[hits.length - 1]! - hits[0]!;
}

/**
 * Directed edges without a matching reverse edge. Zero means the surface is closed and consistently oriented
 * (edges where several sheets touch are fine as long as they pair up), which is what depth-additive rendering needs.
 */
export function unmatchedDirectedEdges(mesh: MeshLike): number {
  const count = new Map<string, number>();
  const ix = mesh.indices;
  for (let f = 0; f < ix.length; f += 3) {
    for (let e = 0; e < 3; e++) {
      const a = ix[f + e]!;
      const b = ix[f + ((e + 1) % 3)]!;
      count.set(`${a},${b}`, (count.get(`${a},${b}`) ?? 0) + 1);
    }
  }
  let unmatched = 0;
  for (const [key, n] of count) {
    const [a, b] = key.split(',');
    unmatched += Math.abs(n - (count.get(`${b},${a}`) ?? 0));
  }
  return unmatched;
}

/**
 * Length of the solid chord through `origin` along `dir` in a bone made of several closed, overlapping part meshes:
 * the union of every part's inside intervals on that line, and of those the one that holds the origin (0 when the
 * origin is outside all of them).
 */
export function chordThrough(meshes: readonly MeshLike[], origin: Point, dir: Point): number {
  const intervals: [number, number][] = [];
  for (const mesh of meshes) {
    const hits = lineHits(mesh, origin, dir);
    for (let i = 0; i + 1 < hits.length; i += 2) intervals.push([hits[i]!, hits[i + 1]!]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  // Merge overlapping intervals in order; the merged one that holds the origin is the chord.
  let lo = Infinity;
  let hi = -Infinity;
  for (const [a, b] of intervals) {
    if (a > hi) {
      if (lo <= 0 && hi >= 0) break;
      [lo, hi] = [a, b];
    } else hi = Math.max(hi, b);
  }
  return lo <= 0 && hi >= 0 ? hi - lo : 0;
}

/** Distance from a point to the nearest point of a triangle mesh's surface (closest point on each triangle). */
export function distanceToMesh(mesh: MeshLike, q: readonly number[]): number {
  const p = mesh.positions;
  const ix = mesh.indices;
  let best = Infinity;
  const sub3 = (a: number[], b: readonly number[]): number[] => [a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!];
  for (let f = 0; f < ix.length; f += 3) {
    const a = [p[3 * ix[f]!]!, p[3 * ix[f]! + 1]!, p[3 * ix[f]! + 2]!];
    const b = [p[3 * ix[f + 1]!]!, p[3 * ix[f + 1]! + 1]!, p[3 * ix[f + 1]! + 2]!];
    const c = [p[3 * ix[f + 2]!]!, p[3 * ix[f + 2]! + 1]!, p[3 * ix[f + 2]! + 2]!];
    // Quick reject: further than the best from the triangle's bounding sphere.
    const cx = (a[0]! + b[0]! + c[0]!) / 3;
    const cy = (a[1]! + b[1]! + c[1]!) / 3;
    const cz = (a[2]! + b[2]! + c[2]!) / 3;
    const reach = Math.max(
      Math.hypot(a[0]! - cx, a[1]! - cy, a[2]! - cz),
      Math.hypot(b[0]! - cx, b[1]! - cy, b[2]! - cz),
      Math.hypot(c[0]! - cx, c[1]! - cy, c[2]! - cz),
    );
    if (Math.hypot(q[0]! - cx, q[1]! - cy, q[2]! - cz) - reach > best) continue;
    best = Math.min(best, Math.hypot(...sub3(closestOnTriangle(q, a, b, c), q)));
  }
  return best;
}

/** Closest point of triangle abc to q (Ericson, Real-Time Collision Detection, 5.1.5). */
function closestOnTriangle(q: readonly number[], a: number[], b: number[], c: number[]): number[] {
  const ab = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
  const ac = [c[0]! - a[0]!, c[1]! - a[1]!, c[2]! - a[2]!];
  const ap = [q[0]! - a[0]!, q[1]! - a[1]!, q[2]! - a[2]!];
  const at = (s: number, t: number): number[] => [0, 1, 2].map((i) => a[i]! + s * ab[i]! + t * ac[i]!);
  const d1 = dot(ab, ap);
  const d2 = dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return a;
  const bp = [q[0]! - b[0]!, q[1]! - b[1]!, q[2]! - b[2]!];
  const d3 = dot(ab, bp);
  const d4 = dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return b;
  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return at(d1 / (d1 - d3), 0);
  const cp = [q[0]! - c[0]!, q[1]! - c[1]!, q[2]! - c[2]!];
  const d5 = dot(ab, cp);
  const d6 = dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return c;
  const vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return at(0, d2 / (d2 - d6));
  const va = d3 * d6 - d5 * d4;
  if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
    const w = (d4 - d3) / (d4 - d3 + (d5 - d6));
    return [0, 1, 2].map((i) => b[i]! + w * (c[i]! - b[i]!));
  }
  const denom = 1 / (va + vb + vc);
  return at(vb * denom, vc * denom);
}

/** A point of `from`'s frame in `to`'s frame (rotations about X only, as in the layout). */
export function transfer(p: readonly number[], from: Pose, to: Pose): Point {
  const rot = (v: readonly number[], a: number): Point => [
    v[0]!,
    v[1]! * Math.cos(a) - v[2]! * Math.sin(a),
    v[1]! * Math.sin(a) + v[2]! * Math.cos(a),
  ];
  const w = rot(p, from.rotationXRad);
  return rot(
    [
      w[0] + from.position[0] - to.position[0],
      w[1] + from.position[1] - to.position[1],
      w[2] + from.position[2] - to.position[2],
    ],
    -to.rotationXRad,
  );
}
