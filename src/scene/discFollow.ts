import { useFrame } from '@react-three/fiber';
import { useMemo } from 'react';
import { Matrix4, Vector3, type BufferAttribute, type BufferGeometry, type Object3D } from 'three';
import { bodyHeightScale, type FractureHeights } from '../anatomy/fractureField';
import type { MergedPartRange } from '../anatomy/loadSpineModel';
import { vertebraLandmarks } from '../anatomy/vertebraLandmarks';
import { fractureProfile, type FractureProfile } from '../procedure/fracture';
import type { ProcedureOptions } from '../procedure/types';
import { useController, useTreatedLevels } from '../playback/react/viewerHooks';

/** Share of the disc's height over which its follow fades, from its lower rim (1) to its upper part (0). */
const FOLLOW_SPAN = 0.55;

/** Every merged disc geometry's positions as the model made them, by its position attribute. */
const originals = new WeakMap<BufferAttribute, Float32Array>();

/** The body's heights as a frame holds them (mm). */
interface HeightsNow {
  anteriorHeightMm: number;
  middleHeightMm: number;
  posteriorHeightMm: number;
}

/**
 * The disc above a treated vertebra, moved with that vertebra's superior endplate: where the endplate sank (a wedge
 * collapses there, fracture.ts SUPERIOR_SHARE), the disc's lower part sinks with it, as the disc does in a real
 * compression fracture, instead of leaving an empty gap under the disc; its upper surface stays on the vertebra
 * above. Moves the disc's vertices in the merged disc geometry (and so in the X-ray, which draws the same
 * geometry) only when the heights change: nothing per frame otherwise, nothing allocated. (A closure rather than
 * a class: it is in the first download, and local names minify where property names do not.)
 */
function followingDisc(
  positions: BufferAttribute,
  { start, count }: MergedPartRange,
  levelToRoot: Matrix4,
  { normal, anchorMm }: FractureProfile,
  halfWidth: number,
  halfDepth: number,
): (now: HeightsNow) => void {
  const out = positions.array as Float32Array;
  // The model's own positions, kept from the first follower on: a later one (another grade) starts from them.
  let original = originals.get(positions);
  if (!original) originals.set(positions, (original = out.slice()));
  const base = original.subarray(start * 3, (start + count) * 3);
  const axis = new Vector3().setFromMatrixColumn(levelToRoot, 1).normalize();
  const toLevel = levelToRoot.clone().invert();
  const p = new Vector3();
  // Per vertex: x and z over the body's half width and half depth, its height above the anchor, its weight.
  const local = new Float32Array(count * 4);
  const rise = new Float32Array(count);
  let thickest = 0;
  for (let i = 0; i < count; i++) {
    p.fromArray(base, i * 3).applyMatrix4(toLevel);
    // Height above the body's normal upper rim (half the wall heights, varying front to back).
    const u = Math.min(Math.max(p.z / halfDepth, -1), 1);
    rise[i] = p.y - (normal.posteriorMm + ((normal.anteriorMm - normal.posteriorMm) * (u + 1)) / 2) / 2;
    thickest = Math.max(thickest, rise[i]!);
    local.set([p.x / halfWidth, p.z / halfDepth, p.y - anchorMm], i * 4);
  }
  for (let i = 0; i < count; i++) {
    const t = Math.min(Math.max(rise[i]! / (FOLLOW_SPAN * thickest), 0), 1);
    local[i * 4 + 3] = 1 - t * t * (3 - 2 * t);
  }
  // Not a number: the first call always writes (over whatever an earlier follower left).
  const h: FractureHeights = { anterior: NaN, middle: NaN, posterior: NaN };
  return (now) => {
    const anterior = now.anteriorHeightMm / normal.anteriorMm;
    const middle = now.middleHeightMm / normal.middleMm;
    const posterior = now.posteriorHeightMm / normal.posteriorMm;
    if (anterior === h.anterior && middle === h.middle && posterior === h.posterior) return;
    h.anterior = anterior;
    h.middle = middle;
    h.posterior = posterior;
    for (let i = 0; i < count; i++) {
      const j = i * 4;
      // Where the body's own point at this height would move (deformedY), by the vertex's weight.
      const move = local[j + 3]! * local[j + 2]! * (bodyHeightScale(local[j + 1]!, local[j]!, h) - 1);
      for (let k = 0; k < 3; k++) out[(start + i) * 3 + k] = base[i * 3 + k]! + move * axis.getComponent(k);
    }
    positions.addUpdateRange(start * 3, count * 3);
    positions.needsUpdate = true;
  };
}

/** The follow of the disc above `options.level` (called with a frame's heights), or null where there is none. */
export function discFollower(
  root: Object3D,
  disc: BufferGeometry,
  parts: readonly MergedPartRange[],
  options: ProcedureOptions,
): ((now: HeightsNow) => void) | null {
  // disc_T12_L1 (its mesh disc_T12_L1_mesh) lies on L1.
  const below = new RegExp(`^disc_[A-Z]\\d+_${options.level}(_|$)`);
  const range = parts.find((part) => below.test(part.name));
  const node = root.getObjectByName(options.level);
  if (!range || !node) return null;
  root.updateMatrixWorld(true);
  const levelToRoot = root.matrixWorld.clone().invert().multiply(node.matrixWorld);
  const marks = vertebraLandmarks(options.level);
  const positions = disc.getAttribute('position') as BufferAttribute;
  return followingDisc(
    positions,
    range,
    levelToRoot,
    fractureProfile(options),
    marks.bodyWidthMm / 2,
    marks.bodyDepthMm / 2,
  );
}

/** DiscsFollowingProps: the spine and its merged discs. */
export interface DiscsFollowingProps {
  /** Root of the loaded spine asset (the merged discs' frame). */
  root: Object3D;
  /** Every disc merged into one geometry. */
  disc: BufferGeometry;
  /** Which vertices each disc holds in it. */
  parts: readonly MergedPartRange[];
}

/**
 * Keeps the disc above each treated level on that level's superior endplate (see followingDisc). From the scene
 * features' chunk, so the first download carries none of it: the first frame shows the collapsed body with the
 * disc where the model has it, and the disc settles onto the endplate as soon as the chunk is here.
 */
export function DiscsFollowing({ root, disc, parts }: DiscsFollowingProps) {
  const treated = useTreatedLevels();
  const controller = useController();
  const followers = useMemo(
    () => treated.map((options) => discFollower(root, disc, parts, options)),
    [root, disc, parts, treated],
  );
  useFrame(() => {
    const s = controller.state;
    followers.forEach((follow, i) => follow?.(s.levels[i] ?? s));
  });
  return null;
}
