/** Small tuple-vector helpers for setting up shapes (never used per sample, where they would allocate). */
export type V3 = readonly [number, number, number];

export const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: V3, s: number): V3 => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const length = (a: V3): number => Math.sqrt(dot(a, a));
export const cross = (a: V3, b: V3): V3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

export function normalize(a: V3): V3 {
  const l = length(a);
  if (l === 0) throw new Error('cannot normalise a zero vector');
  return scale(a, 1 / l);
}

/** Point on the segment a→b at parameter t. */
export const lerp = (a: V3, b: V3, t: number): V3 => add(a, scale(sub(b, a), t));

/**
 * Right-handed orthonormal frame whose first axis is `primary` and whose second axis is as close as possible to
 * `hint` (Gram–Schmidt), so oriented boxes can be described by "along" and "roughly up".
 */
export function frameFrom(primary: V3, hint: V3): [V3, V3, V3] {
  const e1 = normalize(primary);
  const e2 = normalize(sub(hint, scale(e1, dot(hint, e1))));
  return [e1, e2, cross(e1, e2)];
}
