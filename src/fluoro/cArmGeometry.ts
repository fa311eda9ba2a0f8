import type { XrayView } from '../procedure/types';
import { VIEW_ANGLE_DEG } from '../procedure/cArmAngle';

/**
 * A mobile C-arm's geometry around the isocentre (the treated vertebra, world origin; patient prone: +Y posterior,
 * +X patient's left, +Z cranial). AP: source under the table, detector above the back. Lateral: source on the
 * patient's right, detector on the left. Distances in mm. Field: the 30 cm (12″) mode of a mobile C-arm's
 * intensifier (9″ and 12″ intensifiers, Bushberg; flat panels 30 × 30 cm), about 19 cm at the isocentre: on the
 * lateral it reaches from the front of the body to the skin of the back, where the needles come in.
 */
export const C_ARM = {
  sourceToIsocentreMm: 620,
  sourceToDetectorMm: 1000,
  fieldDiameterMm: 300,
} as const;

/** Vertical field of view (degrees) of the cone that just covers the detector's circular field. */
export function coneFovDeg(): number {
  return (2 * Math.atan(C_ARM.fieldDiameterMm / 2 / C_ARM.sourceToDetectorMm) * 180) / Math.PI;
}

/**
 * Unit direction from the isocentre towards the X-ray source for a C-arm angle: 0° = AP (source below,
 * anterior), 90° = lateral (source on the patient's right).
 */
export function sourceDirection(angleDeg: number, out: [number, number, number]): [number, number, number] {
  const a = (angleDeg * Math.PI) / 180;
  out[0] = -Math.sin(a);
  out[1] = -Math.cos(a);
  out[2] = 0;
  return out;
}

export function angleOfView(view: XrayView): number {
  return VIEW_ANGLE_DEG[view];
}
