import type { LevelId } from './levels';
import { levelDimensions } from './morphometry';

/**
 * A compression fracture as a smooth height field over the vertebral body, so a level can be collapsed and partly
 * restored at run time by scaling its vertices' y about an anchor height, without rebuilding geometry: the body
 * centre (y = 0) when both endplates give way alike, the inferior endplate when the superior one collapses alone
 * (fractureAnchorMm).
 *
 * Heights are "current / normal" (1 = intact) at three lines: the anterior wall (zNorm = +1), the middle
 * (zNorm = 0) and the posterior wall (zNorm = −1). Along z the scale is the quadratic through those three values
 * (wedge: anterior smallest; biconcave: middle smallest; crush: all smaller). Across x the middle's departure from
 * the straight wall-to-wall line fades to half at the lateral walls, where the cortex holds up better than the
 * centre of the endplate.
 */
export interface FractureHeights {
  anterior: number;
  middle: number;
  posterior: number;
}

/** Share of the central dip (or bulge) that remains at the lateral walls (xNorm = ±1). */
export const LATERAL_DIP_RETENTION = 0.5;
const LATERAL_FALLOFF = 1 - LATERAL_DIP_RETENTION;

function clamp1(v: number): number {
  return v < -1 ? -1 : v > 1 ? 1 : v;
}

/** Height scale at a point of the body: zNorm −1 posterior wall … +1 anterior wall, xNorm −1 … +1 across. */
export function bodyHeightScale(zNorm: number, xNorm: number, heights: FractureHeights): number {
  const z = clamp1(zNorm);
  const x = clamp1(xNorm);
  const { anterior: a, middle: m, posterior: p } = heights;
  const wallLine = 0.5 * (a + p) + 0.5 * (a - p) * z;
  const dip = (m - 0.5 * (a + p)) * (1 - z * z) * (1 - LATERAL_FALLOFF * x * x);
  return wallLine + dip;
}

/** Partial derivatives of the scale with respect to zNorm and xNorm (inside the body). */
export function bodyHeightScaleGradient(
  zNorm: number,
  xNorm: number,
  heights: FractureHeights,
): [number, number] {
  const z = clamp1(zNorm);
  const x = clamp1(xNorm);
  const { anterior: a, middle: m, posterior: p } = heights;
  const amplitude = m - 0.5 * (a + p);
  return [
    0.5 * (a - p) - 2 * z * amplitude * (1 - LATERAL_FALLOFF * x * x),
    -2 * x * LATERAL_FALLOFF * amplitude * (1 - z * z),
  ];
}

/** Normal heights of a level at the three lines, in mm (middle = mean of the wall heights, rim to rim). */
export function normalBodyHeights(level: LevelId): {
  anteriorMm: number;
  middleMm: number;
  posteriorMm: number;
} {
  const d = levelDimensions(level);
  return {
    anteriorMm: d.bodyHeightAnteriorMm,
    middleMm: (d.bodyHeightAnteriorMm + d.bodyHeightPosteriorMm) / 2,
    posteriorMm: d.bodyHeightPosteriorMm,
  };
}

/** Heights in mm of a level deformed by the given scales. */
export function deformedBodyHeights(
  level: LevelId,
  heights: FractureHeights,
): { anteriorMm: number; middleMm: number; posteriorMm: number } {
  const n = normalBodyHeights(level);
  return {
    anteriorMm: n.anteriorMm * heights.anterior,
    middleMm: n.middleMm * heights.middle,
    posteriorMm: n.posteriorMm * heights.posterior,
  };
}

/** Scales that turn a level's normal heights into the given heights in mm (the inverse of deformedBodyHeights). */
export function heightScalesFor(
  level: LevelId,
  mm: { anteriorMm: number; middleMm: number; posteriorMm: number },
): FractureHeights {
  const n = normalBodyHeights(level);
  return {
    anterior: mm.anteriorMm / n.anteriorMm,
    middle: mm.middleMm / n.middleMm,
    posterior: mm.posteriorMm / n.posteriorMm,
  };
}

/**
 * The height (mm, level frame, 0 = body centre) that a fracture leaves where it is: the body's normal half-height
 * below the centre when the superior endplate takes all the loss (`superiorShare` 1), the centre when both endplates
 * take half each (0.5). Every deformed point is `anchor + (y − anchor) · scale` (deformedY).
 */
export function fractureAnchorMm(normalHalfHeightMm: number, superiorShare: number): number {
  return -(2 * superiorShare - 1) * normalHalfHeightMm;
}

