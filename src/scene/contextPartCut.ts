import {
  BufferAttribute,
  Vector3,
  type BufferGeometry,
  type Matrix4,
  type Vector2,
  type Vector4,
} from 'three';
import type { MergedPartRange } from '../anatomy/loadSpineModel';
import { FOCUS_CONE_WIDENING, FOCUS_PART_BASE, FOCUS_PARTS } from './focusGlsl';

/**
 * A context bone (hidden whole, so never left as a stub) goes at a lower bar than the shader's per-pixel cut:
 * already where it overlaps the focus on screen and stands this many radii in front of it (the shader: 1.6) ...
 */
export const CONTEXT_FRONT_RADII = 0.8;
/**
 * ... and wherever it reaches this many radii in front, overlapping or not. Seen from the side, on a tall screen
 * (a phone held upright) a near rib above the subject crossed the spine in the foreground, and the twelfth rib
 * hooked over the treated vertebra's arch.
 */
export const CONTEXT_FORWARD_RADII = 1.9;

/** Points sampled on each context bone to test it against the focus cut (a rib is a long, thin curve). */
const SAMPLES_PER_PART = 32;

/**
 * Whole-bone cut-away for the context bones (ribs, iliac wings), merged into one geometry: each frame, a bone that
 * the focus cut (focusGlsl.ts) would reach anywhere is left out whole, so the view never shows a rib cut into a stub
 * and a piece floating in the air. The vertebrae themselves keep the per-pixel cut (their sections are capped).
 * One per viewer: the scratch vectors are its own.
 */
export class ContextPartCut {
  /** World points: part p's samples at [p × SAMPLES_PER_PART × 3, …). */
  private readonly samples: Float32Array;
  private readonly parts: number;
  private readonly point = new Vector3();
  private readonly toFocus = new Vector3();
  private readonly camera = new Vector3();

  /** Tags each vertex of `geometry` with its part (attribute `focusPart`) and samples each part. */
  constructor(geometry: BufferGeometry, ranges: readonly MergedPartRange[]) {
    this.parts = Math.min(ranges.length, FOCUS_PARTS);
    const position = geometry.getAttribute('position');
    const tags = new Uint8Array(position?.count ?? 0);
    this.samples = new Float32Array(this.parts * SAMPLES_PER_PART * 3);
    ranges.forEach((range, p) => {
      // Beyond FOCUS_PARTS a bone keeps the per-pixel cut (tag 0 names no part).
      if (p >= FOCUS_PARTS) return;
      tags.fill(FOCUS_PART_BASE + p, range.start, range.start + range.count);
      for (let k = 0; k < SAMPLES_PER_PART; k++) {
        const v = range.start + Math.floor(((k + 0.5) * range.count) / SAMPLES_PER_PART);
        this.samples[3 * (p * SAMPLES_PER_PART + k)] = position!.getX(v);
        this.samples[3 * (p * SAMPLES_PER_PART + k) + 1] = position!.getY(v);
        this.samples[3 * (p * SAMPLES_PER_PART + k) + 2] = position!.getZ(v);
      }
    });
    geometry.setAttribute('focusPart', new BufferAttribute(tags, 1));
  }

  /**
   * Sets `hidden[p]` to 1 for each part the focus cut would reach, 0 otherwise: the same test as the shader's,
   * without its dithered rim. `matrixWorld` places the merged geometry, `cameraWorld` the camera; `focus` is xyz
   * centre, w radius (0: none); `reach` the shader's front and near bounds in radii (FocusUniform.reach).
   */
  update(
    hidden: Float32Array,
    matrixWorld: Matrix4,
    cameraWorld: Matrix4,
    focus: Vector4,
    reach: Vector2,
  ): void {
    hidden.fill(0);
    if (focus.w <= 0) return;
    const camera = this.camera.setFromMatrixPosition(cameraWorld);
    const toFocus = this.toFocus.set(focus.x, focus.y, focus.z).sub(camera);
    const distance = toFocus.length();
    if (distance === 0) return;
    toFocus.divideScalar(distance);
    // Every bound at least as wide as the shader's (its reach): no part-cut bone slips through to be cut per pixel.
    const front = distance - Math.min(CONTEXT_FRONT_RADII, reach.x) * focus.w;
    const forward = distance - Math.min(CONTEXT_FORWARD_RADII, reach.y) * focus.w;
    for (let p = 0; p < this.parts; p++) {
      for (let k = 0; k < SAMPLES_PER_PART; k++) {
        const at = 3 * (p * SAMPLES_PER_PART + k);
        const v = this.point.fromArray(this.samples, at).applyMatrix4(matrixWorld).sub(camera);
        const along = v.dot(toFocus);
        if (along <= 0 || along >= front) continue;
        const across = Math.sqrt(Math.max(0, v.lengthSq() - along * along));
        const cone = (FOCUS_CONE_WIDENING * focus.w * along) / distance;
        // The outer edge of the shader's rim (4 % wider), or anywhere far enough forward.
        if (across < cone * 1.04 || along < forward) {
          hidden[p] = 1;
          break;
        }
      }
    }
  }
}
