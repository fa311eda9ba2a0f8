import {
  DataTexture,
  DataUtils,
  EquirectangularReflectionMapping,
  HalfFloatType,
  LinearFilter,
  RGBAFormat,
} from 'three';

/**
 * The studio light's room, traced on the CPU into a small equirectangular image instead of being rendered on the
 * GPU: the same boxes, area lights and point light as three.js's RoomEnvironment (examples/jsm/environments,
 * MIT; positions transcribed below), lit the way three's standard material lights a rough white surface
 * (Lambert, windowed inverse-square falloff, no shadows — RoomEnvironment casts none). Rendering that room
 * needs three lit shader programs, each a long compile on a slow GPU before the first frame; tracing 8 k rays
 * through 13 boxes takes a few milliseconds and leaves one small program for the PMREM.
 */

/**
 * A box: centre (x, y, z), rotation about Y (rad), full size (sx, sy, sz), its light (0: a white wall), and the
 * rotation's cosine and sine (filled in once).
 */
type RoomBox = readonly [number, number, number, number, number, number, number, number, number, number];
type RoomBoxData = readonly [number, number, number, number, number, number, number, number];

const withRotation = (b: RoomBoxData): RoomBox => [...b, Math.cos(b[3]), Math.sin(b[3])];

/** RoomEnvironment's scene is shifted down by 3.5 (its `position.y`); applied to every box and the lamp. */
const ROOM_Y = -3.5;
const BOXES: readonly RoomBox[] = (
  [
    [-10.906, 2.009, 1.846, -0.195, 2.328, 7.905, 4.651, 0],
    [-5.607, -0.754, -0.758, 0.994, 1.97, 1.534, 3.955, 0],
    [6.167, 0.857, 7.803, 0.561, 3.927, 6.285, 3.687, 0],
    [-2.017, 0.018, 6.124, 0.333, 2.002, 4.566, 2.064, 0],
    [2.291, -0.756, -2.621, -0.286, 1.546, 1.552, 1.496, 0],
    [-2.193, -0.369, -5.547, 0.516, 3.875, 3.487, 2.986, 0],
    // The area lights: emissive boxes (their intensities are RoomEnvironment's).
    [-16.116, 14.37, 8.208, 0, 0.1, 2.428, 2.739, 50],
    [-16.109, 18.021, -8.207, 0, 0.1, 2.425, 2.751, 50],
    [14.904, 12.198, -1.832, 0, 0.15, 4.265, 6.331, 17],
    [-0.462, 8.89, 14.52, 0, 4.38, 5.441, 0.088, 43],
    [3.235, 11.486, -12.541, 0, 2.5, 2.0, 0.1, 20],
    [0, 20, 0, 0, 1.0, 0.1, 1.0, 100],
  ] satisfies RoomBoxData[]
).map(withRotation);
/** The room itself, seen from inside. */
const ROOM: RoomBox = withRotation([-0.757, 13.219, 0.717, 0, 31.713, 28.305, 28.591, 0]);
/** The point light: position, intensity (cd), cut-off distance, decay 2. */
const LAMP = { x: 0.418, y: 16.199 + ROOM_Y, z: 0.3, intensity: 900, cutoff: 28 };

interface Hit {
  t: number;
  /** Surface normal facing the ray's origin side, world space. */
  nx: number;
  ny: number;
  nz: number;
}

/** One slab of the box test: the ray's entry and exit parameters along one box axis. */
function slab(o: number, d: number, half: number, range: Float64Array, axis: number): void {
  const inv = 1 / d;
  const a = (-half - o) * inv;
  const b = (half - o) * inv;
  // Plain comparisons, no destructuring swap: this runs before the optimising compiler has seen it (cold code).
  const t0 = a > b ? b : a;
  const t1 = a > b ? a : b;
  if (t0 > range[0]!) {
    range[0] = t0;
    range[2] = axis;
  }
  if (t1 < range[1]!) {
    range[1] = t1;
    range[3] = axis;
  }
}

/** Scratch for the slab test: [tNear, tFar, axisNear, axisFar]. */
const RANGE = new Float64Array(4);

