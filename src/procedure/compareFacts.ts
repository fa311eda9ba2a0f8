/**
 * The numbers the comparison's result sentence quotes. Pooled kyphoplasty-vs-vertebroplasty leak percentages were
 * not found, so the sentence quotes one large vertebroplasty series and states the direction of the comparison.
 */
export const COMPARE_FACTS = {
  /**
   * Cement seen outside the vertebral body on imaging after vertebroplasty: 33% of 660 treated vertebrae (veins,
   * soft tissue, disc; no complications). Source: Al-Ali et al., AJNR. The literature range is 11–73% (Eur Spine J
   * 2004, s00586-004-0839-5).
   */
  vertebroplastyLeakPct: 33,
  /**
   * Kyphoplasty leaks no more: extravasation less frequent with balloon kyphoplasty (Papanastassiou 2012, P = .01);
   * another meta-analysis found a similar risk (PMC3167445, 8 studies, 848 patients). Most leaks cause no symptoms.
   */
  kyphoplastyLeaksSameOrLess: true,
} as const;
