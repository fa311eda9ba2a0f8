import type { RawMesh } from './surfaceNets';
import { faceNormal, foldsOver, keepsOrientation } from './collapseChecks';
import { EdgeHeap } from './edgeHeap';

/** Small pull towards short edges, so flat regions end up with even triangles instead of slivers. */
const EDGE_LENGTH_WEIGHT = 2e-4;

/**
 * Quadric-error edge-collapse simplification (Garland & Heckbert 1997) of a closed triangle mesh down to
 * `targetTriangles`. Collapses that would tear the surface (link condition), fold a triangle over or shrink a
 * closed piece below a tetrahedron are refused, so a closed input stays closed. Deterministic for a given input.
 */
export function simplifyMesh(mesh: RawMesh, targetTriangles: number): RawMesh {
  const pos = Float64Array.from(mesh.positions);
  const faces = Int32Array.from(mesh.indices);
  const nv = pos.length / 3;
  const nf = faces.length / 3;
  const faceAlive = new Uint8Array(nf).fill(1);
  const vertAlive = new Uint8Array(nv).fill(1);
  const version = new Uint32Array(nv);
  const quadric = new Float64Array(10 * nv);
  const vertFaces: number[][] = Array.from({ length: nv }, () => []);

  for (let f = 0; f < nf; f++) {
    const [a, b, c] = [faces[3 * f]!, faces[3 * f + 1]!, faces[3 * f + 2]!];
    vertFaces[a]!.push(f);
    vertFaces[b]!.push(f);
    vertFaces[c]!.push(f);
    const n = faceNormal(pos, a, b, c);
    const len = Math.hypot(n[0], n[1], n[2]);
    if (len === 0) continue;
    const [x, y, z] = [n[0] / len, n[1] / len, n[2] / len];
    const d = -(x * pos[3 * a]! + y * pos[3 * a + 1]! + z * pos[3 * a + 2]!);
    const w = len / 2;
    const plane = [x * x, x * y, x * z, x * d, y * y, y * z, y * d, z * z, z * d, d * d];
    for (const v of [a, b, c]) for (let i = 0; i < 10; i++) quadric[10 * v + i]! += w * plane[i]!;
  }

  const heap = new EdgeHeap();
  const target = new Float64Array(3);
  const pushEdge = (a: number, b: number): void => {
    const cost = collapseCost(pos, quadric, a, b, target);
    heap.push(cost, a, b, version[a]!, version[b]!, target);
  };
  const seen = new Set<number>();
  for (let f = 0; f < nf; f++) {
    for (let e = 0; e < 3; e++) {
      const a = faces[3 * f + e]!;
      const b = faces[3 * f + ((e + 1) % 3)]!;
      const key = Math.min(a, b) * nv + Math.max(a, b);
      if (seen.has(key)) continue;
      seen.add(key);
      pushEdge(Math.min(a, b), Math.max(a, b));
    }
  }

  const liveFaces = (v: number): number[] => {
    const list = vertFaces[v]!.filter(
      (f) => faceAlive[f] && (faces[3 * f] === v || faces[3 * f + 1] === v || faces[3 * f + 2] === v),
    );
    vertFaces[v] = list;
    return list;
  };
  const neighbours = (v: number, list: number[]): number[] => {
    const out: number[] = [];
    for (const f of list)
      for (let i = 0; i < 3; i++) {
        const u = faces[3 * f + i]!;
        if (u !== v && !out.includes(u)) out.push(u);
      }
    return out;
  };

  let faceCount = nf;
  const entry = { a: 0, b: 0, va: 0, vb: 0, x: 0, y: 0, z: 0 };
  while (faceCount > targetTriangles && heap.pop(entry)) {
    const { a, b } = entry;
    if (!vertAlive[a] || !vertAlive[b] || version[a] !== entry.va || version[b] !== entry.vb) continue;
    const fa = liveFaces(a);
    const fb = liveFaces(b);
    const shared = fa.filter((f) => fb.includes(f));
    if (shared.length !== 2) continue;
    const na = neighbours(a, fa);
    const nb = neighbours(b, fb);
    const common = na.filter((u) => nb.includes(u));
    if (common.length !== 2) continue;
    if (na.length + nb.length - common.length - 2 < 3) continue;
    if (!keepsOrientation(pos, faces, fa, a, b, entry) || !keepsOrientation(pos, faces, fb, b, a, entry))
      continue;
    if (foldsOver(pos, faces, [...fa, ...fb], shared, a, b, entry, liveFaces)) continue;

    pos[3 * a] = entry.x;
    pos[3 * a + 1] = entry.y;
    pos[3 * a + 2] = entry.z;
    for (let i = 0; i < 10; i++) quadric[10 * a + i]! += quadric[10 * b + i]!;
    for (const f of shared) faceAlive[f] = 0;
    for (const f of fb) {
      if (!faceAlive[f]) continue;
      for (let i = 0; i < 3; i++) if (faces[3 * f + i] === b) faces[3 * f + i] = a;
      vertFaces[a]!.push(f);
    }
    vertAlive[b] = 0;
    version[a]!++;
    faceCount -= 2;
    for (const u of neighbours(a, liveFaces(a))) pushEdge(a, u);
  }
  return compact(pos, faces, faceAlive);
}

