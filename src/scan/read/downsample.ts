/**
 * Averages factor × factor blocks of one slice: the reader calls it per file, so a large series is reduced
 * while it is read and never held at full size. Partial blocks at the right and bottom edges average the pixels
 * they have. Kept voxel (i, j) covers stored pixels i·f … i·f+f−1, so its centre lies (f − 1)/2 stored pixels
 * beyond the block's first pixel: `downsampledOrigin` moves the origin there.
 */
export function downsampleSlice(
  values: Int16Array,
  columns: number,
  rows: number,
  factor: number,
): Int16Array {
  if (factor === 1) return values;
  const keptColumns = Math.ceil(columns / factor);
  const keptRows = Math.ceil(rows / factor);
  const out = new Int16Array(keptColumns * keptRows);
  const sums = new Float64Array(keptColumns);
  const counts = new Uint32Array(keptColumns);
  for (let kj = 0; kj < keptRows; kj++) {
    sums.fill(0);
    counts.fill(0);
    const rowEnd = Math.min(rows, (kj + 1) * factor);
    for (let j = kj * factor; j < rowEnd; j++) {
      const row = j * columns;
      for (let i = 0; i < columns; i++) {
        const ki = (i / factor) | 0;
        sums[ki]! += values[row + i]!;
        counts[ki]!++;
      }
    }
    for (let ki = 0; ki < keptColumns; ki++) out[kj * keptColumns + ki] = Math.round(sums[ki]! / counts[ki]!);
  }
  return out;
}

/** Size of a slice after downsampleSlice: [columns, rows]. */
export function downsampledSize(columns: number, rows: number, factor: number): [number, number] {
  return [Math.ceil(columns / factor), Math.ceil(rows / factor)];
}
