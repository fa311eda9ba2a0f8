import type { PartMesh } from './polygonize';
import { add, cross, dot, length, normalize, scale, sub, type V3 } from './vec3';

/** One station of a swept tube: a point of the centreline and the half-axes of the elliptical section there. */
export interface TubeStation {
  point: V3;
  /** Half-axis towards `up` (the section's height). */
  a: number;
  /** Half-axis across (the section's thickness). */
  b: number;
}

/** Centripetal-free, uniform Catmull–Rom spline through the points, sampled about every `spacing` mm of arc. */
export function splineThrough(points: readonly V3[], spacing: number): { point: V3; s: number }[] {
  const dense: V3[] = [];
  const at = (i: number): V3 => points[Math.min(Math.max(i, 0), points.length - 1)]!;
  for (let i = 0; i < points.length - 1; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    for (let k = 0; k < 16; k++) {
      const t = k / 16;
      const t2 = t * t;
      const t3 = t2 * t;
      const w = [
        -0.5 * t3 + t2 - 0.5 * t,
        1.5 * t3 - 2.5 * t2 + 1,
        -1.5 * t3 + 2 * t2 + 0.5 * t,
        0.5 * t3 - 0.5 * t2,
      ];
      dense.push(
        [0, 1, 2].map(
          (c) => w[0]! * p0[c]! + w[1]! * p1[c]! + w[2]! * p2[c]! + w[3]! * p3[c]!,
        ) as unknown as V3,
      );
    }
  }
  dense.push(at(points.length - 1));
  const arc = [0];
  for (let i = 1; i < dense.length; i++) arc.push(arc[i - 1]! + length(sub(dense[i]!, dense[i - 1]!)));
  const total = arc[arc.length - 1]!;
  const count = Math.max(2, Math.round(total / spacing) + 1);
  const out: { point: V3; s: number }[] = [];
  let j = 0;
  for (let k = 0; k < count; k++) {
    const s = (total * k) / (count - 1);
    while (j < dense.length - 2 && arc[j + 1]! < s) j++;
    const f = (s - arc[j]!) / Math.max(arc[j + 1]! - arc[j]!, 1e-9);
    out.push({ point: add(dense[j]!, scale(sub(dense[j + 1]!, dense[j]!), Math.min(Math.max(f, 0), 1))), s });
  }
  return out;
}

/**
 * A closed tube swept along the stations with elliptical sections (`sides` vertices each), its section's height
 * kept as close to `up` as the centreline allows, and both ends closed by rounded caps (a quarter-ellipse of
 * `capRings` rings and a pole) whose length is the end section's larger half-axis. Outward-facing, every edge shared
 * by exactly two triangles in opposite directions, so it is a closed surface as the fluoroscopy pass needs.
 */
export function tubeMesh(
  name: string,
  stations: readonly TubeStation[],
  up: V3,
  sides: number,
  capRings = 2,
): PartMesh {
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  const n = stations.length;
  const tangents = stations.map((st, i) =>
    normalize(sub(stations[Math.min(i + 1, n - 1)]!.point, stations[Math.max(i - 1, 0)]!.point)),
  );
  const ring = (centre: V3, t: V3, a: number, b: number, shrink: number, along: number): number => {
    const first = positions.length / 3;
    const u = normalize(sub(up, scale(t, dot(up, t))));
    const v = cross(t, u);
    for (let j = 0; j < sides; j++) {
      const phi = (2 * Math.PI * j) / sides;
      const c = Math.cos(phi);
      const s = Math.sin(phi);
      positions.push(...add(centre, add(scale(u, a * shrink * c), scale(v, b * shrink * s))));
      const radial = normalize(add(scale(u, c / a), scale(v, s / b)));
      const k = Math.sqrt(Math.max(1 - shrink * shrink, 0));
      normals.push(...normalize(add(scale(radial, shrink), scale(t, along * k))));
    }
    return first;
  };
  const band = (r0: number, r1: number): void => {
    for (let j = 0; j < sides; j++) {
      const j1 = (j + 1) % sides;
      indices.push(r0 + j, r0 + j1, r1 + j1, r0 + j, r1 + j1, r1 + j);
    }
  };
  const pole = (p: V3, nrm: V3): number => {
    positions.push(...p);
    normals.push(...nrm);
    return positions.length / 3 - 1;
  };
  // Start cap: from the pole behind the first station to its full section.
  const s0 = stations[0]!;
  const t0 = tangents[0]!;
  const cap0 = Math.max(s0.a, s0.b);
  const p0 = pole(add(s0.point, scale(t0, -cap0)), scale(t0, -1));
  let previous = -1;
  for (let k = 1; k <= capRings; k++) {
    const theta = (Math.PI / 2) * (k / (capRings + 1));
    const shrink = Math.sin(theta);
    const r = ring(add(s0.point, scale(t0, -cap0 * Math.cos(theta))), t0, s0.a, s0.b, shrink, -1);
    if (previous < 0) for (let j = 0; j < sides; j++) indices.push(r + ((j + 1) % sides), r + j, p0);
    else band(previous, r);
    previous = r;
  }
  for (let i = 0; i < n; i++) {
    const st = stations[i]!;
    const r = ring(st.point, tangents[i]!, st.a, st.b, 1, 0);
    band(previous, r);
    previous = r;
  }
  const se = stations[n - 1]!;
  const te = tangents[n - 1]!;
  const cape = Math.max(se.a, se.b);
  for (let k = capRings; k >= 1; k--) {
    const theta = (Math.PI / 2) * (k / (capRings + 1));
    const r = ring(add(se.point, scale(te, cape * Math.cos(theta))), te, se.a, se.b, Math.sin(theta), 1);
    band(previous, r);
    previous = r;
  }
  const pe = pole(add(se.point, scale(te, cape)), te);
  for (let j = 0; j < sides; j++) indices.push(previous + j, previous + ((j + 1) % sides), pe);
  return {
    name,
    positions: Float32Array.from(positions),
    normals: Float32Array.from(normals),
    indices: Uint32Array.from(indices),
  };
}
