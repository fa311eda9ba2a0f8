/**
 * A synthetic CT of the viewer's own generated spine around L1: the generator's signed-distance bones and discs
 * (spineCtShapes.ts) and the X-ray's body model (trunk, subcutaneous fat, lungs over their domes, bowel gas;
 * src/fluoro/bodyAttenuation.ts) sampled into a `ScanVolume` in Hounsfield units on an axial LPS grid, so that the
 * scan, targeted at SPINE_CT_TARGET as level L1, puts its L1 exactly where the generated L1 is drawn. Tests use it
 * to cross-check the pipelines that draw a scan (DRR, bone surface) against the ones that draw the generated spine.
 *
 * Hounsfield units (typical adult values at 120 kVp): cortical bone 1100 (dense cortex reads 1000–1900 HU, thin
 * shells less through partial volume), cancellous vertebral bone 150 (healthy ≈ 150–250, osteoporotic ≤ 110:
 * Pickhardt 2013, Ann Intern Med 158:588), disc 80, soft tissue 40, fat −100, aerated lung −740 (density 0.26,
 * ICRU 44, as MU_PER_MM.lungInflated), air −1000. Each voxel averages the tissue profile across its width along
 * the surface normal (the partial-volume effect of a real scanner), and mild seeded noise is added.
 */
import type { LevelId } from '../../src/anatomy/levels';
import { ellipseDistance } from '../../src/anatomy/sdf';
import { bodyModel, trunkAt, type Ellipsoid, type TrunkRow } from '../../src/fluoro/bodyAttenuation';
import type { Lps, ScanVolume } from '../../src/scan/types';
import { boneShapes, discShapes, worldBox, type PlacedShape } from './spineCtShapes';
import { mulberry32 } from '../../src/procedure/random';

/** LPS (mm) of the generated L1's body centre in the synthetic scan: off the origin, as on a real scanner. */
export const SPINE_CT_TARGET: Lps = [6, 18, -180];
/** The levels sampled: T11–L3 whole, and the parts of T10 and L4 that the 170 mm of slices reach. */
export const SPINE_CT_LEVELS: readonly LevelId[] = ['T10', 'T11', 'T12', 'L1', 'L2', 'L3', 'L4'];

export const SPINE_CT_HU = {
  cortical: 1100,
  cancellous: 150,
  disc: 80,
  softTissue: 40,
  fat: -100,
  lung: -740,
  air: -1000,
} as const;

export interface SpineCtOptions {
  /** Voxel size (mm): column, row, slice. Default 1.5 × 1.5 × 2. */
  spacingMm?: [number, number, number];
  /**
   * Extent (mm): left–right, front–back, head–foot, centred on L1 (front–back on the trunk). Default 360 × 260 ×
   * 170: a CT's usual field of view holds the whole trunk, and 170 mm covers T11–L3 and the C-arm's field.
   */
  sizeMm?: [number, number, number];
  /** Cancellous bone's HU (default 150; osteoporotic ≈ 100). */
  cancellousHu?: number;
  /** Subcutaneous fat under the skin (mm, default 15). */
  fatMm?: number;
  /** Noise amplitude (HU, uniform ±; default 10) and its seed. */
  noiseHu?: number;
  seed?: number;
}

/** Share of a window of width h centred at d (mm along the normal) lying in [lo, hi). */
function overlap(d: number, h: number, lo: number, hi: number): number {
  const a = Math.max(d - h / 2, lo);
  const b = Math.min(d + h / 2, hi);
  return b > a ? (b - a) / h : 0;
}

const inside = (e: Ellipsoid, x: number, y: number, z: number) =>
  ((x - e.centre[0]) / e.radii[0]) ** 2 +
    ((y - e.centre[1]) / e.radii[1]) ** 2 +
    ((z - e.centre[2]) / e.radii[2]) ** 2 <=
  1;

/**
 * The synthetic CT. Voxel (i, j, k) lies at LPS `originMm + (i·sx, j·sy, k·sz)`: axial slices, rows along +x
 * (patient's left), columns along +y (posterior), slices towards the head — a regular axial series.
 */