function quadricError(q: Float64Array, o: number, x: number, y: number, z: number): number {
  return (
    q[o]! * x * x +
    2 * q[o + 1]! * x * y +
    2 * q[o + 2]! * x * z +
    2 * q[o + 3]! * x +
    q[o + 4]! * y * y +
    2 * q[o + 5]! * y * z +
    2 * q[o + 6]! * y +
    q[o + 7]! * z * z +
    2 * q[o + 8]! * z +
    q[o + 9]!
  );
}

const sumQ = new Float64Array(10);

/** Cost of collapsing edge a–b and (into `out`) the position the merged vertex takes. */
function collapseCost(
  pos: Float64Array,
  quadric: Float64Array,
  a: number,
  b: number,
  out: Float64Array,
): number {
  for (let i = 0; i < 10; i++) sumQ[i] = quadric[10 * a + i]! + quadric[10 * b + i]!;
  const q0 = sumQ[0]!,
    q1 = sumQ[1]!,
    q2 = sumQ[2]!,
    q3 = sumQ[3]!,
    q4 = sumQ[4]!;
  const q5 = sumQ[5]!,
    q6 = sumQ[6]!,
    q7 = sumQ[7]!,
    q8 = sumQ[8]!;
  const ax = pos[3 * a]!,
    ay = pos[3 * a + 1]!,
    az = pos[3 * a + 2]!;
  const bx = pos[3 * b]!,
    by = pos[3 * b + 1]!,
    bz = pos[3 * b + 2]!;
  const len2 = (ax - bx) ** 2 + (ay - by) ** 2 + (az - bz) ** 2;
  const mx = (ax + bx) / 2,
    my = (ay + by) / 2,
    mz = (az + bz) / 2;
  const det = q0 * (q4 * q7 - q5 * q5) - q1 * (q1 * q7 - q5 * q2) + q2 * (q1 * q5 - q4 * q2);
  const scaleRef = (q0 + q4 + q7) ** 3;
  let best = Infinity;
  if (Math.abs(det) > 1e-9 * scaleRef && scaleRef > 0) {
    // Cramer's rule for the quadric's minimiser.
    const x = (-q3 * (q4 * q7 - q5 * q5) + q1 * (q6 * q7 - q5 * q8) - q2 * (q6 * q5 - q4 * q8)) / det;
    const y = (q0 * (-q6 * q7 + q5 * q8) + q3 * (q1 * q7 - q5 * q2) + q2 * (-q1 * q8 + q6 * q2)) / det;
    const z = (q0 * (-q4 * q8 + q6 * q5) - q1 * (-q1 * q8 + q6 * q2) - q3 * (q1 * q5 - q4 * q2)) / det;
    if ((x - mx) ** 2 + (y - my) ** 2 + (z - mz) ** 2 <= len2) {
      best = quadricError(sumQ, 0, x, y, z);
      out[0] = x;
      out[1] = y;
      out[2] = z;
    }
  }
  for (const [x, y, z] of [
    [mx, my, mz],
    [ax, ay, az],
    [bx, by, bz],
  ] as const) {
    const e = quadricError(sumQ, 0, x, y, z);
    if (e < best) {
      best = e;
      out[0] = x;
      out[1] = y;
      out[2] = z;
    }
  }
  return Math.max(best, 0) + EDGE_LENGTH_WEIGHT * len2;
}

/** Drops collapsed vertices and faces; vertices are numbered in order of first use, which compresses well. */
function compact(pos: Float64Array, faces: Int32Array, faceAlive: Uint8Array): RawMesh {
  const remap = new Int32Array(pos.length / 3).fill(-1);
  const indices: number[] = [];
  let count = 0;
  for (let f = 0; f < faceAlive.length; f++) {
    if (!faceAlive[f]) continue;
    for (let i = 0; i < 3; i++) {
      const v = faces[3 * f + i]!;
      if (remap[v]! < 0) remap[v] = count++;
      indices.push(remap[v]!);
    }
  }
  const positions = new Float64Array(3 * count);
  for (let v = 0; v < remap.length; v++) {
    const r = remap[v]!;
    if (r >= 0) positions.set(pos.subarray(3 * v, 3 * v + 3), 3 * r);
  }
  return { positions, indices: Uint32Array.from(indices) };
}
