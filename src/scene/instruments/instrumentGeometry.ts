import { BufferGeometry, CapsuleGeometry, CylinderGeometry, LatheGeometry, Vector2 } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { HANDHELD } from '../../procedure/instruments';

/*
 * Instrument shapes in their own frame: the working tip at the origin, the direction of advance +Y, so the
 * shaft and what the hand holds trail back along −Y (see useInstrumentPlacement). All closed solids, so the
 * X-ray pass can integrate the steel ones.
 */

/** A closed solid of revolution about Y from (radius, y) pairs, first and last radius forced to 0. */
export function lathe(profile: readonly (readonly [number, number])[], segments = 24): BufferGeometry {
  const points = profile.map(([r, y]) => new Vector2(r, y));
  // LatheGeometry faces outwards when its profile runs up the axis; the X-ray pass needs outward faces (it
  // subtracts at front faces and adds at back faces), so a profile written from the tip backwards is reversed.
  if (points[0]!.y > points[points.length - 1]!.y) points.reverse();
  points[0]!.x = 0;
  points[points.length - 1]!.x = 0;
  const geometry = new LatheGeometry(points, segments);
  geometry.deleteAttribute('uv');
  return geometry;
}

/** Merges pieces (position + normal) into one geometry and disposes the pieces. */
export function merged(pieces: BufferGeometry[]): BufferGeometry {
  const flat = pieces.map((p) => {
    const g = p.index ? p.toNonIndexed() : p;
    if (g !== p) p.dispose();
    if (g.getAttribute('uv')) g.deleteAttribute('uv');
    return g;
  });
  const out = mergeGeometries(flat, false);
  for (const p of flat) p.dispose();
  if (!out) throw new Error('instrument geometry: pieces do not merge');
  return out;
}

/** Shaft with a bevelled tip (steel): radius r, from the tip back to −length. */
export function shaftGeometry(r: number, length: number): BufferGeometry {
  return lathe([
    [0, 0],
    [r * 0.55, -1.2],
    [r, -3.5],
    [r, -length],
    [0, -length],
  ]);
}

/** The steel Luer hub at the back of a shaft, ending at y = −length − hubLength. */
export function hubGeometry(length: number): BufferGeometry {
  const r = HANDHELD.hubDiameterMm / 2;
  const h = HANDHELD.hubLengthMm;
  return lathe([
    [0, -length + 2],
    [r * 0.6, -length + 2],
    [r, -length - 3],
    [r, -length - h],
    [0, -length - h],
  ]);
}

/**
 * A closed hollow solid of revolution about Y: `loop` is the wall's cross-section in (radius, y), every radius
 * above 0, listed counter-clockwise (radius to the right, y up) so the faces point out of the steel on both the
 * outer and the bore side. The X-ray integrates steel only in the wall, so a tube shows as a real one does:
 * its walls, crossed tangentially, denser than its middle.
 */
export function hollowLathe(loop: readonly (readonly [number, number])[], segments = 24): BufferGeometry {
  const points = loop.map(([r, y]) => new Vector2(r, y));
  points.push(points[0]!.clone());
  const geometry = new LatheGeometry(points, segments);
  geometry.deleteAttribute('uv');
  return geometry;
}

/**
 * Wall of a cannula or needle shaft, mm: thin-wall 11–13 G bone needles and kyphoplasty cannulas have walls of a
 * few tenths of a millimetre (ISO 9626 thin-wall 11 G: 3.05 mm outside, ~2.4 mm bore).
 */
export const CANNULA_WALL_MM = 0.32;

/** The cannula as the X-ray sees it: a steel tube of outer radius r with its bore, tip bevel to the back. */
export function cannulaTubeGeometry(r: number, length: number): BufferGeometry {
  const bore = Math.max(r - CANNULA_WALL_MM, r * 0.5);
  return hollowLathe([
    [bore, 0],
    [bore, -length],
    [r, -length],
    [r, -3.5],
    [(r + bore) / 2, -1.2],
  ]);
}

/** The Luer hub as the X-ray sees it: a steel collar (about a millimetre of wall) around the cannula's bore. */
export function hubTubeGeometry(length: number, bore: number): BufferGeometry {
  const r = HANDHELD.hubDiameterMm / 2;
  const h = HANDHELD.hubLengthMm;
  return hollowLathe([
    [bore, -length],
    [bore, -length - h],
    [r, -length - h],
    [r, -length - 3],
    [r - 1, -length - 3],
    [r - 1, -length - h + 1],
    [bore + 0.3, -length - h + 1],
    [bore + 0.3, -length],
  ]);
}

/** Where a handle starts (y) for a shaft of `length`: behind the hub. */
export const handleStart = (length: number) => -length - HANDHELD.hubLengthMm;

/** Vertebroplasty T-handle (Jamshidi-type): a grip bar across the axis behind the hub. */
export function tHandleGeometry(length: number): BufferGeometry {
  const y = handleStart(length);
  const r = HANDHELD.tHandleThicknessMm / 2;
  const neck = new CylinderGeometry(6, 7, 10, 20).translate(0, y - 5, 0);
  const bar = new CapsuleGeometry(r, HANDHELD.tHandleWidthMm - 2 * r, 6, 16)
    .rotateZ(Math.PI / 2)
    .translate(0, y - 10 - r, 0);
  return merged([neck, bar]);
}

/** Kyphoplasty working-cannula palm handle: a rounded bulb the palm pushes and turns. */
export function bulbHandleGeometry(length: number): BufferGeometry {
  const y = handleStart(length);
  const R = HANDHELD.bulbHandleDiameterMm / 2;
  const H = HANDHELD.bulbHandleHeightMm;
  return lathe(
    [
      [0, y],
      [7, y],
      [8, y - 4],
      [R * 0.8, y - 8],
      [R, y - H * 0.5],
      [R * 0.85, y - H * 0.85],
      [R * 0.45, y - H],
      [0, y - H],
    ],
    28,
  );
}

/** Height of each handle kind along the axis (where the stylet's cap sits on top). */
export function handleHeight(kind: 'tee' | 'bulb'): number {
  return kind === 'tee' ? 10 + HANDHELD.tHandleThicknessMm : HANDHELD.bulbHandleHeightMm;
}

/** The stylet: steel rod with a trocar point past the cannula's tip. */
export function styletRodGeometry(r: number, length: number): BufferGeometry {
  const tip = HANDHELD.styletTipMm;
  return lathe([
    [0, tip],
    [r * 0.9, tip - 2.6],
    [r * 0.9, -length],
    [0, -length],
  ]);
}

/** The stylet's cap, seated on top of the handle. */
export function styletCapGeometry(length: number, kind: 'tee' | 'bulb'): BufferGeometry {
  const y = handleStart(length) - handleHeight(kind);
  const h = HANDHELD.styletCapHeightMm;
  return lathe([
    [0, y + 1],
    [9, y + 1],
    [10, y - h * 0.6],
    [7, y - h],
    [0, y - h],
  ]);
}
