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

/*
 * What the hands hold, outside the patient (mm). The shaft lengths follow the sources above (11 G, 120 mm
 * vertebroplasty needle with stylet, Moon 2022; 10 cm bone needle, RadiologyKey); handle, syringe and delivery
 * device sizes are illustrative figures of common disposable kits (Jamshidi-type T-handle, Kyphon-type palm
 * handle and bone filler device, 10 ml Luer syringe, 22 G spinal needle for the deep local anaesthetic), not
 * measured specifications.
 */
export const HANDHELD = {
  /** Vertebroplasty needle T-handle: bar length and thickness. */
  tHandleWidthMm: 70,
  tHandleThicknessMm: 16,
  /** Kyphoplasty cannula palm (bulb) handle: diameter and height. */
  bulbHandleDiameterMm: 34,
  bulbHandleHeightMm: 30,
  /** Steel Luer hub at the back of every shaft (it shows on the X-ray). */
  hubDiameterMm: 8,
  hubLengthMm: 14,
  /** The stylet's tip stands this far past the cannula's tip (trocar point). */
  styletTipMm: 3,
  styletCapHeightMm: 10,
  /** Kyphoplasty hand drill: fluted tip and total length from tip to handle. */
  drillFluteMm: 30,
  drillLengthMm: 175,
  drillHandleDiameterMm: 30,
  /** Numbing: 10 ml syringe barrel and a fine 22 G (0.72 mm) needle that infiltrates the track. */
  syringeBarrelDiameterMm: 16,
  syringeBarrelLengthMm: 75,
  numbingNeedleGauge22Mm: 0.72,
  numbingNeedleLengthMm: 50,
  /** Kyphoplasty bone filler: a thin cannula through the working cannula, pushed by a plunger. */
  boneFillerLengthMm: 170,
  boneFillerVolumeMl: 1.5,
  /** Vertebroplasty: a small cement syringe on the needle's hub (1–3 ml syringes, Ortiz 2006). */
  cementSyringeDiameterMm: 11,
  cementSyringeLengthMm: 60,
} as const;

/** Drill length that reaches from the cannula's handle to the drilling target with room for the hand. */
export function drillLengthMm(trocarLengthMm: number, drillTravelMm: number): number {
  return Math.max(HANDHELD.drillLengthMm, trocarLengthMm + drillTravelMm + 25);
}

/** Where the numbing syringe's needle tip is during the anaesthesia step, as depth below the skin (mm). */
export function numbingNeedleDepthMm(progressInSide: number, skinToBoneMm: number): number {
  const reach = Math.min(HANDHELD.numbingNeedleLengthMm - 12, skinToBoneMm - 4);
  const smooth = (a: number, b: number) => {
    const u = Math.min(1, Math.max(0, (progressInSide - a) / (b - a)));
    return u * u * (3 - 2 * u);
  };
  // Approach the skin, advance to the bone's surface, inject, then withdraw.
  return -25 + 25 * smooth(0, 0.1) + reach * smooth(0.1, 0.45) - (reach + 25) * smooth(0.85, 1);
}
