import { dot, sub, type V3 } from './vec3';

/**
 * Signed distance (mm) from a point to a surface: negative inside. Most shapes here are close approximations of a
 * true distance (gradient magnitude ≈ 1 near the surface), which is all polygonisation and smooth blending need.
 */
export type Sdf = (x: number, y: number, z: number) => number;

/** Axis-aligned box that holds a shape; used to skip evaluating shapes far from a sample. */
export interface Box {
  min: V3;
  max: V3;
}

/** Polynomial smooth minimum: a fillet of width ≈ k where two shapes meet. */
export function smoothMin(a: number, b: number, k: number): number {
  const h = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.min(a, b) - h * h * k * 0.25;
}

export function smoothMax(a: number, b: number, k: number): number {
  return -smoothMin(-a, -b, k);
}

/** Intersection of two fields with the edge between them rounded to radius r (as in a rounded box). */
export function roundedIntersection(a: number, b: number, r: number): number {
  const qa = a + r;
  const qb = b + r;
  const pa = qa > 0 ? qa : 0;
  const pb = qb > 0 ? qb : 0;
  return Math.sqrt(pa * pa + pb * pb) + Math.min(Math.max(qa, qb), 0) - r;
}

/** Approximate distance to an axis-aligned ellipse with semi-axes a, b (exact on the axes). */
export function ellipseDistance(x: number, y: number, a: number, b: number): number {
  const k0 = Math.sqrt((x * x) / (a * a) + (y * y) / (b * b));
  const k1 = Math.sqrt((x * x) / (a * a * a * a) + (y * y) / (b * b * b * b));
  return k1 === 0 ? -Math.min(a, b) : (k0 * (k0 - 1)) / k1;
}

/** Capsule whose radius changes linearly from ra at a to rb at b. */
export function taperedCapsule(a: V3, b: V3, ra: number, rb: number): Sdf {
  const ba = sub(b, a);
  const bb = dot(ba, ba);
  const [ax, ay, az] = a;
  const [bx, by, bz] = ba;
  return (x, y, z) => {
    const px = x - ax;
    const py = y - ay;
    const pz = z - az;
    let t = (px * bx + py * by + pz * bz) / bb;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const dx = px - bx * t;
    const dy = py - by * t;
    const dz = pz - bz * t;
    return Math.sqrt(dx * dx + dy * dy + dz * dz) - (ra + (rb - ra) * t);
  };
}

/** Ellipsoid with semi-axes `radii` along the given orthonormal axes. */
export function ellipsoid(center: V3, radii: V3, axes: readonly [V3, V3, V3]): Sdf {
  const [cx, cy, cz] = center;
  const [u, v, w] = axes;
  const [ra, rb, rc] = radii;
  return (x, y, z) => {
    const px = x - cx;
    const py = y - cy;
    const pz = z - cz;
    const lu = (px * u[0] + py * u[1] + pz * u[2]) / ra;
    const lv = (px * v[0] + py * v[1] + pz * v[2]) / rb;
    const lw = (px * w[0] + py * w[1] + pz * w[2]) / rc;
    const k0 = Math.sqrt(lu * lu + lv * lv + lw * lw);
    const k1 = Math.sqrt((lu * lu) / (ra * ra) + (lv * lv) / (rb * rb) + (lw * lw) / (rc * rc));
    return k1 === 0 ? -Math.min(ra, rb, rc) : (k0 * (k0 - 1)) / k1;
  };
}

/** Box with half-extents `half` along the given orthonormal axes, edges rounded to `radius`. */
export function orientedRoundBox(center: V3, axes: readonly [V3, V3, V3], half: V3, radius: number): Sdf {
  const [cx, cy, cz] = center;
  const [u, v, w] = axes;
  const hx = half[0] - radius;
  const hy = half[1] - radius;
  const hz = half[2] - radius;
  return (x, y, z) => {
    const px = x - cx;
    const py = y - cy;
    const pz = z - cz;
    const qx = Math.abs(px * u[0] + py * u[1] + pz * u[2]) - hx;
    const qy = Math.abs(px * v[0] + py * v[1] + pz * v[2]) - hy;
    const qz = Math.abs(px * w[0] + py * w[1] + pz * w[2]) - hz;
    const mx = qx > 0 ? qx : 0;
    const my = qy > 0 ? qy : 0;
    const mz = qz > 0 ? qz : 0;
    return Math.sqrt(mx * mx + my * my + mz * mz) + Math.min(Math.max(qx, qy, qz), 0) - radius;
  };
}

