import { Shape } from 'three';

/** A rectangle with rounded corners, centred on the origin, `halfWidth` × `halfLength` either side (for extruding). */
export function roundedRectangle(halfWidth: number, halfLength: number, radius: number): Shape {
  const w = halfWidth;
  const l = halfLength;
  const r = radius;
  const shape = new Shape();
  shape.moveTo(-w + r, -l);
  shape.lineTo(w - r, -l);
  shape.quadraticCurveTo(w, -l, w, -l + r);
  shape.lineTo(w, l - r);
  shape.quadraticCurveTo(w, l, w - r, l);
  shape.lineTo(-w + r, l);
  shape.quadraticCurveTo(-w, l, -w, l - r);
  shape.lineTo(-w, -l + r);
  shape.quadraticCurveTo(-w, -l, -w + r, -l);
  return shape;
}
