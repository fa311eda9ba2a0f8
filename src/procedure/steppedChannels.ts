import type { StepId } from './types';

/** Per-step target values for the scene's calm, slowly changing channels. */
interface SteppedValues {
  torso: number;
  highlight: number;
  insideView: number;
  /** The treated body closed again but see-through: the cement inside a whole vertebra (the result). */
  seeThrough: number;
  /**
   * The treated vertebra cut across the spine through both needles, seen from the feet (access): the needles'
   * way through the pedicles in one section. Seen through a see-through vertebra from the side, the two mirror-image
   * needles projected onto one rod and the pedicles could not be picked out.
   */
  axialCut: number;
  /**
   * The skin over the treated level closed rather than a window onto the spine: while the story is on the skin
   * (the patient on the table, the numbing injection), a window read as a hole in the back; once X-rays guide the
   * needles it opens onto the spine they are aimed at. (The dressings close it again at the closure: `bandage`.)
   */
  skinCover: number;
}

/** The columns of the table below, in order. */
const CHANNELS = ['torso', 'highlight', 'insideView', 'seeThrough', 'axialCut', 'skinCover'] as const;

/** Each step's values, one column per channel (CHANNELS). */
// prettier-ignore
const TABLE: Record<StepId, readonly [number, number, number, number, number, number]> = {
  //                   torso highlight inside see  axial skin
  overview:            [0,    1,        0,     0,   0,    0],
  positioning:         [0.55, 0,        0,     0,   0,    1],
  anaesthesia:         [0.55, 0,        0,     0,   0,    0.75],
  targeting:           [0.5,  0.5,      0,     0,   0,    0],
  access:              [0.12, 0.3,      0,     0,   1,    0],
  drilling:            [0.12, 0,        1,     0,   0,    0],
  'balloon-insertion': [0.12, 0,        1,     0,   0,    0],
  'balloon-inflation': [0.12, 0,        1,     0,   0,    0],
  'balloon-removal':   [0.12, 0,        1,     0,   0,    0],
  'cement-injection':  [0.12, 0,        1,     0,   0,    0],
  'cement-hardening':  [0.12, 0,        1,     0,   0,    0],
  closure:             [0.55, 0,        0.3,   0,   0,    0],
  result:              [0,    0.3,      0,     1,   0,    0],
};

const VALUES = Object.fromEntries(
  Object.entries(TABLE).map(([step, row]) => [
    step,
    Object.fromEntries(CHANNELS.map((channel, i) => [channel, row[i]])) as unknown as SteppedValues,
  ]),
) as Record<StepId, SteppedValues>;

/** Seconds over which a step's values blend in from the previous step's (shorter than any step). */
export const STEP_BLEND_SECONDS = 1.5;

export function steppedValue(
  step: StepId,
  previous: StepId,
  blend: number,
  key: keyof SteppedValues,
): number {
  const from = VALUES[previous][key];
  return from + (VALUES[step][key] - from) * blend;
}