/** Ray (from the origin along d) against a Y-rotated box: nearest entry (outside) or the exit (inside the room). */
function hitBox(box: RoomBox, dx: number, dy: number, dz: number, inside: boolean, out: Hit): boolean {
  // Indexed reads, not destructuring: this runs 13 times per ray, 400 k times in all.
  const cx = box[0];
  const cy = box[1];
  const cz = box[2];
  const sx = box[4];
  const sy = box[5];
  const sz = box[6];
  const c = box[8];
  const s = box[9];
  // Into the box's frame: origin o = -centre, rotated by -ry about Y.
  const ox = -c * cx + s * cz;
  const oz = -s * cx - c * cz;
  const lx = c * dx - s * dz;
  const lz = s * dx + c * dz;
  RANGE[0] = -Infinity;
  RANGE[1] = Infinity;
  slab(ox, lx, sx / 2, RANGE, 0);
  slab(-(cy + ROOM_Y), dy, sy / 2, RANGE, 1);
  slab(oz, lz, sz / 2, RANGE, 2);
  if (RANGE[0]! > RANGE[1]! || RANGE[1]! <= 0) return false;
  const t = inside ? RANGE[1]! : RANGE[0]!;
  if (t <= 0) return false;
  const axis = inside ? RANGE[3] : RANGE[2];
  // The face normal in the box frame points against the ray (outward when entering, inward when leaving).
  const bx = axis === 0 ? -Math.sign(lx) : 0;
  const bz = axis === 2 ? -Math.sign(lz) : 0;
  out.t = t;
  // Back to world space: rotate by +ry about Y.
  out.nx = c * bx + s * bz;
  out.ny = axis === 1 ? -Math.sign(dy) : 0;
  out.nz = -s * bx + c * bz;
  return true;
}

function copyHit(from: Hit, to: Hit): void {
  to.t = from.t;
  to.nx = from.nx;
  to.ny = from.ny;
  to.nz = from.nz;
}

const HIT: Hit = { t: 0, nx: 0, ny: 0, nz: 0 };
const BEST: Hit = { t: Infinity, nx: 0, ny: 0, nz: 0 };

/** Radiance seen from the room's centre along the unit direction (dx, dy, dz), linear. */
export function roomRadiance(dx: number, dy: number, dz: number): number {
  const hit = HIT;
  const best = BEST;
  best.t = Infinity;
  let emission = 0;
  if (hitBox(ROOM, dx, dy, dz, true, hit)) copyHit(hit, best);
  for (let b = 0; b < BOXES.length; b++) {
    const box = BOXES[b]!;
    if (hitBox(box, dx, dy, dz, false, hit) && hit.t < best.t) {
      copyHit(hit, best);
      emission = box[7];
    }
  }
  if (emission > 0) return emission;
  if (!Number.isFinite(best.t)) return 0;
  // A white, fully rough wall lit by the lamp: (1/π)·cosθ·I·falloff, three's physically based light units.
  const px = dx * best.t - LAMP.x;
  const py = dy * best.t - LAMP.y;
  const pz = dz * best.t - LAMP.z;
  const dist = Math.hypot(px, py, pz);
  const cos = Math.max(0, -(px * best.nx + py * best.ny + pz * best.nz) / dist);
  const window = Math.max(0, 1 - (dist / LAMP.cutoff) ** 4) ** 2;
  return (cos * LAMP.intensity * window) / Math.max(dist * dist, 0.01) / Math.PI;
}

/** Traced images by width: the same bytes every time, so traced once per page and shared (never written to). */
const traced = new Map<number, Uint16Array>();

/** The room's radiance as RGBA half floats, width × width/2, row 0 looking straight down (traced once per width). */
export function studioRoomPixels(width = 256): Uint16Array {
  const cached = traced.get(width);
  if (cached) return cached;
  const height = width / 2;
  const data = new Uint16Array(width * height * 4);
  const one = DataUtils.toHalfFloat(1);
  for (let j = 0; j < height; j++) {
    // three's equirectUv: v = asin(y)/π + 0.5 (row 0 at the bottom), u = atan(z, x)/2π + 0.5.
    const theta = ((j + 0.5) / height - 0.5) * Math.PI;
    for (let i = 0; i < width; i++) {
      const phi = ((i + 0.5) / width - 0.5) * 2 * Math.PI;
      const value = DataUtils.toHalfFloat(
        roomRadiance(Math.cos(phi) * Math.cos(theta), Math.sin(theta), Math.sin(phi) * Math.cos(theta)),
      );
      const k = 4 * (j * width + i);
      data[k] = data[k + 1] = data[k + 2] = value;
      data[k + 3] = one;
    }
  }
  traced.set(width, data);
  return data;
}

/** The room as an equirectangular half-float texture (one per canvas), for PMREMGenerator.fromEquirectangular. */
export function studioRoomEquirect(width = 256): DataTexture {
  const texture = new DataTexture(studioRoomPixels(width), width, width / 2, RGBAFormat, HalfFloatType);
  texture.mapping = EquirectangularReflectionMapping;
  texture.magFilter = texture.minFilter = LinearFilter;
  texture.needsUpdate = true;
  return texture;
}
