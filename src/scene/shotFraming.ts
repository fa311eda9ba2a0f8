import { layoutFluoro, type FluoroPanel } from '../fluoro/fluoroLayout';
import type { FluoroView } from '../procedure/types';

/** A rectangle in CSS pixels from the canvas's top-left corner. */
export interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Canvas pixels the overlays take at the top: the level chip and the follow button (fluoroLayout's top bar);
 * with the cure indicator (top left, at 60 px, two lines) the band is deeper. See .spv-follow and .spv-cure in
 * ui/styles/ (the cure indicator in cure.css).
 */
export const TOP_BAR_PX = 56;
export const CURE_BAR_PX = 118;
/** Gap kept between the subject's area and an overlay panel or the canvas edge. */
const GAP_PX = 12;

/** What covers the canvas during a step: the X-ray inset (its view, or 'none') and whether the cure bar shows. */
export interface OverlayCover {
  fluoro: FluoroView;
  cure: boolean;
}

/**
 * The largest part of the canvas no overlay covers: below the top band and, while the X-ray inset is up (bottom
 * right, placed by the same layout function the panels use), either left of it or above it — whichever leaves
 * the larger smaller side, since a subject is framed by its bounding sphere. Written into `out`.
 */
export function freeArea(
  width: number,
  height: number,
  cover: OverlayCover,
  scratch: FluoroPanel[],
  out: ScreenRect,
): ScreenRect {
  const top = cover.cure ? CURE_BAR_PX : TOP_BAR_PX;
  out.x = GAP_PX;
  out.y = top;
  out.width = Math.max(1, width - 2 * GAP_PX);
  out.height = Math.max(1, height - top - GAP_PX);
  const inset = layoutFluoro(width, height, '3d', cover.fluoro, scratch)[0];
  if (!inset) return out;
  const leftWidth = inset.x - 2 * GAP_PX;
  const aboveHeight = inset.y - GAP_PX - top;
  if (Math.min(leftWidth, out.height) >= Math.min(out.width, aboveHeight)) out.width = Math.max(1, leftWidth);
  else out.height = Math.max(1, aboveHeight);
  return out;
}

/**
 * A compare side's canvas carries no X-ray inset and no overlay panel: only, on a phone, its one-line heading over
 * the top edge (ui/styles/compare.css). The same band is kept free at the bottom too, so the subject sits at the
 * canvas's centre on both sides, where the eye compares them.
 */
export const COMPARE_BAND_PX = 28;
/**
 * Share of the side's free area its subject spans: closer than the main view's shots (0.56–0.8), since each side
 * has half the room and what is compared is the treated vertebra, not the instruments around it.
 */
export const COMPARE_FILL = 0.9;

/** The part of a compare side's canvas the subject is framed in (see COMPARE_BAND_PX). Written into `out`. */
export function compareArea(width: number, height: number, out: ScreenRect): ScreenRect {
  const band = Math.min(COMPARE_BAND_PX, height / 8);
  out.x = GAP_PX;
  out.y = band;
  out.width = Math.max(1, width - 2 * GAP_PX);
  out.height = Math.max(1, height - 2 * band);
  return out;
}

/** Focal length in pixels of a perspective camera with this vertical field of view on a canvas this tall. */
export function focalPx(fovYDeg: number, viewportHeight: number): number {
  return viewportHeight / 2 / Math.tan((fovYDeg * Math.PI) / 360);
}

/**
 * Distance at which a sphere of `radius` spans `fill` of the free area's smaller side. Pixels are square, so one
 * focal length covers the vertical and the horizontal field of view alike: the sphere fits both ways at any
 * aspect ratio (a 9:16 phone is limited by its width, a 16:9 wall by its height).
 */
export function framingDistance(
  radius: number,
  fovYDeg: number,
  viewportHeight: number,
  area: ScreenRect,
  fill: number,
): number {
  const wantedPx = (fill * Math.min(area.width, area.height)) / 2;
  const halfAngle = Math.atan(wantedPx / focalPx(fovYDeg, viewportHeight));
  return radius / Math.sin(halfAngle);
}

/**
 * The camera view offset (PerspectiveCamera.setViewOffset x, y with the full canvas as both sizes) that moves
 * the point the camera looks at from the canvas centre to the free area's centre.
 */
export function centringOffset(width: number, height: number, area: ScreenRect): [number, number] {
  return [width / 2 - (area.x + area.width / 2), height / 2 - (area.y + area.height / 2)];
}

/** Radius in pixels of a sphere seen at `distance` (its silhouette's half-angle through the focal length). */
export function projectedRadiusPx(radius: number, distance: number, fovYDeg: number, viewportHeight: number) {
  const halfAngle = Math.asin(Math.min(1, radius / Math.max(distance, radius)));
  return Math.tan(halfAngle) * focalPx(fovYDeg, viewportHeight);
}
