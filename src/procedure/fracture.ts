import { fractureAnchorMm } from '../anatomy/fractureField';
import { levelDimensions } from '../anatomy/morphometry';
import type { GenantGrade, Morphology, ProcedureOptions } from './types';

/**
 * Height loss of the most deformed height per Genant grade, taken inside each band:
 * grade 1 20–25 %, grade 2 25–40 %, grade 3 > 40 % (Genant 1993 via Wáng 2019, QIMS).
 */
export const GENANT_HEIGHT_LOSS: Record<GenantGrade, number> = { 1: 0.22, 2: 0.32, 3: 0.45 };

/** Share of the grade's loss at the anterior, middle and posterior line for each morphology (Lenchik 2004). */
const LOSS_PATTERN: Record<Morphology, readonly [number, number, number]> = {
  wedge: [1, 0.5, 0],
  biconcave: [0.3, 1, 0.15],
  crush: [1, 1, 0.9],
};

/**
 * Share of the height loss taken at the superior endplate. Osteoporotic fractures involve the upper endplate far
 * more often than the lower (Che-Nordin 2018, Ann Transl Med 6:442, "Prevalent osteoporotic vertebral fractures
 * more likely involve the upper endplate than the lower endplate"; in Wang 2020, Chin Med J 133:2696, 1.9 % of
 * endplate fractures were of the lower one alone): a wedge is the anterior superior endplate giving way while the
 * inferior one stays on its disc. Biconcave bodies are depressed at both endplates, and crush fractures lose
 * height through both (Genant 1993), half each.
 */
export const SUPERIOR_SHARE: Record<Morphology, number> = { wedge: 1, biconcave: 0.5, crush: 0.5 };

/**
 * Restoration, as shares of the lost height. Balloon tamps lift the endplate partly at peak inflation and part
 * of that is lost on deflation (clinical gain is a few mm: KP − VP anterior height MD +3.67 mm, Xing 2013;
 * +17.5 % anterior height in a KP series, PMC2996621). Prone positioning gives a small postural reduction in
 * both procedures (kyphosis reduction 1.7° with VP, Papanastassiou 2012).
 */
export const RESTORATION = { posturalShare: 0.05, balloonPeakShare: 0.42, keptAfterDeflation: 0.7 } as const;

export interface BodyHeights {
  anteriorMm: number;
  middleMm: number;
  posteriorMm: number;
}

export interface FractureProfile {
  readonly normal: Readonly<BodyHeights>;
  readonly fractured: Readonly<BodyHeights>;
  readonly depthMm: number;
  /** The height (mm above the body centre, level frame) the deformation leaves in place (fractureAnchorMm). */
  readonly anchorMm: number;
}

/**
 * Profiles by options object: a viewer keeps one options object until an option changes, so the scene, the frame
 * and the cement field share one computation. Results are immutable; entries go with their options object.
 */
const profiles = new WeakMap<ProcedureOptions, FractureProfile>();

/** The normal and fractured heights of the treated body (computed once per options object). */
export function fractureProfile(options: ProcedureOptions): FractureProfile {
  let profile = profiles.get(options);
  if (!profile) profiles.set(options, (profile = computeFractureProfile(options)));
  return profile;
}

function computeFractureProfile(options: ProcedureOptions): FractureProfile {
  const d = levelDimensions(options.level);
  const loss = GENANT_HEIGHT_LOSS[options.grade];
  const [a, m, p] = LOSS_PATTERN[options.morphology];
  const normal: BodyHeights = {
    anteriorMm: d.bodyHeightAnteriorMm,
    middleMm: (d.bodyHeightAnteriorMm + d.bodyHeightPosteriorMm) / 2,
    posteriorMm: d.bodyHeightPosteriorMm,
  };
  return {
    normal,
    fractured: {
      anteriorMm: normal.anteriorMm * (1 - loss * a),
      middleMm: normal.middleMm * (1 - loss * m),
      posteriorMm: normal.posteriorMm * (1 - loss * p),
    },
    depthMm: d.endplateDepthMm,
    anchorMm: fractureAnchorMm(
      (normal.anteriorMm + normal.posteriorMm) / 4,
      SUPERIOR_SHARE[options.morphology],
    ),
  };
}

/** Sagittal wedge angle of the body from its anterior and posterior heights. */
export function wedgeAngleDeg(anteriorMm: number, posteriorMm: number, depthMm: number): number {
  return (Math.atan2(posteriorMm - anteriorMm, depthMm) * 180) / Math.PI;
}

/**
 * The body's heights when the balloon goes in: the fracture less the small postural reduction of lying prone (the
 * frame's heights from the end of positioning until the inflation begins, singleLevelState.ts).
 */
export function heightsBeforeBalloon(profile: FractureProfile): BodyHeights {
  const { normal: n, fractured: f } = profile;
  const share = RESTORATION.posturalShare;
  return {
    anteriorMm: f.anteriorMm + (n.anteriorMm - f.anteriorMm) * share,
    middleMm: f.middleMm + (n.middleMm - f.middleMm) * share,
    posteriorMm: f.posteriorMm + (n.posteriorMm - f.posteriorMm) * share,
  };
}

/**
 * The height (mm) a kyphoplasty wins back and keeps, from where the endplate was when the balloon went in (the
 * dashed line) to where the cement holds it, at the line of the body that lost most: the share of the lost height
 * the balloon lifts and keeps after deflation (RESTORATION). A few millimetres, as in the clinical series.
 */
export function heightKeptByBalloonMm(profile: FractureProfile): number {
  const { normal: n, fractured: f } = profile;
  const lost = Math.max(n.anteriorMm - f.anteriorMm, n.middleMm - f.middleMm, n.posteriorMm - f.posteriorMm);
  return lost * RESTORATION.balloonPeakShare * RESTORATION.keptAfterDeflation;
}