/** Where a point `y` mm above the body centre lies once the body is deformed by `scale` about `anchorMm`. */
export function deformedY(y: number, scale: number, anchorMm: number): number {
  return anchorMm + (y - anchorMm) * scale;
}

/** Value for the uBodyHalfExtent uniform: half endplate width (x) and half depth (z) of the level's body. */
export function bodyHalfExtent(level: LevelId): [number, number] {
  const d = levelDimensions(level);
  return [d.endplateWidthMm / 2, d.endplateDepthMm / 2];
}

const glslFloat = (v: number): string => (Number.isInteger(v) ? `${v}.0` : String(v));

/**
 * Uniforms and functions for a vertex shader (put them before main, e.g. after `#include <common>`).
 * uFractureHeights = (anterior, middle, posterior) scales; uBodyHalfExtent = (half width, half depth) in the
 * body's local frame, which is the part mesh's local space once loadSpineModel has baked it; uFractureAnchor = the
 * height that stays put (fractureAnchorMm).
 */
export const FRACTURE_GLSL = /* glsl */ `
uniform vec3 uFractureHeights;
uniform vec2 uBodyHalfExtent;
uniform float uFractureAnchor;
float fractureHeightScale(float zNorm, float xNorm, vec3 h) {
  float z = clamp(zNorm, -1.0, 1.0);
  float x = clamp(xNorm, -1.0, 1.0);
  float wallLine = 0.5 * (h.x + h.z) + 0.5 * (h.x - h.z) * z;
  float dip = (h.y - 0.5 * (h.x + h.z)) * (1.0 - z * z) * (1.0 - ${glslFloat(LATERAL_FALLOFF)} * x * x);
  return wallLine + dip;
}
vec2 fractureHeightScaleGradient(float zNorm, float xNorm, vec3 h) {
  float z = clamp(zNorm, -1.0, 1.0);
  float x = clamp(xNorm, -1.0, 1.0);
  float amplitude = h.y - 0.5 * (h.x + h.z);
  return vec2(0.5 * (h.x - h.z) - 2.0 * z * amplitude * (1.0 - ${glslFloat(LATERAL_FALLOFF)} * x * x), -2.0 * x * ${glslFloat(LATERAL_FALLOFF)} * amplitude * (1.0 - z * z));
}
`;

/** Replaces `#include <beginnormal_vertex>`: the normal follows the height field (inverse-transpose Jacobian). */
export const FRACTURE_NORMAL_GLSL = /* glsl */ `
#include <beginnormal_vertex>
{
  vec2 fractureN = vec2(position.z / uBodyHalfExtent.y, position.x / uBodyHalfExtent.x);
  float fractureS = fractureHeightScale(fractureN.x, fractureN.y, uFractureHeights);
  vec2 fractureG = fractureHeightScaleGradient(fractureN.x, fractureN.y, uFractureHeights);
  float fractureDz = (position.y - uFractureAnchor) * fractureG.x / uBodyHalfExtent.y;
  float fractureDx = (position.y - uFractureAnchor) * fractureG.y / uBodyHalfExtent.x;
  objectNormal = normalize(vec3(
    objectNormal.x - fractureDx / fractureS * objectNormal.y,
    objectNormal.y / fractureS,
    objectNormal.z - fractureDz / fractureS * objectNormal.y));
}
`;

/** Replaces `#include <begin_vertex>`: scales `transformed.y` about the anchor (deformedY). */
export const FRACTURE_VERTEX_GLSL = /* glsl */ `
#include <begin_vertex>
transformed.y = uFractureAnchor + (transformed.y - uFractureAnchor) * fractureHeightScale(transformed.z / uBodyHalfExtent.y, transformed.x / uBodyHalfExtent.x, uFractureHeights);
`;

/** Adds the fracture deformation to a three.js vertex shader (for Material.onBeforeCompile). */
export function injectFracture(vertexShader: string): string {
  for (const chunk of ['#include <common>', '#include <beginnormal_vertex>', '#include <begin_vertex>']) {
    if (!vertexShader.includes(chunk)) throw new Error(`injectFracture: the vertex shader has no ${chunk}`);
  }
  return vertexShader
    .replace('#include <common>', `#include <common>\n${FRACTURE_GLSL}`)
    .replace('#include <beginnormal_vertex>', FRACTURE_NORMAL_GLSL)
    .replace('#include <begin_vertex>', FRACTURE_VERTEX_GLSL);
}
