/**
 * The synthetic CT used by the scan tests: a soft-tissue cylinder along the body axis, a vertebra-like dense block
 * and two pedicle-like rods running back from it, in air. Defined analytically (so tests can compute exact
 * projections) and sampled into a `ScanVolume` or into DICOM/NIfTI files by the writers beside it.
 */
import type { Lps, ScanVolume } from '../../src/scan/types';

/** Where the block's centre lies in patient coordinates (LPS, mm): off the origin, as on a real scanner. */
export const PHANTOM_CENTRE: Lps = [12, -30, -140];

export const PHANTOM = {
  airHu: -1000,
  /** Soft tissue: a cylinder along z (head–foot), centred on the block in x and y. */
  tissue: { radiusMm: 110, hu: 40 },
  /** The vertebral body: an axis-aligned box, full sizes in mm (left–right, front–back, head–foot). */
  block: { sizeMm: [40, 30, 26] as Lps, hu: 700 },
  /** Two pedicles: cylinders along +y (towards the back) at x = ±12 mm, z = 0 relative to the centre. */
  rods: { xMm: [-12, 12], radiusMm: 4, fromYMm: 15, toYMm: 40, hu: 1200 },
} as const;

/** Hounsfield units of the phantom at a point given relative to PHANTOM_CENTRE (mm). */
export function phantomHu(x: number, y: number, z: number): number {
  const b = PHANTOM.block.sizeMm;
  if (Math.abs(x) <= b[0] / 2 && Math.abs(y) <= b[1] / 2 && Math.abs(z) <= b[2] / 2) return PHANTOM.block.hu;
  const r = PHANTOM.rods;
  if (y >= r.fromYMm && y <= r.toYMm) {
    for (const rx of r.xMm) if ((x - rx) ** 2 + z ** 2 <= r.radiusMm ** 2) return r.hu;
  }
  if (x * x + y * y <= PHANTOM.tissue.radiusMm ** 2) return PHANTOM.tissue.hu;
  return PHANTOM.airHu;
}

/** Sampling of the phantom: voxel counts (columns, rows, slices) and spacing (mm), axis-aligned LPS axes. */
export interface PhantomGrid {
  dims: [number, number, number];
  spacingMm: [number, number, number];
}

/** The default grid: 128 × 128 × 48 voxels, 2 mm in-plane and 2.5 mm slices (256 × 256 × 120 mm). */
export const PHANTOM_GRID: PhantomGrid = { dims: [128, 128, 48], spacingMm: [2, 2, 2.5] };

/** LPS position of voxel (i, j, k)'s centre: the grid is centred on PHANTOM_CENTRE, axes along +x, +y, +z. */
export function phantomVoxelLps(grid: PhantomGrid, i: number, j: number, k: number): Lps {
  const [nx, ny, nz] = grid.dims;
  const [sx, sy, sz] = grid.spacingMm;
  return [
    PHANTOM_CENTRE[0] + (i - (nx - 1) / 2) * sx,
    PHANTOM_CENTRE[1] + (j - (ny - 1) / 2) * sy,
    PHANTOM_CENTRE[2] + (k - (nz - 1) / 2) * sz,
  ];
}

/** The phantom sampled at voxel centres, as the volume a reader would produce from its files. */
export function phantomVolume(grid: PhantomGrid = PHANTOM_GRID): ScanVolume {
  const [nx, ny, nz] = grid.dims;
  const hu = new Int16Array(nx * ny * nz);
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const p = phantomVoxelLps(grid, i, j, k);
        hu[i + nx * (j + ny * k)] = phantomHu(
          p[0] - PHANTOM_CENTRE[0],
          p[1] - PHANTOM_CENTRE[1],
          p[2] - PHANTOM_CENTRE[2],
        );
      }
  return {
    info: { rows: ny, columns: nx, slices: nz, spacingMm: [...grid.spacingMm], modality: 'CT' },
    dims: [nx, ny, nz],
    spacingMm: [...grid.spacingMm],
    originMm: phantomVoxelLps(grid, 0, 0, 0),
    axes: [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
    hu,
    downsampled: [1, 1, 1],
    format: 'dicom',
  };
}
