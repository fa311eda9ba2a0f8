import {
  BoxGeometry,
  BufferGeometry,
  CapsuleGeometry,
  Color,
  ExtrudeGeometry,
  Float32BufferAttribute,
  Path,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { palette } from '../palette';
import { roundedRectangle } from '../roundedRectangle';
import type { BodyParts } from './bodyParts';
import type { PatientBody } from './bodyShape';
import { ellipsoid, roundedSegment } from './limbGeometry';

/** Head, neck, arms, hands, legs and feet as one mesh (the trunk is its own, closed for the X-ray). */
export function limbsGeometry(parts: BodyParts): BufferGeometry {
  const pieces: BufferGeometry[] = [
    ellipsoid(parts.head.centre, ...parts.head.radii, 24),
    ...parts.segments.map((s) => roundedSegment(s.a, s.b, s.r0, s.r1)),
    ...parts.ends.map((e) => ellipsoid(e.centre, ...e.radii, 16)),
  ];
  return mergeAll(pieces);
}

/** Grey hair over the back and sides of the head: with the face in the cushion, it shows which way is down. */
export function hairGeometry(parts: BodyParts): BufferGeometry {
  const [x, y, z] = parts.head.centre;
  const [rx, ry, rz] = parts.head.radii;
  return ellipsoid([x, y + 0.25 * ry, z + 0.1 * rz], rx + 3, ry * 0.8, rz * 0.98, 22);
}

/** Colour every vertex of a piece (one draw call for the whole table with its pads). */
function painted(geometry: BufferGeometry, color: Color): BufferGeometry {
  const g = geometry.index ? geometry.toNonIndexed() : geometry;
  if (g !== geometry) geometry.dispose();
  g.deleteAttribute('uv');
  const n = g.getAttribute('position').count;
  const colors = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) color.toArray(colors, i * 3);
  g.setAttribute('color', new Float32BufferAttribute(colors, 3));
  return g;
}

function box(size: readonly number[], centre: readonly number[]): BufferGeometry {
  return new BoxGeometry(size[0], size[1], size[2]).translate(centre[0]!, centre[1]!, centre[2]!);
}

/** A prone face cushion: a padded block with an oval opening for the face, base on the table. */
function faceCushion(centre: readonly number[], height: number): BufferGeometry {
  const w = 130;
  const d = 135;
  const r = 40;
  const shape = roundedRectangle(w, d, r);
  const hole = new Path();
  hole.absellipse(0, -10, 52, 78, 0, Math.PI * 2, true, 0);
  shape.holes.push(hole);
  const bevel = 12;
  const geometry = new ExtrudeGeometry(shape, {
    depth: Math.max(1, height - 2 * bevel),
    bevelEnabled: true,
    bevelThickness: bevel,
    bevelSize: 10,
    bevelSegments: 3,
    curveSegments: 16,
  });
  // Extruded along +Z: stand it up so the extrusion rises from the table.
  geometry.rotateX(-Math.PI / 2);
  geometry.translate(centre[0]!, centre[1]! + bevel, centre[2]!);
  return geometry;
}

/** A padded transverse roll across the table: a capsule lying along X, resting on the table top. */
function roll(z: number, top: number, height: number, halfWidth: number): BufferGeometry {
  const radius = Math.max(10, height / 2);
  return new CapsuleGeometry(radius, Math.max(1, 2 * halfWidth - 2 * radius), 8, 24)
    .rotateZ(Math.PI / 2)
    .translate(0, top + radius, z);
}

/** The operating table (padded top, frame, column, base), its arm boards, bolsters, face cushion and pillow. */
export function supportsGeometry(body: PatientBody, parts: BodyParts): BufferGeometry {
  const top = body.tableTopY;
  const [z0, z1] = parts.tableZ;
  const length = z1 - z0;
  const mid = (z0 + z1) / 2;
  const floor = top - 820;
  const pad = palette.tablePad;
  const frame = palette.table;
  const pieces: BufferGeometry[] = [
    painted(box([500, 45, length], [0, top - 22.5, mid]), pad),
    painted(box([530, 28, length + 20], [0, top - 59, mid]), frame),
    painted(box([180, top - 73 - floor - 60, 260], [0, (top - 73 + floor + 60) / 2, mid]), frame),
    painted(box([560, 60, 900], [0, floor + 30, mid]), frame),
    painted(faceCushion(parts.faceCushion.centre, parts.faceCushion.height), pad),
    painted(roll(parts.shinPillow.z, top, parts.shinPillow.height, 180), pad),
    ...parts.bolsters.map((b) => painted(roll(b.z, top, b.height, b.halfWidth), pad)),
    ...parts.armBoards.map((a) => painted(box(a.size, a.centre), pad)),
  ];
  return mergeAll(pieces);
}

function mergeAll(pieces: BufferGeometry[]): BufferGeometry {
  const flat = pieces.map((p) => {
    if (!p.index) return p;
    const g = p.toNonIndexed();
    p.dispose();
    return g;
  });
  for (const p of flat) if (p.getAttribute('uv')) p.deleteAttribute('uv');
  const merged = mergeGeometries(flat, false);
  for (const p of flat) p.dispose();
  if (!merged) throw new Error('patient geometry: pieces do not merge');
  return merged;
}
