/**
 * The left iliac wing's landmarks, in the spine frame's directions (x lateral, y cranial, z anterior; mm) relative
 * to the S1 body centre, before the small lift that puts the crest's top at the L4–L5 disc (ilium.ts). The right
 * wing is the mirror image.
 *
 * Sources: highest point of the crest at the L4–L5 interspace (Tuffier's line: Chakraverty R et al., Br J Anaesth
 * 2007; Snider KT et al., Spine 2008); intercristal distance ≈ 250–280 mm in adults; the crest 18.9 ± 2.3 mm thick at
 * the iliac tubercle, ≈ 45 % thinner 3 cm behind the anterior superior iliac spine, the thick zone reaching ≈ 54 mm
 * further back (Ebraheim NA et al., Spine 1997;22(8):847, 40 pelves); thinner towards the sacroiliac joint and
 * thickest again at the posterior superior iliac spine (Hwang K et al., J Craniofac Surg 1997;8(4):274, 58 hip
 * bones; Mangla N et al., Prague Med Rep 2025;126:9, 170 hip bones: dorsal crest thickest ≈ 2 cm from the PSIS);
 * the greater sciatic notch ≈ 5.3 cm from the PSIS (J Oral Maxillofac Surg 2013;71(10):1777, 39 ilia); sacral
 * auricular surface arms ≈ 32 and 39 mm (Anatolian dry sacra, J Med Palliat Care 2023). The fossa's thickness
 * (≈ 1–3 mm in life; 3.2 mm here so the thin plate polygonises without holes), the exact course of the crest and the
 * other shapes between these landmarks are estimates scaled to an adult pelvis.
 */

/** One station of the crest, posterior to anterior: [z, y, x, half-thickness of the crest's rim]. */
export type CrestStation = readonly [z: number, y: number, x: number, rim: number];

/** The posterior superior iliac spine, the crest with the iliac tubercle, the anterior superior iliac spine. */
export const CREST: readonly CrestStation[] = [
  [-57, -6, 37, 7.5], // PSIS
  [-54, 9, 46, 7.5],
  [-44, 24, 63, 6],
  [-26, 32, 86, 5],
  [-4, 36, 104, 5.5],
  [16, 34, 114, 7],
  [28, 29, 118.5, 9.2], // iliac tubercle, ≈ 19 mm thick
  [46, 18, 119, 7],
  [62, 4, 116, 6.2],
  [73, -7, 110, 6],
  [79, -10, 107, 4.2], // ASIS: the spine's tip, projecting forward
];

export const PSIS_INDEX = 0;
export const TUBERCLE_INDEX = 6;
/** The anterior superior iliac spine's tip, the palpable landmark. */
export const ASIS_INDEX = 10;

/**
 * The wing's outline seen from the side (z, y pairs): along the crest from the PSIS to the ASIS, down the anterior
 * border with the notch under the ASIS and the anterior inferior iliac spine, across the body of the ilium above
 * the acetabulum (where the model ends), and up the posterior border: the upper limb of the greater sciatic notch to
 * the posterior inferior iliac spine, the small notch above it, and back to the PSIS.
 */
export const OUTLINE_ZY: readonly number[] = [
  ...CREST.slice(0, ASIS_INDEX + 1).flatMap(([z, y]) => [z, y]),
  70,
  -13, // notch below the ASIS
  66,
  -19,
  70,
  -27, // anterior inferior iliac spine
  65,
  -36,
  55,
  -50,
  44,
  -63,
  20,
  -69, // cut above the acetabulum
  -14,
  -69,
  -28,
  -67,
  -22,
  -60, // greater sciatic notch (upper limb) …
  -22,
  -51,
  -29,
  -40,
  -38,
  -33,
  -47,
  -29, // … to the posterior inferior iliac spine
  -51,
  -23,
  -51,
  -16, // the notch between the two posterior spines
  -56,
  -11,
];

/** The bottom of the modelled wing (mm): the mid-surface's lateral position is interpolated from here to the crest. */
export const WING_BOTTOM_Y = -69;

/** Lateral position of the wing's mid-surface at its bottom, by z: [z, x]. */
export const BOTTOM_X: readonly (readonly [number, number])[] = [
  [-57, 44],
  [-40, 50],
  [-25, 57],
  [-10, 62],
  [5, 67],
  [20, 72],
  [40, 78],
  [60, 84],
  [80, 88],
];

/** Where the sacral auricular surface is centred, down the sacral plate from its top (mm; S1–S2). */
export const AURICULAR_U = 28;
/** Half-lengths of the auricular region along the sacrum and across its thickness (mm). */
export const AURICULAR_HALF_LENGTH = 24;
export const AURICULAR_HALF_DEPTH = 14;
