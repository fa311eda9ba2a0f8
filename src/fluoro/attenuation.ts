/**
 * Linear attenuation coefficients at 50 keV, a typical effective energy of fluoroscopy (40–60 keV), in 1/mm.
 * NIST XCOM / Hubbell–Seltzer mass attenuation × density, as tabulated in the project's medical reference §3.3
 * (values via arcadelab/deepdrr and ehsteve/roentgen). Cancellous bone: μ_water·(1 + k·HU/1000) with the CT
 * value at 120 kVp (HU 80 osteoporotic, Pickhardt 2013: ≤ 110 HU > 90 % specific; HU 250 healthy) scaled to 50 keV
 * by k = 2.4, the ratio of bone mineral's excess over water at 50 keV and at CT's ~70 keV effective energy (NIST
 * XCOM, ICRU-44 cortical bone vs water: (0.4242 − 0.2269)/0.2269 = 0.87 against (0.2645 − 0.1948)/0.1948 = 0.36); cement: PMMA + 30 wt % BaSO4 (mixture rule);
 * steel modelled as iron.
 */
export const MU_PER_MM = {
  softTissue: 0.024,
  cancellousOsteoporotic: 0.02705,
  cancellousHealthy: 0.0363,
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
  /**
   * Inflated lung: ICRU Report 44 lung tissue (μ/ρ 0.2266 cm²/g at 50 keV, NIST XCOM) at the mean density of the
   * aerated lung, 0.26 g/cm³ (ICRU 44 "lung, inflated"): 0.0589 /cm.
   */
  lungInflated: 0.00589,
  /** Dry air at sea level: μ/ρ 0.2080 cm²/g at 50 keV (NIST XCOM) × 0.001205 g/cm³ = 2.5·10⁻⁴ /cm. */
  air: 0.000025,
  /**
   * Instrument handles and hubs (polycarbonate / ABS, ρ ≈ 1.2 g/cm³, μ/ρ ≈ 0.21 cm²/g at 50 keV, NIST XCOM
   * polycarbonate): close to soft tissue, so a handle in air shows faintly and one on the skin barely at all.
   */
  plastic: 0.0252,
} as const;

export type AttenuatingMaterial = keyof typeof MU_PER_MM;

/**
 * Thickness of the cortical shell crossed at each bone surface. Osteoporotic vertebral cortex is thin
 * (sub-millimetre); grazing rays cross it over a long path, which draws the white cortical outlines
 * (endplates, pedicle rings) that make radiographs readable.
 */
export const CORTEX_MM = 0.7;

/**
 * Cortical shell thickness by region. The vertebral body's shell is thin — 0.2–0.5 mm at mid-height (Silva 1994,
 * J Bone Miner Res 9:1785: mean 0.38 mm; Ritzel 1997) and ~0.4–0.8 mm at the endplates — so its margins show as fine
 * lines around a faint cancellous interior. Pedicle walls, laminae, facets and processes are largely cortical
 * (pedicle walls 1–2 mm, Kothe 1996, Spine 21:1018), which is why they read on a lateral view. The spinous
 * process, a narrow plate of mostly cortical bone, takes the upper end of that range: it is what draws the
 * midline "teardrop" on AP.
 */
export const CORTEX_REGION_MM = {
  body: 0.45,
  posteriorElements: 1.1,
  spinousProcess: 1.8,
} as const;

/**
 * Half-width (mm) of the midline band in which bone outside the vertebral bodies is the spinous processes (and the
 * laminae's junction with them): the canal leaves no bone nearer the midline, and the facets lie 12 mm and more
 * to either side (lumbar interfacet width, Panjabi 1993).
 */
export const SPINOUS_HALF_WIDTH_MM = 6;

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
