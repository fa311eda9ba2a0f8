/**
 * The images read from a folder to one CT volume: skip scout views, insist on one CT series of equal, parallel
 * images with known spacing, order the slices along their normal and stack their (already downsampled) pixels.
 */
import { ScanReadError, type Lps, type ScanVolume } from '../types';
import type { DicomSliceHeader } from './dicomSlice';
import { cross, normalise, stackGeometry } from './sliceGeometry';

/** Fewer slices than this make no useful volume (a vertebral body is 20–30 mm tall). */
export const MIN_SLICES = 8;
/** Orientation cosines further apart than this are different orientations. */
const SAME_ORIENTATION = 1e-3;

/** One image as read: its header and, for the series' CT images, its pixels (HU) after in-plane downsampling. */
export interface ReadImage {
  header: DicomSliceHeader;
  hu: Int16Array | null;
}

function sameOrientation(a: [Lps, Lps], b: [Lps, Lps]): boolean {
  for (let v = 0; v < 2; v++)
    for (let c = 0; c < 3; c++) if (Math.abs(a[v]![c]! - b[v]![c]!) > SAME_ORIENTATION) return false;
  return true;
}

/** Images of a single CT series, or the notice why these images are not one (skipping scout views). */
export function pickCtSeries(images: ReadImage[]): ReadImage[] {
  const kept = images.filter((image) => !image.header.localizer);
  const ct = kept.filter((image) => image.header.modality === 'CT');
  const series = new Set(kept.map((image) => image.header.seriesUid));
  if (kept.length === 0) {
    throw new ScanReadError('not-readable', 'None of the files is a DICOM slice or a NIfTI volume');
  }
  if (ct.length === 0) {
    const modality = kept[0]?.header.modality || 'unknown';
    throw new ScanReadError('not-ct', `The images are ${modality}, not CT`, { modality });
  }
  if (series.size > 1) {
    throw new ScanReadError('mixed-series', `The files hold ${series.size} series`, { count: series.size });
  }
  return ct;
}

/** Distinct matrix sizes and orientations among the images (1 for a regular series). */
function shapeVariants(images: ReadImage[]): number {
  const shapes: { rows: number; columns: number; orientation: [Lps, Lps] | null }[] = [];
  for (const { header: h } of images) {
    const known = shapes.some(
      (s) =>
        s.rows === h.rows &&
        s.columns === h.columns &&
        (s.orientation && h.orientation
          ? sameOrientation(s.orientation, h.orientation)
          : s.orientation === h.orientation),
    );
    if (!known) shapes.push({ rows: h.rows, columns: h.columns, orientation: h.orientation });
  }
  return shapes.length;
}

/**
 * The volume of one CT series' images whose pixels were averaged over `factor` × `factor` blocks while read.
 * Rejects with `mixed-series`, `no-spacing`, `too-few-slices`, `tilted` or `missing-slices`.
 */
export function buildDicomVolume(images: ReadImage[], factor: number): ScanVolume {
  const variants = shapeVariants(images);
  if (variants > 1) {
    throw new ScanReadError('mixed-series', 'The images differ in size or orientation', { count: variants });
  }
  const first = images[0]!.header;
  if (images.some((i) => !i.header.position || !i.header.pixelSpacing) || !first.orientation) {
    throw new ScanReadError(
      'no-spacing',
      'The images do not say where they lie or how far apart their pixels are',
    );
  }
  if (images.length < MIN_SLICES) {
    throw new ScanReadError('too-few-slices', `Only ${images.length} slices`, {
      count: images.length,
      minimum: MIN_SLICES,
    });
  }
  const row = normalise(first.orientation[0]);
  const column = normalise(first.orientation[1]);
  // PixelSpacing is [distance between rows (along a column), distance between columns (along a row)].
  const [rowSpacing, columnSpacing] = first.pixelSpacing!;
  const positions = images.map((i) => i.header.position!);
  const { order, spacingMm } = stackGeometry(positions, row, column, Math.min(rowSpacing, columnSpacing));
  const normal = normalise(cross(row, column));

  const keptColumns = Math.ceil(first.columns / factor);
  const keptRows = Math.ceil(first.rows / factor);
  const plane = keptColumns * keptRows;
  const hu = new Int16Array(plane * images.length);
  order.forEach((index, k) => {
    const image = images[index]!;
    if (!image.hu || image.hu.length !== plane) throw new Error('slice pixels missing');
    hu.set(image.hu, k * plane);
    image.hu = null;
  });
  // A kept voxel averages `factor` stored pixels, so its centre lies (factor − 1)/2 pixels into its block.
  const shift = (factor - 1) / 2;
  const p0 = positions[order[0]!]!;
  const originMm: Lps = [0, 1, 2].map(
    (c) => p0[c]! + shift * (columnSpacing * row[c]! + rowSpacing * column[c]!),
  ) as Lps;
  return {
    info: {
      rows: first.rows,
      columns: first.columns,
      slices: images.length,
      spacingMm: [columnSpacing, rowSpacing, spacingMm],
      modality: 'CT',
    },
    dims: [keptColumns, keptRows, images.length],
    spacingMm: [columnSpacing * factor, rowSpacing * factor, spacingMm],
    originMm,
    axes: [row, column, normal],
    hu,
    downsampled: [factor, factor, 1],
    format: 'dicom',
  };
}
