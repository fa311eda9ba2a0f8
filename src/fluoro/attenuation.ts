/**
 * Linear attenuation coefficients at 50 keV, a typical effective energy of fluoroscopy (40–60 keV), in 1/mm.
 * NIST XCOM / Hubbell–Seltzer mass attenuation × density, as tabulated in the project's medical reference §3.3
 * (values via arcadelab/deepdrr and ehsteve/roentgen). Cancellous bone: μ_water·(1 + HU/1000) at HU 80,
 * osteoporotic (Pickhardt 2013: ≤ 110 HU > 90 % specific); cement: PMMA + 30 wt % BaSO4 (mixture rule);
 * steel modelled as iron.
 */
export const MU_PER_MM = {
  softTissue: 0.024,
  cancellousOsteoporotic: 0.02451,
  cancellousHealthy: 0.02836,
  corticalBone: 0.08145,
  /** Intervertebral disc ≈ soft tissue (water-rich fibrocartilage). */
  disc: 0.0245,
  /**
   * Balloon filled with diluted iodinated contrast. Not in the reference table: chosen between cortical bone and
   * cement, as balloons read clearly but less dark than cement on clinical images.
   */
  contrastBalloon: 0.18,
  cementBaSO4: 0.4002,
  steel: 1.542,
} as const;

export type AttenuatingMaterial = keyof typeof MU_PER_MM;

/**
 * Thickness of the cortical shell crossed at each bone surface. Osteoporotic vertebral cortex is thin
 * (sub-millimetre); grazing rays cross it over a long path, which draws the white cortical outlines
 * (endplates, pedicle rings) that make radiographs readable.
 */
export const CORTEX_MM = 0.7;

/** Beer–Lambert: I/I0 = exp(−Σ μ·L). */
export function transmission(segments: readonly { mu: number; lengthMm: number }[]): number {
  let sum = 0;
  for (const s of segments) sum += s.mu * s.lengthMm;
  return Math.exp(-sum);
}

/**
 * Objects inside the body replace soft tissue, so each is drawn with its excess over soft tissue while the torso
 * carries the soft-tissue path: Σ μ·L = μ_soft·L_body + Σ (μ_i − μ_soft)·L_i.
 */
export function excessMu(material: AttenuatingMaterial): number {
  return MU_PER_MM[material] - MU_PER_MM.softTissue;
}
