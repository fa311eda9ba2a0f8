import type { Box, Sdf } from './sdf';

/** A regular grid of samples: nx × ny × nz points starting at `origin`, `step` mm apart. */
export interface Grid {
  origin: [number, number, number];
  step: number;
  nx: number;
  ny: number;
  nz: number;
}

/** Indexed triangles; positions are xyz triples. */
export interface RawMesh {
  positions: Float64Array;
  indices: Uint32Array;
}

/** Grid covering `box` plus `pad` on every side, snapped to multiples of `step` so results are reproducible. */
export function gridAround(box: Box, step: number, pad: number): Grid {
  const lo = box.min.map((v) => Math.floor((v - pad) / step) * step) as [number, number, number];
  const count = (i: number): number => Math.ceil(((box.max[i] as number) + pad - lo[i]!) / step) + 1;
  return { origin: lo, step, nx: count(0), ny: count(1), nz: count(2) };
}

const BLOCK = 8;
const FINEST_BLOCK = 2;

/**
 * Sample a field on the grid, evaluating it exactly only near the surface. The grid is visited in blocks of 8³
 * cells, split into octants down to 2³: a block whose corners all lie on the same side, further from the surface
 * than the field can change across the block (`lipschitz` × half the block diagonal), cannot hold a crossing and
 * is filled with its corner value instead of being evaluated sample by sample.
 */
export interface Samples {
  values: Float32Array;
  /** Cells (index of their lowest corner) that may hold a crossing: the cells of every block not skipped. */
  candidateCells: Int32Array;
}

export function sampleField(field: Sdf, grid: Grid, lipschitz: number): Samples {
  const { nx, ny, nz, step, origin } = grid;
  const values = new Float32Array(nx * ny * nz);
  const known = new Uint8Array(nx * ny * nz);
  const at = (i: number, j: number, k: number): number => {
    const idx = i + nx * (j + ny * k);
    if (!known[idx]) {
      values[idx] = field(origin[0] + i * step, origin[1] + j * step, origin[2] + k * step);
      known[idx] = 1;
    }
    return values[idx] as number;
  };
  const deferred: number[] = [];
  const candidates: number[] = [];
  const visit = (i0: number, j0: number, k0: number, size: number): void => {
    const i1 = Math.min(i0 + size, nx - 1);
    const j1 = Math.min(j0 + size, ny - 1);
    const k1 = Math.min(k0 + size, nz - 1);
    if (i0 >= i1 || j0 >= j1 || k0 >= k1) return;
    const c0 = at(i0, j0, k0),
      c1 = at(i1, j0, k0),
      c2 = at(i0, j1, k0),
      c3 = at(i1, j1, k0);
    const c4 = at(i0, j0, k1),
      c5 = at(i1, j0, k1),
      c6 = at(i0, j1, k1),
      c7 = at(i1, j1, k1);
    const lo = Math.min(c0, c1, c2, c3, c4, c5, c6, c7);
    const hi = Math.max(c0, c1, c2, c3, c4, c5, c6, c7);
    const safe = (lipschitz * size * step * Math.sqrt(3)) / 2;
    if (lo > safe || hi < -safe) {
      deferred.push(i0, j0, k0, i1, j1, k1);
      return;
    }
    if (size > FINEST_BLOCK) {
      const h = size / 2;
      for (const dk of [0, h])
        for (const dj of [0, h]) for (const di of [0, h]) visit(i0 + di, j0 + dj, k0 + dk, h);
      return;
    }
    for (let k = k0; k <= k1; k++) for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) at(i, j, k);
    for (let k = k0; k < k1; k++)
      for (let j = j0; j < j1; j++) for (let i = i0; i < i1; i++) candidates.push(i + nx * (j + ny * k));
  };
  for (let k0 = 0; k0 < nz - 1; k0 += BLOCK) {
    for (let j0 = 0; j0 < ny - 1; j0 += BLOCK) {
      for (let i0 = 0; i0 < nx - 1; i0 += BLOCK) visit(i0, j0, k0, BLOCK);
    }
  }
  // Samples only skipped blocks touch take their block's sign; their magnitude never enters an interpolation.
  for (let n = 0; n < deferred.length; n += 6) {
    const i0 = deferred[n]!,
      j0 = deferred[n + 1]!,
      k0 = deferred[n + 2]!;
    const i1 = deferred[n + 3]!,
      j1 = deferred[n + 4]!,
      k1 = deferred[n + 5]!;
    const fill = values[i0 + nx * (j0 + ny * k0)] as number;
    for (let k = k0; k <= k1; k++) {
      for (let j = j0; j <= j1; j++) {
        for (let i = i0; i <= i1; i++) {
          const idx = i + nx * (j + ny * k);
          if (!known[idx]) {
            values[idx] = fill;
            known[idx] = 1;
          }
        }
      }
    }
  }
  return { values, candidateCells: Int32Array.from(candidates) };
}

