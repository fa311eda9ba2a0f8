/** Clamp to [0, 1]. */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Smooth start and stop with zero slope at both ends, so channels stay continuous across step boundaries. */
export function smoothstep(x: number): number {
  const u = clamp01(x);
  return u * u * (3 - 2 * u);
}

/** Progress of t through [from, to], clamped. */
export function progressIn(t: number, from: number, to: number): number {
  return to <= from ? (t >= to ? 1 : 0) : clamp01((t - from) / (to - from));
}

export function lerp(a: number, b: number, u: number): number {
  return a + (b - a) * u;
}
