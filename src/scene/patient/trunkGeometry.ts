import { BufferGeometry, Float32BufferAttribute } from 'three';
import { BACK_EXPONENT, FRONT_EXPONENT, type PatientBody } from './bodyShape';

/** Ring points (x, y) of the trunk's section at z', counter-clockwise from the patient's left side. */
function ring(body: PatientBody, z: number, segments: number, out: number[]): void {
  const s = body.section(z);
  for (let j = 0; j < segments; j++) {
    const t = (2 * Math.PI * j) / segments;
    const c = Math.cos(t);
    const sn = Math.sin(t);
    const n = sn >= 0 ? BACK_EXPONENT : FRONT_EXPONENT;
    const half = sn >= 0 ? s.backHalf : s.frontHalf;
    out.push(
      s.halfWidth * Math.sign(c) * Math.pow(Math.abs(c), 2 / n),
      s.centreY + half * Math.sign(sn) * Math.pow(Math.abs(sn), 2 / n),
      z,
    );
  }
}

/**
 * The trunk as one closed surface lofted along the table: superellipse sections (flattish back, rounder front)
 * from the buttocks to the shoulders, closed at both ends by a pole. Closed so the X-ray pass can integrate it.
 */
export function trunkGeometry(body: PatientBody, stations = 56, segments = 40): BufferGeometry {
  const positions: number[] = [];
  // Cosine spacing: more stations near the rounded ends, where the outline turns fastest.
  for (let i = 1; i < stations; i++) {
    const u = (1 - Math.cos((Math.PI * i) / stations)) / 2;
    ring(body, body.zBottom + (body.zTop - body.zBottom) * u, segments, positions);
  }
  const rings = stations - 1;
  const first = body.section(body.zBottom);
  const last = body.section(body.zTop);
  const bottomPole = rings * segments;
  positions.push(0, first.centreY, body.zBottom, 0, last.centreY, body.zTop);
  const index: number[] = [];
  for (let i = 0; i < rings - 1; i++) {
    for (let j = 0; j < segments; j++) {
      const a = i * segments + j;
      const b = i * segments + ((j + 1) % segments);
      const c = a + segments;
      const d = b + segments;
      index.push(a, b, d, a, d, c);
    }
  }
  for (let j = 0; j < segments; j++) {
    const next = (j + 1) % segments;
    index.push(bottomPole, next, j);
    const top = (rings - 1) * segments;
    index.push(bottomPole + 1, top + j, top + next);
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.setIndex(index);
  geometry.computeVertexNormals();
  return geometry;
}
