/** Pure statistics for the benchmark (unit-tested in tests/unit/bench). */

/**
 * The p-th percentile (0–100) by linear interpolation between closest ranks (the common "type 7" definition:
 * p50 of [1, 2, 3, 4] is 2.5). NaN for an empty list; the input is not modified.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** a / b, or NaN when either is missing or b is 0. */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : NaN;
}

/** Growth from `before` to `after` in percent of `before`. */
export function growthPct(before: number, after: number): number {
  return Number.isFinite(before) && Number.isFinite(after) && before > 0
    ? ((after - before) / before) * 100
    : NaN;
}

/** Round to `digits` decimals (keeps the JSON readable); NaN and infinities pass through. */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * The samples a ring buffer gained since it held `before` samples: `after` is its current content (oldest first,
 * at most `capacity` long). When the ring is full, the samples older than the new ones cannot be told apart, so
 * only the newest `capacity - before` are taken (a lower bound on what was added).
 */
export function newSamples(after: readonly number[], before: number, capacity: number): number[] {
  const added = after.length < capacity ? after.length - before : capacity - before;
  return added > 0 ? after.slice(after.length - added) : [];
}