/** Smooth union of several shapes with one fillet width. */
export function smoothUnionAll(shapes: readonly Sdf[], k: number): Sdf {
  const [first, ...rest] = shapes;
  if (!first) throw new Error('smoothUnionAll needs at least one shape');
  return (x, y, z) => {
    let d = first(x, y, z);
    for (const s of rest) d = smoothMin(d, s(x, y, z), k);
    return d;
  };
}

/** Smallest box holding spheres of radius `pad` around every point. */
export function boxAround(points: readonly V3[], pad: number): Box {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const p of points) {
    for (let i = 0; i < 3; i++) {
      min[i] = Math.min(min[i] as number, (p[i] as number) - pad);
      max[i] = Math.max(max[i] as number, (p[i] as number) + pad);
    }
  }
  return { min, max };
}

export function boxUnion(boxes: readonly Box[]): Box {
  return boxAround(
    boxes.flatMap((b) => [b.min, b.max]),
    0,
  );
}

/** Distance from a point to a box (0 inside): a lower bound on the distance to anything the box holds. */
export function boxDistance(box: Box, x: number, y: number, z: number): number {
  const dx = Math.max(box.min[0] - x, 0, x - box.max[0]);
  const dy = Math.max(box.min[1] - y, 0, y - box.max[1]);
  const dz = Math.max(box.min[2] - z, 0, z - box.max[2]);
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/** Exact bounding box of an oriented box. */
export function orientedBoxBounds(center: V3, axes: readonly [V3, V3, V3], half: V3, pad = 0): Box {
  const ext = [0, 1, 2].map(
    (i) => axes.reduce((sum, axis, j) => sum + Math.abs(axis[i] as number) * (half[j] as number), 0) + pad,
  ) as [number, number, number];
  return {
    min: [center[0] - ext[0], center[1] - ext[1], center[2] - ext[2]],
    max: [center[0] + ext[0], center[1] + ext[1], center[2] + ext[2]],
  };
}

/** Signed distance to a simple polygon in the plane (vertices as x, y pairs, either winding): negative inside. */
export function polygonDistance(px: number, py: number, xy: Float64Array): number {
  const n = xy.length / 2;
  let best = Infinity;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const ax = xy[2 * j]!;
    const ay = xy[2 * j + 1]!;
    const bx = xy[2 * i]!;
    const by = xy[2 * i + 1]!;
    const ex = bx - ax;
    const ey = by - ay;
    const wx = px - ax;
    const wy = py - ay;
    const t = Math.min(Math.max((wx * ex + wy * ey) / (ex * ex + ey * ey), 0), 1);
    const dx = wx - ex * t;
    const dy = wy - ey * t;
    best = Math.min(best, dx * dx + dy * dy);
    if (ay > py !== by > py && px < (ex * (py - ay)) / ey + ax) inside = !inside;
  }
  return inside ? -Math.sqrt(best) : Math.sqrt(best);
}

/**
 * A flat blade: the polygon `profile` (u, v pairs in mm) in the plane spanned by the unit axes `u` and `v` through
 * `origin`, rounded in the plane by `profileRadius`, extruded along u × v to a half-thickness that runs linearly
 * from `halfThickness[0]` at u = 0 to `halfThickness[1]` at u = `length`, its edges rounded by `edgeRadius`.
 */