export function spineCtVolume(options: SpineCtOptions = {}): ScanVolume {
  const spacing = options.spacingMm ?? [1.5, 1.5, 2];
  const size = options.sizeMm ?? [360, 260, 170];
  const cancellous = options.cancellousHu ?? SPINE_CT_HU.cancellous;
  const fatMm = options.fatMm ?? 15;
  const noise = options.noiseHu ?? 10;
  const dims = size.map((s, a) => Math.round(s / spacing[a]!)) as [number, number, number];
  const [nx, ny, nz] = dims;
  const body = bodyModel('L1');
  // In-plane centre: L1 left–right, the trunk's middle front–back (the back skin is 85 mm behind L1's centre).
  const row0 = trunkAt(body.trunk, 0, { z: 0, centreY: 0, halfWidth: 0, halfDepth: 0 });
  const centre = [0, row0.centreY, 0];
  // World (LPS − target) of voxel 0 and the LPS origin.
  const w0 = centre.map((c, a) => c - ((dims[a]! - 1) / 2) * spacing[a]!) as Lps;
  const originMm = w0.map((w, a) => w + SPINE_CT_TARGET[a]!) as Lps;
  const world = (a: number, i: number) => w0[a]! + i * spacing[a]!;

  // 1. The body: air, fat under the skin, soft tissue, lungs above their domes, bowel gas.
  const hu = new Float32Array(nx * ny * nz);
  const row: TrunkRow = { z: 0, centreY: 0, halfWidth: 0, halfDepth: 0 };
  for (let k = 0; k < nz; k++) {
    const z = world(2, k);
    trunkAt(body.trunk, z, row);
    for (let j = 0; j < ny; j++) {
      const y = world(1, j);
      for (let i = 0; i < nx; i++) {
        const x = world(0, i);
        const skin = ellipseDistance(x, y - row.centreY, row.halfWidth, row.halfDepth);
        let v: number = SPINE_CT_HU.air;
        if (skin <= 0) {
          v = skin > -fatMm ? SPINE_CT_HU.fat : SPINE_CT_HU.softTissue;
          for (let s = 0; s < 2; s++)
            if (inside(body.lungs[s]!, x, y, z) && !inside(body.domes[s]!, x, y, z)) v = SPINE_CT_HU.lung;
          for (const g of body.gas)
            if (inside(g, x, y, z))
              v = SPINE_CT_HU.softTissue * (1 - g.fraction) + SPINE_CT_HU.air * g.fraction;
        }
        hu[i + nx * (j + ny * k)] = v;
      }
    }
  }

  // 2. Discs, then bones over them: each voxel averages the profile across its width along the normal.
  const h = (spacing[0] + spacing[1] + spacing[2]) / 3;
  const paint = (shape: PlacedShape, value: (d: number, under: number, q: Float64Array) => number) => {
    const box = worldBox(shape);
    const range = [0, 1, 2].map((a) => [
      Math.max(0, Math.floor((box.min[a]! - h - w0[a]!) / spacing[a]!)),
      Math.min(dims[a]! - 1, Math.ceil((box.max[a]! + h - w0[a]!) / spacing[a]!)),
    ]) as [[number, number], [number, number], [number, number]];
    const q = new Float64Array(3);
    const { min, max } = shape.box;
    for (let k = range[2][0]; k <= range[2][1]; k++)
      for (let j = range[1][0]; j <= range[1][1]; j++)
        for (let i = range[0][0]; i <= range[0][1]; i++) {
          shape.toLocal(world(0, i), world(1, j), world(2, k), q);
          if (q[0]! < min[0] || q[1]! < min[1] || q[2]! < min[2]) continue;
          if (q[0]! > max[0] || q[1]! > max[1] || q[2]! > max[2]) continue;
          const d = shape.sdf(q[0]!, q[1]!, q[2]!);
          if (d >= h / 2) continue;
          const c = i + nx * (j + ny * k);
          hu[c] = value(d, hu[c]!, q);
        }
  };
  for (const disc of discShapes(SPINE_CT_LEVELS, 'L1'))
    paint(
      disc,
      (d, under) => SPINE_CT_HU.disc * overlap(d, h, -Infinity, 0) + under * overlap(d, h, 0, Infinity),
    );
  for (const bone of boneShapes(SPINE_CT_LEVELS, 'L1'))
    paint(bone, (d, under, q) => {
      const cortex = bone.cortexMm(q[0]!, q[1]!, q[2]!);
      return (
        cancellous * overlap(d, h, -Infinity, -cortex) +
        SPINE_CT_HU.cortical * overlap(d, h, -cortex, 0) +
        under * overlap(d, h, 0, Infinity)
      );
    });

  // 3. Noise, and HU as integers.
  const next = mulberry32(options.seed ?? 16);
  const out = new Int16Array(hu.length);
  for (let c = 0; c < hu.length; c++) out[c] = Math.round(hu[c]! + noise * (next() + next() - 1));
  return {
    info: { rows: ny, columns: nx, slices: nz, spacingMm: [...spacing], modality: 'CT' },
    dims,
    spacingMm: [...spacing],
    originMm,
    axes: [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
    hu: out,
    downsampled: [1, 1, 1],
    format: 'dicom',
  };
}

/** HU of a volume at an LPS point (nearest voxel; air outside). */
export function huAt(volume: ScanVolume, lps: Lps): number {
  const idx = [0, 1, 2].map((a) => Math.round((lps[a]! - volume.originMm[a]!) / volume.spacingMm[a]!));
  if (idx.some((v, a) => v < 0 || v >= volume.dims[a]!)) return SPINE_CT_HU.air;
  const [i, j, k] = idx as [number, number, number];
  return volume.hu[i + volume.dims[0] * (j + volume.dims[1] * k)]!;
}
