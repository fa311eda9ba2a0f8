import type { NeedlePath } from '../../procedure/accessPath';
import { skinTopY, tableToWorld, worldToTable, type PatientBody } from './bodyShape';

/** Where a needle's line meets the back's skin, in the treated vertebra's local frame. */
export interface SkinCrossing {
  /** Distance from the bone entry point back along the needle to the skin (mm). */
  depthMm: number;
  /** The point on the skin. */
  point: [number, number, number];
  /** Outward unit normal of the skin there. */
  normal: [number, number, number];
}

/** Treated vertebra's local frame (+Y cranial, +Z anterior) → world (+Y posterior, +Z cranial), and back. */
const localToWorld = (p: readonly number[]): number[] => [p[0]!, -p[2]!, p[1]!];
const worldToLocal = (p: readonly number[]): [number, number, number] => [p[0]!, p[2]!, -p[1]!];

/** Signed height of a world point above the back's skin (table frame, mm): > 0 outside the body. */
function aboveSkin(body: PatientBody, world: readonly number[], scratch: number[]): number {
  worldToTable(body, world, scratch);
  return scratch[1]! - skinTopY(body, scratch[0]!, scratch[2]!);
}

/**
 * The skin crossing of a planned needle, found on the body's own surface (bisection along the needle from the
 * bone entry backwards), so numbing marks and dressings lie on the skin the viewer draws.
 */
export function needleSkinCrossing(body: PatientBody, needle: NeedlePath): SkinCrossing {
  const entry = localToWorld(needle.entry);
  const back = localToWorld(needle.direction).map((v) => -v);
  const scratch = [0, 0, 0];
  const at = (s: number) => entry.map((v, i) => v + back[i]! * s);
  let lo = 0;
  let hi = 250;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (aboveSkin(body, at(mid), scratch) > 0) hi = mid;
    else lo = mid;
  }
  const depthMm = (lo + hi) / 2;
  const point = at(depthMm);
  // Surface normal from the height field's slope in the table frame, turned back into the world.
  worldToTable(body, point, scratch);
  const [x, , z] = scratch as [number, number, number];
  const h = 1;
  const dx = (skinTopY(body, x + h, z) - skinTopY(body, x - h, z)) / (2 * h);
  const dz = (skinTopY(body, x, z + h) - skinTopY(body, x, z - h)) / (2 * h);
  const length = Math.hypot(dx, 1, dz);
  const normalWorld = tableToWorld(body, [-dx / length, 1 / length, -dz / length], [0, 0, 0]);
  return { depthMm, point: worldToLocal(point), normal: worldToLocal(normalWorld) };
}
