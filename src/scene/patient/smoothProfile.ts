/**
 * A smooth curve through (x, y) keys with x increasing: monotone cubic Hermite (Fritsch–Carlson), so the body
 * outline passes every key without overshooting between them (no ripples along the torso). Flat beyond the ends.
 */
export function smoothProfile(xs: readonly number[], ys: readonly number[]): (x: number) => number {
  const n = xs.length;
  if (n === 0 || n !== ys.length) throw new Error('smoothProfile: need matching, non-empty keys');
  for (let i = 1; i < n; i++) if (!(xs[i]! > xs[i - 1]!)) throw new Error('smoothProfile: x must increase');
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) slopes.push((ys[i + 1]! - ys[i]!) / (xs[i + 1]! - xs[i]!));
  const tangents = xs.map((_, i) => {
    if (i === 0) return slopes[0] ?? 0;
    if (i === n - 1) return slopes[n - 2]!;
    const a = slopes[i - 1]!;
    const b = slopes[i]!;
    // A local extremum (or flat run) keeps a zero tangent: no overshoot.
    return a * b <= 0 ? 0 : (2 * a * b) / (a + b);
  });
  return (x: number) => {
    if (x <= xs[0]!) return ys[0]!;
    if (x >= xs[n - 1]!) return ys[n - 1]!;
    let i = 0;
    while (x > xs[i + 1]!) i++;
    const h = xs[i + 1]! - xs[i]!;
    const t = (x - xs[i]!) / h;
    const t2 = t * t;
    const t3 = t2 * t;
    return (
      (2 * t3 - 3 * t2 + 1) * ys[i]! +
      (t3 - 2 * t2 + t) * h * tangents[i]! +
      (-2 * t3 + 3 * t2) * ys[i + 1]! +
      (t3 - t2) * h * tangents[i + 1]!
    );
  };
}