const CORNERS = [
  [0, 0, 0],
  [1, 0, 0],
  [0, 1, 0],
  [1, 1, 0],
  [0, 0, 1],
  [1, 0, 1],
  [0, 1, 1],
  [1, 1, 1],
] as const;
const EDGES = [
  [0, 1],
  [2, 3],
  [4, 5],
  [6, 7],
  [0, 2],
  [1, 3],
  [4, 6],
  [5, 7],
  [0, 4],
  [1, 5],
  [2, 6],
  [3, 7],
] as const;

/**
 * Surface nets: one vertex per cell the surface passes through (the mean of its edge crossings), one quad per
 * grid edge the surface crosses. The result is closed as long as the grid's border lies outside the shape.
 */
export function surfaceNets({ values, candidateCells }: Samples, grid: Grid): RawMesh {
  const { nx, ny, step, origin } = grid;
  const cellVertex = new Int32Array(values.length).fill(-1);
  const positions: number[] = [];
  const corner = new Float64Array(8);
  const mixed: number[] = [];
  for (const cellIndex of candidateCells) {
    const i = cellIndex % nx;
    const j = Math.floor(cellIndex / nx) % ny;
    const k = Math.floor(cellIndex / (nx * ny));
    let inside = 0;
    for (let c = 0; c < 8; c++) {
      const [di, dj, dk] = CORNERS[c]!;
      const v = values[i + di + nx * (j + dj + ny * (k + dk))] as number;
      corner[c] = v;
      if (v < 0) inside++;
    }
    if (inside === 0 || inside === 8) continue;
    let sx = 0;
    let sy = 0;
    let sz = 0;
    let n = 0;
    for (const [a, b] of EDGES) {
      const va = corner[a] as number;
      const vb = corner[b] as number;
      if (va < 0 === vb < 0) continue;
      const t = va / (va - vb);
      const ca = CORNERS[a];
      const cb = CORNERS[b];
      sx += ca[0] + (cb[0] - ca[0]) * t;
      sy += ca[1] + (cb[1] - ca[1]) * t;
      sz += ca[2] + (cb[2] - ca[2]) * t;
      n++;
    }
    cellVertex[cellIndex] = positions.length / 3;
    mixed.push(cellIndex);
    positions.push(
      origin[0] + (i + sx / n) * step,
      origin[1] + (j + sy / n) * step,
      origin[2] + (k + sz / n) * step,
    );
  }
  const indices: number[] = [];
  const cell = (i: number, j: number, k: number): number => cellVertex[i + nx * (j + ny * k)] as number;
  const quad = (a: number, b: number, c: number, d: number, flip: boolean): void => {
    if (flip) [b, d] = [d, b];
    // Split along the shorter diagonal: better-shaped triangles on curved surfaces.
    const d2 = (p: number, q: number): number => {
      const dx = positions[3 * p]! - positions[3 * q]!;
      const dy = positions[3 * p + 1]! - positions[3 * q + 1]!;
      const dz = positions[3 * p + 2]! - positions[3 * q + 2]!;
      return dx * dx + dy * dy + dz * dz;
    };
    if (d2(a, c) <= d2(b, d)) indices.push(a, b, c, a, c, d);
    else indices.push(a, b, d, b, c, d);
  };
  // A crossing edge's four cells are all mixed; each edge is visited from the cell at its lowest corner.
  for (const cellIndex of mixed) {
    const i = cellIndex % nx;
    const j = Math.floor(cellIndex / nx) % ny;
    const k = Math.floor(cellIndex / (nx * ny));
    const in0 = (values[cellIndex] as number) < 0;
    if (j > 0 && k > 0 && in0 !== (values[cellIndex + 1] as number) < 0) {
      quad(cell(i, j - 1, k - 1), cell(i, j, k - 1), cell(i, j, k), cell(i, j - 1, k), !in0);
    }
    if (i > 0 && k > 0 && in0 !== (values[cellIndex + nx] as number) < 0) {
      quad(cell(i - 1, j, k - 1), cell(i - 1, j, k), cell(i, j, k), cell(i, j, k - 1), !in0);
    }
    if (i > 0 && j > 0 && in0 !== (values[cellIndex + nx * ny] as number) < 0) {
      quad(cell(i - 1, j - 1, k), cell(i, j - 1, k), cell(i, j, k), cell(i - 1, j, k), !in0);
    }
  }
  return { positions: Float64Array.from(positions), indices: Uint32Array.from(indices) };
}
