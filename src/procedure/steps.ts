import { STEP_IDS, type ProcedureDefinition, type StepDefinition, type StepId } from './types';

/*
 * Step content follows ../shared medical facts: transpedicular access under alternating AP and lateral
 * fluoroscopy, kyphoplasty adds the drill, balloon tamp and cavity; cement injection is monitored on lateral
 * fluoroscopy. Durations are teaching pace, not clinical minutes (a level takes 30–60 min in reality).
 */
const STEP_LIBRARY: Record<StepId, StepDefinition> = {
  overview: {
    id: 'overview',
    duration: 8,
    subject: 'spine',
    camera: 'overview',
    fluoro: 'none',
    shots: [],
    channels: ['highlight'],
  },
  positioning: {
    id: 'positioning',
    duration: 7,
    subject: 'patient',
    camera: 'patient',
    fluoro: 'none',
    shots: [],
    channels: ['torso', 'height'],
  },
  anaesthesia: {
    id: 'anaesthesia',
    duration: 6,
    subject: 'skin',
    camera: 'skin',
    fluoro: 'none',
    shots: [],
    channels: ['torso', 'skin'],
  },
  targeting: {
    id: 'targeting',
    duration: 9,
    subject: 'imaging',
    camera: 'imaging',
    fluoro: 'ap',
    // The true lateral first (level and endplates), then the true AP the needles dock on: the step ends on the
    // view its camera shares (from behind), as its picture is taken late in the step.
    shots: [
      { from: 0.1, to: 0.45, view: 'lateral' },
      { from: 0.55, to: 0.9, view: 'ap' },
    ],
    channels: ['fluoro', 'needle'],
  },
  access: {
    id: 'access',
    duration: 14,
    subject: 'pedicles',
    camera: 'access',
    fluoro: 'ap',
    // Lateral and AP in turn as the needles advance; the last, longest look is AP (the tips past the pedicles'
    // inner walls only once the lateral has them past the back of the body), the view its camera shares (from the
    // feet, the patient's left on the left: the two needles converge the same way in both pictures). The C-arm
    // then swings back to the lateral the next step begins with (vertebroplasty's cement, at once).
    shots: [
      { from: 0.05, to: 0.22, view: 'lateral' },
      { from: 0.27, to: 0.44, view: 'ap' },
      { from: 0.49, to: 0.61, view: 'lateral' },
      { from: 0.66, to: 0.9, view: 'ap' },
    ],
    channels: ['fluoro', 'needle'],
  },
  drilling: {
    id: 'drilling',
    duration: 7,
    subject: 'needle-tip',
    camera: 'drilling',
    fluoro: 'lateral',
    shots: [{ from: 0.2, to: 0.9, view: 'lateral' }],
    channels: ['fluoro', 'drill'],
  },
  'balloon-insertion': {
    id: 'balloon-insertion',
    duration: 6,
    subject: 'body-interior',
    camera: 'balloon',
    fluoro: 'lateral',
    shots: [{ from: 0.5, to: 1, view: 'lateral' }],
    channels: ['fluoro', 'balloon'],
  },
  'balloon-inflation': {
    id: 'balloon-inflation',
    duration: 12,
    subject: 'body-interior',
    camera: 'lateral',
    fluoro: 'lateral',
    shots: [{ from: 0, to: 1, view: 'lateral' }],
    channels: ['fluoro', 'balloon', 'height'],
  },
  'balloon-removal': {
    id: 'balloon-removal',
    duration: 7,
    subject: 'body-interior',
    camera: 'cavity',
    fluoro: 'lateral',
    shots: [{ from: 0, to: 0.5, view: 'lateral' }],
    channels: ['fluoro', 'balloon', 'height'],
  },
  'cement-injection': {
    id: 'cement-injection',
    duration: 14,
    subject: 'body-interior',
    camera: 'inside',
    fluoro: 'lateral',
    shots: [{ from: 0, to: 1, view: 'lateral' }],
    channels: ['fluoro', 'cement'],
  },
  'cement-hardening': {
    id: 'cement-hardening',
    duration: 8,
    subject: 'body-interior',
    camera: 'hardening',
    fluoro: 'lateral',
    shots: [{ from: 0.75, to: 1, view: 'ap' }],
    channels: ['cure'],
  },
  closure: {
    id: 'closure',
    duration: 7,
    subject: 'back',
    camera: 'closure',
    fluoro: 'none',
    shots: [],
    channels: ['needle', 'torso', 'bandage'],
  },
  result: {
    id: 'result',
    duration: 8,
    subject: 'vertebra',
    camera: 'result',
    fluoro: 'none',
    shots: [],
    channels: ['highlight'],
  },
};

/** Kyphoplasty uses every step, in the canonical order of STEP_IDS. */
const KYPHOPLASTY_ORDER: readonly StepId[] = STEP_IDS;

/** Vertebroplasty shares the access and cement steps; it has no drill, balloon or cavity. */
const VERTEBROPLASTY_ORDER: readonly StepId[] = KYPHOPLASTY_ORDER.filter(
  (id) => id !== 'drilling' && !id.startsWith('balloon'),
);

export const KYPHOPLASTY: ProcedureDefinition = {
  id: 'kyphoplasty',
  steps: KYPHOPLASTY_ORDER.map((id) => STEP_LIBRARY[id]),
};

export const VERTEBROPLASTY: ProcedureDefinition = {
  id: 'vertebroplasty',
  steps: VERTEBROPLASTY_ORDER.map((id) => STEP_LIBRARY[id]),
};
