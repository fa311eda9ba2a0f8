import { levelPose } from '../anatomy/spineLayout';
import type { LevelId } from '../anatomy/levels';
import type { ShotSubject } from '../procedure/types';
import { subjectSphere, type SubjectSphere } from './cameraPoses';

/**
 * Where each other treated level lies in the world of a scene centred on `active` (SpineScene: the spine turned
 * so the active level sits level, then prone, x left, y posterior, z cranial), in millimetres.
 */
export function otherLevelOffsets(
  active: LevelId,
  levels: readonly LevelId[],
): { level: LevelId; offset: [number, number, number] }[] {
  const a = levelPose(active);
  const cos = Math.cos(a.rotationXRad);
  const sin = Math.sin(a.rotationXRad);
  return levels
    .filter((level) => level !== active)
    .map((level) => {
      const p = levelPose(level).position;
      const dx = p[0] - a.position[0];
      const dy = p[1] - a.position[1];
      const dz = p[2] - a.position[2];
      // Undo the active level's tilt (a turn of −rotationX about x), then turn prone (+90° about x: y, z → −z, y).
      const y = dy * cos + dz * sin;
      const z = -dy * sin + dz * cos;
      return { level, offset: [dx, -z, y] };
    });
}

/** Grow `sphere` into the smallest sphere that holds it and the sphere (centre c, radius r). */
export function encloseSphere(sphere: SubjectSphere, c: readonly number[], r: number): void {
  const s = sphere.centre;
  const d = Math.hypot(c[0]! - s[0], c[1]! - s[1], c[2]! - s[2]);
  if (d + r <= sphere.radius) return;
  if (d + sphere.radius <= r) {
    s[0] = c[0]!;
    s[1] = c[1]!;
    s[2] = c[2]!;
    sphere.radius = r;
    return;
  }
  const radius = (d + sphere.radius + r) / 2;
  const k = d > 0 ? (radius - sphere.radius) / d : 0;
  for (let a = 0; a < 3; a++) s[a] = s[a]! + (c[a]! - s[a]!) * k;
  sphere.radius = radius;
}

/** The subjects a shared step frames that stand for "the broken bones": they take in every treated level. */
const WHOLE_SESSION_SUBJECTS: readonly ShotSubject[] = ['spine', 'vertebra'];

/**
 * With several levels, a shared step whose subject is the spine or the treated vertebra (the overview, hardening,
 * the result) frames that subject at every treated level, so each broken bone is in the picture. `scratch` is
 * reused (no allocation per frame).
 */
export function includeOtherLevels(
  sphere: SubjectSphere,
  subject: ShotSubject,
  others: readonly { level: LevelId; offset: readonly number[] }[],
  scratch: SubjectSphere,
): void {
  if (others.length === 0 || !WHOLE_SESSION_SUBJECTS.includes(subject)) return;
  const centre = scratch.centre;
  for (const other of others) {
    subjectSphere(subject, other.level, scratch);
    for (let a = 0; a < 3; a++) centre[a] = centre[a]! + other.offset[a]!;
    encloseSphere(sphere, centre, scratch.radius);
  }
}
