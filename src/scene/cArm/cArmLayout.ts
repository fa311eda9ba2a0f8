import { C_ARM } from '../../fluoro/cArmGeometry';

/*
 * The mobile C-arm's shape (mm), as the X-ray pass sees it: the source `sourceToIsocentreMm` from the treated
 * vertebra on one side, the detector's face at the source-to-detector distance on the other. The C is a half
 * circle centred on the isocentre, on the patient's right at AP, so it orbits about the patient's long axis
 * (world Z) without changing radius: at lateral it has swung over the top while the source sits on the right.
 * The stand (wheeled base, column and horizontal arm) waits on the patient's right; the cameras look from the
 * left (targeting from the foot end, along the axis the C turns about), so the machine stays behind the subject in
 * every preset.
 */
export const C_ARM_SHAPE = {
  /** Radius of the C's centre line, and the C's cross-section (radial × along Z). */
  arcRadiusMm: 640,
  arcThicknessMm: 70,
  arcDepthMm: 130,
  /** X-ray tube housing (box, along the beam × across × along Z) and its centre's distance from the isocentre. */
  tubeSize: [220, 170, 240] as const,
  tubeCentreMm: C_ARM.sourceToIsocentreMm + 40,
  /** Image receptor housing (cArmReceptor.ts): its face at the detector distance; its width, height and depth. */
  detectorFaceMm: C_ARM.sourceToDetectorMm - C_ARM.sourceToIsocentreMm,
  detectorSize: [340, 150, 340] as const,
  /** The stand on the patient's right: collar on the C, arm, column and base. */
  collarX: -640,
  columnX: -1020,
  baseSize: [520, 120, 760] as const,
} as const;

/** Beyond this eye distance (mm from the treated level) the view takes in the room, the whole C-arm with it. */
export const ROOM_VIEW_MM = 1500;

/**
 * Eye distance from the treated level below which the view is a close-up of the bone (mm): every guided step but
 * positioning and targeting. Closer in, only a slab of the C would show behind the spine (it did at cement
 * hardening, 303 mm), so the C-arm is left out there.
 */
export const CLOSE_UP_MM = 600;

/** A sphere that bounds part of the C-arm (world mm) for a clearance check. */
export interface Bound {
  centre: [number, number, number];
  radius: number;
}

/**
 * Bounding spheres of the parts that orbit with the C at an angle (0° AP, 90° lateral; same convention as
 * the X-ray's source direction: the source goes from below to the patient's right).
 */
export function cArmBounds(angleDeg: number): Bound[] {
  const a = (angleDeg * Math.PI) / 180;
  // Rotation about Z by −a: (x, y) → (x cos a + y sin a, −x sin a + y cos a).
  const turn = (x: number, y: number): [number, number, number] => [
    x * Math.cos(a) + y * Math.sin(a),
    -x * Math.sin(a) + y * Math.cos(a),
    0,
  ];
  const s = C_ARM_SHAPE;
  const bounds: Bound[] = [];
  for (let i = 0; i <= 24; i++) {
    const t = -Math.PI / 2 - (Math.PI * i) / 24;
    bounds.push({
      centre: turn(s.arcRadiusMm * Math.cos(t), s.arcRadiusMm * Math.sin(t)),
      radius: s.arcDepthMm / 2,
    });
  }
  bounds.push({ centre: turn(0, -s.tubeCentreMm), radius: Math.hypot(...s.tubeSize) / 2 });
  const detectorCentre = s.detectorFaceMm + s.detectorSize[1] / 2;
  bounds.push({ centre: turn(0, detectorCentre), radius: Math.hypot(...s.detectorSize) / 2 });
  // Strut from the detector housing to the C's upper end.
  for (let y = detectorCentre; y <= s.arcRadiusMm; y += 40) bounds.push({ centre: turn(0, y), radius: 35 });
  return bounds;
}

/** Bounding spheres of the stand (fixed; in the table's frame, which the stand shares with the floor). */
export function standBounds(floorY: number): Bound[] {
  const s = C_ARM_SHAPE;
  const bounds: Bound[] = [];
  for (let x = s.columnX; x <= s.collarX; x += 60) bounds.push({ centre: [x, 0, 0], radius: 70 });
  for (let y = floorY; y <= 60; y += 80) bounds.push({ centre: [s.columnX, y, 0], radius: 110 });
  bounds.push({ centre: [s.columnX, floorY + s.baseSize[1] / 2, 0], radius: Math.hypot(...s.baseSize) / 2 });
  return bounds;
}

/** Distance from a point to a segment (mm). */
export function distanceToSegment(p: readonly number[], a: readonly number[], b: readonly number[]): number {
  const ab = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
  const ap = [p[0]! - a[0]!, p[1]! - a[1]!, p[2]! - a[2]!];
  const len2 = ab[0]! ** 2 + ab[1]! ** 2 + ab[2]! ** 2;
  const t = Math.max(0, Math.min(1, (ap[0]! * ab[0]! + ap[1]! * ab[1]! + ap[2]! * ab[2]!) / len2));
  return Math.hypot(ap[0]! - t * ab[0]!, ap[1]! - t * ab[1]!, ap[2]! - t * ab[2]!);
}

/** Clearance kept between the C-arm and the line from the eye to the treated level (mm). */
export const SIGHT_CLEARANCE_MM = 20;

/**
 * A check, allocation-free per call, of whether any part of the C-arm (orbiting parts at an angle, plus the
 * stand's bounds already in world coordinates) comes between the eye and the target. The scene hides the C-arm
 * for such a frame, so it never cuts through the view of the treated level, whatever the camera (preset, blend
 * between presets, or orbited by hand), including while the C swings past the surgeon's side between views.
 */
export function createSightCheck(
  stand: readonly Bound[],
): (angleDeg: number, eye: readonly number[], target: readonly number[]) => boolean {
  const orbit = cArmBounds(0);
  const point = [0, 0, 0];
  const end = [0, 0, 0];
  return (angleDeg, eye, target) => {
    const length = Math.hypot(eye[0]! - target[0]!, eye[1]! - target[1]!, eye[2]! - target[2]!);
    // The sight line ends just short of the target: parts beyond the treated level do not hide it.
    const k = Math.min(1, 30 / Math.max(length, 1e-6));
    for (let i = 0; i < 3; i++) end[i] = target[i]! + (eye[i]! - target[i]!) * k;
    const a = (angleDeg * Math.PI) / 180;
    const c = Math.cos(a);
    const s = Math.sin(a);
    for (const b of orbit) {
      point[0] = b.centre[0] * c + b.centre[1] * s;
      point[1] = -b.centre[0] * s + b.centre[1] * c;
      point[2] = b.centre[2];
      if (distanceToSegment(point, eye, end) < b.radius + SIGHT_CLEARANCE_MM) return true;
    }
    for (const b of stand)
      if (distanceToSegment(b.centre, eye, end) < b.radius + SIGHT_CLEARANCE_MM) return true;
    return false;
  };
}

/** One-off form of the sight check (tests, tools). */
export function cArmBlocksView(
  angleDeg: number,
  eye: readonly number[],
  target: readonly number[],
  stand: readonly Bound[],
): boolean {
  return createSightCheck(stand)(angleDeg, eye, target);
}
