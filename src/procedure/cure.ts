/**
 * PMMA setting time, the one figure every text quotes (through the `{setting}` caption parameter): hardening
 * ≈ 11 min at 37 °C for a medium-viscosity cement (Hindawi 2011, archive 571728) and 534 ± 17 s (≈ 9 min) for
 * a high-viscosity cement at 20 °C (JOSR 2015, 10.1186/s13018-015-0320-7). Working time is longer and wider,
 * 4–15 min (Chavali 2003, AJNR 24:545), which is why the setting time, not the working time, is quoted.
 */
export const CEMENT_SETTING_MINUTES = { min: 9, max: 11 } as const;

/** The setting time as caption text (a range; digits and an en dash read the same in every catalog). */
export const CEMENT_SETTING_TEXT = `${CEMENT_SETTING_MINUTES.min}–${CEMENT_SETTING_MINUTES.max}`;
