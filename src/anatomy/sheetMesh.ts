import type { PartMesh } from './polygonize';
import { add, cross, normalize, scale, sub, type V3 } from './vec3';

/**
 * A closed plate of varying thickness around a curved sheet given on a (u, v) grid: both faces offset half the
 * thickness along the sheet's normal, joined by a strip along the sheet's border. Vertices are shared between the
 * faces and the border strip, so every edge is used by exactly two triangles in opposite directions (a closed,
 * consistently oriented surface, as the fluoroscopy pass needs).
 */
export function sheetMesh(
  name: string,
  point: (u: number, v: number) => V3,
  thickness: (u: number, v: number) => number,
  nu: number,
  nv: number,
): PartMesh {
  const e = 1e-3;
  const grid = (i: number, j: number): { p: V3; n: V3; t: number } => {
    const u = i / nu;
    const v = j / nv;
    const p = point(u, v);
    const pu = sub(point(Math.min(u + e, 1), v), point(Math.max(u - e, 0), v));
    const pv = sub(point(u, Math.min(v + e, 1)), point(u, Math.max(v - e, 0)));
    return { p, n: normalize(cross(pu, pv)), t: thickness(u, v) };
  };
  const positions: number[] = [];
  const normals: number[] = [];
  const stride = (nu + 1) * (nv + 1);
  const at = (i: number, j: number): number => j * (nu + 1) + i;
  const samples: { p: V3; n: V3; t: number }[] = [];
  for (let j = 0; j <= nv; j++) for (let i = 0; i <= nu; i++) samples.push(grid(i, j));
  const border = (i: number, j: number): boolean => i === 0 || j === 0 || i === nu || j === nv;
  for (const face of [1, -1]) {
    samples.forEach(({ p, n, t }, k) => {
      positions.push(...add(p, scale(n, (face * t) / 2)));
      const i = k % (nu + 1);
      const j = Math.floor(k / (nu + 1));
      // Border vertices also carry the rim: tilt their normals outwards so the edge shades round.
      let nrm = scale(n, face);
      if (border(i, j)) {
        const centre = samples[at(nu >> 1, nv >> 1)]!.p;
        const out = sub(p, centre);
        nrm = normalize(
          add(nrm, scale(normalize(sub(out, scale(n, out[0] * n[0] + out[1] * n[1] + out[2] * n[2]))), 0.8)),
        );
      }
      normals.push(...nrm);
    });
  }
  const indices: number[] = [];
  for (let j = 0; j < nv; j++) {
    for (let i = 0; i < nu; i++) {
      const [a, b, c, d] = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
      indices.push(a, b, c, a, c, d);
      indices.push(stride + a, stride + c, stride + b, stride + a, stride + d, stride + c);
    }
  }
  // The border loop in the direction the front face runs its edges: (0,0) → (nu,0) → (nu,nv) → (0,nv) → (0,0).
  const loop: number[] = [];
  for (let i = 0; i < nu; i++) loop.push(at(i, 0));
  for (let j = 0; j < nv; j++) loop.push(at(nu, j));
  for (let i = nu; i > 0; i--) loop.push(at(i, nv));
  for (let j = nv; j > 0; j--) loop.push(at(0, j));
  loop.forEach((a, k) => {
    const b = loop[(k + 1) % loop.length]!;
    indices.push(b, a, stride + a, b, stride + a, stride + b);
  });
  return {
    name,
    positions: Float32Array.from(positions),
    normals: Float32Array.from(normals),
    indices: Uint32Array.from(indices),
  };
}
