import type { ProcedureId } from './types';

/*
 * The instruments that pass through the pedicle differ by procedure.
 *
 * Vertebroplasty: a bone-access needle with stylet, 11–13 G (Provenzano 2004, AJNR 25:1286, PMC7976525); 13 G
 * or smaller where the pedicle is narrow (upper and mid-thoracic, ≈ 4–5 mm at T4–T6). Gauge → outer diameter
 * from the standard needle-gauge table: 11 G 3.05 mm, 13 G 2.41 mm.
 *
 * Kyphoplasty: the access needle only opens the way; a guide pin goes through it, and a working cannula sized
 * for the balloon tamp goes over the pin (Kyphon kits: osteo introducer, working cannula, dilator — Medtronic
 * IFU M708348B151E). The reduced-size KYPHON Express system is 3.3 mm in diameter, "more than 20 % smaller"
 * than the standard kyphoplasty instruments (Medtronic release, interventionalnews.com, 2009), i.e. ≈ 4.2 mm
 * standard; the smaller set is the one meant for small patients and upper-thoracic levels.
 */

/** Needle outer diameters (standard gauge table). */
export const NEEDLE_GAUGES = { 11: 3.05, 13: 2.41 } as const;
export type NeedleGauge = keyof typeof NEEDLE_GAUGES;

/** Kyphoplasty working cannula outer diameters (mm): standard set and the reduced Express set. */
export const KYPHOPLASTY_CANNULA_MM = { standard: 4.2, express: 3.3 } as const;

/** Pedicles narrower than this take the smaller instruments of either procedure. */
const NARROW_PEDICLE_MM = 6;

/**
 * Narrow upper and mid-thoracic pedicles (≈ 4–5 mm at T4–T6) take smaller needles (13–15 G);
 * 11 G where the pedicle is at least 6 mm wide.
 */
export function gaugeForPedicle(widthMm: number): NeedleGauge {
  return widthMm >= NARROW_PEDICLE_MM ? 11 : 13;
}

/** The kyphoplasty working cannula that fits a pedicle: the Express set where the pedicle is narrow. */
export function kyphoplastyCannulaMm(pedicleWidthMm: number): number {
  return pedicleWidthMm >= NARROW_PEDICLE_MM
    ? KYPHOPLASTY_CANNULA_MM.standard
    : KYPHOPLASTY_CANNULA_MM.express;
}

/** What passes the pedicle in one procedure at one pedicle width. */
export interface InstrumentSet {
  /** Bone-access needle (both procedures). */
  accessNeedle: { gauge: NeedleGauge; outerDiameterMm: number };
  /** Kyphoplasty only: the guide pin exchanged through the access needle (its diameter is not sourced). */
  guidePin: boolean;
  /** Kyphoplasty only: the working cannula the drill and balloon pass through; null in vertebroplasty. */
  workingCannulaMm: number | null;
  /** The widest instrument that stays in the pedicle: what the pedicle must fit. */
  pedicleInstrumentMm: number;
}

export function instrumentSet(procedure: ProcedureId, pedicleWidthMm: number): InstrumentSet {
  const gauge = gaugeForPedicle(pedicleWidthMm);
  const needleMm = NEEDLE_GAUGES[gauge];
  if (procedure === 'vertebroplasty') {
    return {
      accessNeedle: { gauge, outerDiameterMm: needleMm },
      guidePin: false,
      workingCannulaMm: null,
      pedicleInstrumentMm: needleMm,
    };
  }
  const cannula = kyphoplastyCannulaMm(pedicleWidthMm);
  return {
    accessNeedle: { gauge, outerDiameterMm: needleMm },
    guidePin: true,
    workingCannulaMm: cannula,
    pedicleInstrumentMm: cannula,
  };
}