export function blade(
  origin: V3,
  u: V3,
  v: V3,
  profile: readonly number[],
  profileRadius: number,
  length: number,
  halfThickness: readonly [number, number],
  edgeRadius: number,
): Sdf {
  const w: V3 = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
  const xy = Float64Array.from(profile);
  const [ox, oy, oz] = origin;
  const [t0, t1] = halfThickness;
  return (x, y, z) => {
    const px = x - ox;
    const py = y - oy;
    const pz = z - oz;
    const lu = px * u[0] + py * u[1] + pz * u[2];
    const lv = px * v[0] + py * v[1] + pz * v[2];
    const lw = px * w[0] + py * w[1] + pz * w[2];
    const inPlane = polygonDistance(lu, lv, xy) - profileRadius;
    const s = Math.min(Math.max(lu / length, 0), 1);
    const across = Math.abs(lw) - (t0 + (t1 - t0) * s);
    return roundedIntersection(inPlane, across, edgeRadius);
  };
}

/**
 * A rod from a to b with an elliptical section whose semi-axes (along `up`, and across both) run linearly from
 * `ra` at a to `rb` at b, with ellipsoidal ends: a tapered, flattened process. Approximate distance.
 */
export function taperedEllipticRod(
  a: V3,
  b: V3,
  up: V3,
  ra: readonly [number, number],
  rb: readonly [number, number],
): Sdf {
  const ab = sub(b, a);
  const len = Math.sqrt(dot(ab, ab));
  const e1: V3 = [ab[0] / len, ab[1] / len, ab[2] / len];
  const upDot = dot(up, e1);
  const e2raw: V3 = [up[0] - e1[0] * upDot, up[1] - e1[1] * upDot, up[2] - e1[2] * upDot];
  const l2 = Math.sqrt(dot(e2raw, e2raw));
  const e2: V3 = [e2raw[0] / l2, e2raw[1] / l2, e2raw[2] / l2];
  const e3: V3 = [
    e1[1] * e2[2] - e1[2] * e2[1],
    e1[2] * e2[0] - e1[0] * e2[2],
    e1[0] * e2[1] - e1[1] * e2[0],
  ];
  const [ax, ay, az] = a;
  return (x, y, z) => {
    const px = x - ax;
    const py = y - ay;
    const pz = z - az;
    const along = px * e1[0] + py * e1[1] + pz * e1[2];
    const s = Math.min(Math.max(along / len, 0), 1);
    const r2 = ra[0] + (rb[0] - ra[0]) * s;
    const r3 = ra[1] + (rb[1] - ra[1]) * s;
    // Beyond an end the rod closes with half an ellipsoid whose length is the smaller semi-axis there.
    const over = along - s * len;
    const r1 = Math.min(r2, r3);
    const l1 = over / r1;
    const l2n = (px * e2[0] + py * e2[1] + pz * e2[2]) / r2;
    const l3n = (px * e3[0] + py * e3[1] + pz * e3[2]) / r3;
    const k0 = Math.sqrt(l1 * l1 + l2n * l2n + l3n * l3n);
    const k1 = Math.sqrt((l1 * l1) / (r1 * r1) + (l2n * l2n) / (r2 * r2) + (l3n * l3n) / (r3 * r3));
    return k1 === 0 ? -r1 : (k0 * (k0 - 1)) / k1;
  };
}

/**
 * A flat plate centred on `center`: its outline in the plane of axes[0] and axes[2] an oval (a superellipse of
 * exponent 3: straight-sided and round-ended) with semi-axes half[0] and half[2], its thickness 2 × half[1] along
 * axes[1], its edges fully rounded. Articular processes have this shape.
 */
export function ovalPlate(center: V3, axes: readonly [V3, V3, V3], half: V3): Sdf {
  const r = 1;
  const outline: number[] = [];
  for (let i = 0; i < 24; i++) {
    const a = (2 * Math.PI * i) / 24;
    const c = Math.cos(a);
    const s = Math.sin(a);
    outline.push(
      (half[0] - r) * Math.sign(c) * Math.abs(c) ** (2 / 3),
      (half[2] - r) * Math.sign(s) * Math.abs(s) ** (2 / 3),
    );
  }
  return blade(center, axes[0], axes[2], outline, r, 1, [half[1], half[1]], 0.85 * half[1]);
}
