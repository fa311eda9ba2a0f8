import { BufferGeometry, LatheGeometry, Quaternion, SphereGeometry, Vector2, Vector3 } from 'three';

const UP = new Vector3(0, 1, 0);

/**
 * A closed, smoothly tapered limb segment from `a` (radius r0) to `b` (radius r1), with round ends so that
 * segments meeting at a joint blend into one another. Only position and normal attributes (mergeable).
 */
export function roundedSegment(
  a: readonly number[],
  b: readonly number[],
  r0: number,
  r1: number,
  radial = 16,
): BufferGeometry {
  const from = new Vector3(a[0], a[1], a[2]);
  const axis = new Vector3(b[0], b[1], b[2]).sub(from);
  const length = axis.length();
  const profile: Vector2[] = [];
  const cap = 6;
  // Lower cap (pole to equator), the tapered side, then the upper cap (equator to pole).
  for (let i = 0; i <= cap; i++) {
    const t = (-Math.PI / 2) * (1 - i / cap);
    profile.push(new Vector2(r0 * Math.cos(t), r0 * Math.sin(t)));
  }
  for (let i = 0; i <= cap; i++) {
    const t = (Math.PI / 2) * (i / cap);
    profile.push(new Vector2(r1 * Math.cos(t), length + r1 * Math.sin(t)));
  }
  profile[0]!.x = 0;
  profile[profile.length - 1]!.x = 0;
  const geometry = new LatheGeometry(profile, radial);
  geometry.deleteAttribute('uv');
  geometry.applyQuaternion(new Quaternion().setFromUnitVectors(UP, axis.normalize()));
  geometry.translate(from.x, from.y, from.z);
  return geometry;
}

/** An ellipsoid with semi-axes (rx, ry, rz) centred at `c` (position and normal only). */
export function ellipsoid(
  c: readonly number[],
  rx: number,
  ry: number,
  rz: number,
  segments = 28,
): BufferGeometry {
  const geometry = new SphereGeometry(1, segments, Math.round(segments * 0.7));
  geometry.deleteAttribute('uv');
  geometry.scale(rx, ry, rz);
  geometry.computeVertexNormals();
  geometry.translate(c[0]!, c[1]!, c[2]!);
  return geometry;
}
