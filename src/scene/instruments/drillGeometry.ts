import { BufferGeometry, CylinderGeometry } from 'three';
import { HANDHELD } from '../../procedure/instruments';
import { lathe, merged } from './instrumentGeometry';

/**
 * The fluted bit of the kyphoplasty hand drill: a two-start helix cut into the shaft (radius dips along two
 * grooves that wind around the axis), with a pointed tip. Tip at the origin, shank back along −Y.
 */
export function drillBitGeometry(r: number): BufferGeometry {
  const flute = HANDHELD.drillFluteMm;
  const geometry = new CylinderGeometry(r, r, flute, 16, 36, false);
  geometry.translate(0, -flute / 2, 0);
  const p = geometry.getAttribute('position');
  const pitch = 9;
  for (let i = 0; i < p.count; i++) {
    const x = p.getX(i);
    const y = p.getY(i);
    const z = p.getZ(i);
    const radius = Math.hypot(x, z);
    if (radius < 1e-6) continue;
    const angle = Math.atan2(z, x);
    // Two grooves winding once per pitch; the tip narrows to a point over its last 3 mm.
    const groove = 0.72 + 0.28 * Math.abs(Math.cos(angle - (2 * Math.PI * y) / pitch));
    const point = Math.min(1, Math.max(0.12, -y / 3));
    const k = (groove * point * r) / radius;
    p.setXYZ(i, x * k, y, z * k);
  }
  geometry.deleteAttribute('uv');
  geometry.computeVertexNormals();
  return geometry;
}

/** The drill's smooth steel shank from the flutes back to the handle. */
export function drillShankGeometry(r: number, length: number): BufferGeometry {
  return lathe([
    [0, -HANDHELD.drillFluteMm + 0.5],
    [r * 0.92, -HANDHELD.drillFluteMm + 0.5],
    [r * 0.92, -length],
    [0, -length],
  ]);
}

/** The drill's handle: a ribbed palm knob turned by hand (no motor: kyphoplasty drills are manual). */
export function drillHandleGeometry(length: number): BufferGeometry {
  const R = HANDHELD.drillHandleDiameterMm / 2;
  const y = -length;
  const knob = lathe(
    [
      [0, y + 2],
      [5, y + 2],
      [6, y - 6],
      [R * 0.7, y - 12],
      [R, y - 24],
      [R * 0.95, y - 40],
      [R * 0.55, y - 48],
      [0, y - 48],
    ],
    28,
  );
  return merged([knob]);
}
