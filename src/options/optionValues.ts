/*
 * The allowed values of every public option that is not a procedure fact (those live in procedure/types.ts and
 * anatomy/levels.ts). The schema, the settings types and the UI menus all read these lists.
 */

export const PLAYBACK_RATES = [0.5, 1, 2] as const;
export type PlaybackRate = (typeof PLAYBACK_RATES)[number];

export const POLARITIES = ['bone-white', 'bone-black'] as const;
/** Fluoroscopy display: dense structures white (radiograph convention) or black (raw intensifier). */
export type Polarity = (typeof POLARITIES)[number];

export const DETECTORS = ['intensifier', 'flat-panel'] as const;
/** Mobile C-arms: a circular image intensifier, or a square flat-panel detector. */
export type Detector = (typeof DETECTORS)[number];

export const BONE_DENSITIES = ['osteoporotic', 'healthy'] as const;
/** Trabecular density for the X-ray: osteoporotic (HU 80) or healthy (HU 250). */
export type BoneDensity = (typeof BONE_DENSITIES)[number];

export const AUDIENCES = ['patient', 'clinician'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const VIEWS = ['3d', 'fluoro', 'ap', 'lateral', 'split', 'compare'] as const;
/**
 * What the stage shows: the 3D view (with an X-ray inset while a step takes images), the X-ray the procedure is
 * taking (`fluoro`: AP or lateral as the step changes), one X-ray direction only (`ap`, `lateral`), or both
 * side by side (`split`); or kyphoplasty and vertebroplasty side by side on one timeline (`compare`).
 */
export type ViewMode = (typeof VIEWS)[number];

export const CONTROLS = ['full', 'minimal', 'none'] as const;
export type ControlsMode = (typeof CONTROLS)[number];

export const NARRATION_MODES = ['off', 'on'] as const;
/** Spoken captions (Web Speech), the timeline waiting for a sentence that outlasts its step. */
export type NarrationMode = (typeof NARRATION_MODES)[number];

export const REVEAL_MODES = ['auto', 'interaction'] as const;
/** When the viewer mounts its 3D view: `auto` once it scrolls into view, `interaction` when its poster is pressed. */
export type RevealMode = (typeof REVEAL_MODES)[number];

export const PATIENT_PANELS = ['none', 'candidacy', 'risks', 'recovery'] as const;
/** The patient information panel that is open: who the procedure is for, its risks, or recovery; or none. */
export type PatientPanel = (typeof PATIENT_PANELS)[number];
