import { accessPlan } from './accessPath';
import { cArmAngleAt } from './cArmAngle';
import { cementFillWithLeak, leakVolumeMl } from './complications';
import { CEMENT_SETTING_MINUTES } from './cure';
import { arrivalCapacityMl } from './cementCells';
import { balloonCount, balloonPeakMl, balloonPressurePsi } from './dosing';
import { clamp01, lerp, progressIn, smoothstep } from './easing';
import { RESTORATION, fractureProfile, wedgeAngleDeg } from './fracture';
import type { ProcedureState } from './procedureState';
import { STEP_BLEND_SECONDS, steppedValue } from './steppedChannels';
import { clampTime, stepIndexAt } from './timeline';
import type { FluoroView, ProcedureOptions, StepId, Timeline } from './types';

/** Simulated minutes the hardening step stands for: until the cement has set. */
const HARDENING_MINUTES = CEMENT_SETTING_MINUTES.max;

/** Seconds of a step covered by a phase [from, to] given in step-progress units; 0 before, 1 after. */
function phase(timeline: Timeline, t: number, id: StepId, from = 0, to = 1): number {
  for (const step of timeline.steps) {
    if (step.id === id) {
      const d = step.end - step.start;
      return progressIn(t, step.start + from * d, step.start + to * d);
    }
  }
  return 0;
}

function has(timeline: Timeline, id: StepId): boolean {
  for (const step of timeline.steps) if (step.id === id) return true;
  return false;
}

/** Everything stateAt needs that depends only on the options: computed once per options object. */
interface Derived {
  plan: ReturnType<typeof accessPlan>;
  balloonPeakMl: number;
  balloonCount: number;
  profile: ReturnType<typeof fractureProfile>;
  /**
   * The volume the 3D cement holds (its arrival field), not the dose asked for: they differ if cells run out.
   * Worked out for a procedure when its first frame asks (a viewer shows one procedure at a time, and the
   * vertebroplasty's spread through the cells is the costlier one to count).
   */
  cementMl: Partial<Record<'kyphoplasty' | 'vertebroplasty', number>>;
}

const derivedCache = new WeakMap<ProcedureOptions, Derived>();

function derived(options: ProcedureOptions): Derived {
  let d = derivedCache.get(options);
  if (!d) {
    const profile = fractureProfile(options);
    d = {
      plan: accessPlan(options.level, options.approach),
      balloonPeakMl: balloonPeakMl(options),
      balloonCount: balloonCount(options),
      profile,
      cementMl: {},
    };
    derivedCache.set(options, d);
  }
  return d;
}

/**
 * One level's frame as a pure function of (timeline, options, t), on a one-level timeline. Seeking anywhere is
 * O(steps); nothing depends on earlier frames, so scrubbing backwards is as exact as forwards. Writes into `out` and returns it.
 */
export function singleLevelStateAt(
  timeline: Timeline,
  options: ProcedureOptions,
  rawTime: number,
  out: ProcedureState,
): ProcedureState {
  const t = clampTime(timeline, rawTime);
  const index = stepIndexAt(timeline, t);
  const step = timeline.steps[index]!;
  const previous = timeline.steps[Math.max(0, index - 1)]!;
  const kypho = timeline.procedure === 'kyphoplasty';

  out.time = t;
  out.duration = timeline.duration;
  out.procedure = timeline.procedure;
  out.step = step.id;
  out.stepKey = step.key;
  out.level = options.level;
  out.grade = options.grade;
  out.morphology = options.morphology;
  out.levelIndex = step.levelIndex;
  out.stepIndex = index;
  out.stepProgress = clamp01((t - step.start) / (step.end - step.start));

  // Access: the trocar docks on the pedicle during targeting, then advances; kyphoplasty stops the cannula just
  // inside the posterior wall and drills on to the anterior third, vertebroplasty goes there directly.
  const constants = derived(options);
  const plan = constants.plan;
  const cannulaEnd = kypho ? plan.cannulaDepthMm : plan.targetDepthMm;
  const outside = -plan.skinDepthMm - 15;
  const withdraw = smoothstep(phase(timeline, t, 'closure', 0, 0.5));
  const dock = smoothstep(phase(timeline, t, 'targeting', 0.2, 0.9));
  const advance = smoothstep(phase(timeline, t, 'access'));
  const cannula = lerp(lerp(outside, 0, dock), cannulaEnd, advance);
  out.cannulaDepthMm = lerp(cannula, outside, withdraw);
  out.needleVisible = phase(timeline, t, 'targeting') > 0 && withdraw < 1;

  const drillIn = smoothstep(phase(timeline, t, 'drilling', 0.05, 0.7));
  const drillOut = smoothstep(phase(timeline, t, 'drilling', 0.75, 1));
  out.drillDepthMm = lerp(
    lerp(plan.cannulaDepthMm, plan.targetDepthMm, drillIn),
    plan.cannulaDepthMm,
    drillOut,
  );
  out.drillVisible = step.id === 'drilling';
  // The channel the drill leaves stays open, so the deepest working tip holds at the target once drilled.
  const channel = kypho ? lerp(cannula, plan.targetDepthMm, drillIn) : cannula;
  out.needleDepthMm = lerp(channel, outside, withdraw);

  // Balloon tamps (kyphoplasty only).
  const peak = constants.balloonPeakMl;
  const inflate = smoothstep(phase(timeline, t, 'balloon-inflation', 0.05, 0.9));
  // Emptied, then drawn out, with the last third of the step left to the empty hollow (the step's picture).
  const deflate = smoothstep(phase(timeline, t, 'balloon-removal', 0, 0.35));
  const fill = inflate * (1 - deflate);
  out.balloonInsertion =
    smoothstep(phase(timeline, t, 'balloon-insertion', 0.1, 0.8)) *
    (1 - smoothstep(phase(timeline, t, 'balloon-removal', 0.38, 0.65)));
  out.balloonPeakMl = kypho ? peak : 0;
  out.balloonVolumeMl = kypho ? peak * fill : 0;
  out.balloonPressurePsi = kypho ? balloonPressurePsi(fill) : 0;
  out.cavityVolumeMl = kypho ? peak * inflate * constants.balloonCount : 0;

  // Heights: a small postural reduction when prone; the balloon lifts more and gives some back on deflation.
  const profile = constants.profile;
  const balloonShare = kypho
    ? RESTORATION.balloonPeakShare *
      inflate *
      (RESTORATION.keptAfterDeflation + (1 - RESTORATION.keptAfterDeflation) * (1 - deflate))
    : 0;
  const gain =
    RESTORATION.posturalShare * smoothstep(phase(timeline, t, 'positioning', 0.3, 1)) + balloonShare;
  const n = profile.normal;
  const f = profile.fractured;
  out.anteriorHeightMm = lerp(f.anteriorMm, n.anteriorMm, gain);
  out.middleHeightMm = lerp(f.middleMm, n.middleMm, gain);
  out.posteriorHeightMm = lerp(f.posteriorMm, n.posteriorMm, gain);
  out.anteriorHeightPct = (100 * out.anteriorHeightMm) / n.anteriorMm;
  out.middleHeightPct = (100 * out.middleHeightMm) / n.middleMm;
  out.posteriorHeightPct = (100 * out.posteriorHeightMm) / n.posteriorMm;
  out.wedgeAngleDeg = wedgeAngleDeg(out.anteriorHeightMm, out.posteriorHeightMm, profile.depthMm);

  // Cement: never decreases; cures over the hardening step.
  const finalMl = (constants.cementMl[timeline.procedure] ??= arrivalCapacityMl(
    timeline.procedure,
    options,
    profile.fractured,
  ));
  // With a leak the surgeon stops injecting once it is seen: the body keeps what was in by then (see complications).
  const inject = smoothstep(phase(timeline, t, 'cement-injection', 0.05, 0.95));
  const complication = options.complication ?? 'none';
  out.cementFinalMl = finalMl * cementFillWithLeak(complication, 1);
  out.cementFill = cementFillWithLeak(complication, inject);
  out.cementVolumeMl = finalMl * out.cementFill;
  out.complication = complication;
  out.leakVolumeMl = leakVolumeMl(complication, inject);
  out.cementCure = phase(timeline, t, 'cement-hardening');
  out.cementMinutes = has(timeline, 'cement-hardening') ? out.cementCure * HARDENING_MINUTES : 0;

  // Fluoroscopy: the last image taken stays on the monitor; X-ray is on only during a shot.
  let view: FluoroView = step.definition.fluoro;
  let on = false;
  for (const shot of step.definition.shots) {
    if (out.stepProgress >= shot.from) {
      view = shot.view;
      on = out.stepProgress < shot.to;
    }
  }
  out.fluoroView = view;
  out.xrayOn = on;
  out.cArmAngleDeg = cArmAngleAt(timeline, t);

  const blend = smoothstep((t - step.start) / STEP_BLEND_SECONDS);
  out.camera = step.definition.camera;
  out.previousCamera = previous.definition.camera;
  out.cameraBlend = index === 0 ? 1 : blend;

  out.torsoOpacity = steppedValue(step.id, previous.id, blend, 'torso');
  out.highlight = steppedValue(step.id, previous.id, blend, 'highlight');
  out.insideView = steppedValue(step.id, previous.id, blend, 'insideView');
  out.seeThrough = steppedValue(step.id, previous.id, blend, 'seeThrough');
  out.axialCut = steppedValue(step.id, previous.id, blend, 'axialCut');
  out.skinCover = steppedValue(step.id, previous.id, blend, 'skinCover');
  out.skinMarker =
    smoothstep(phase(timeline, t, 'anaesthesia', 0.2, 0.8)) *
    (1 - smoothstep(phase(timeline, t, 'closure', 0.4, 0.7)));
  // The dressings go on once the needles are out, and are on for the step's picture (70 % through).
  out.bandage = smoothstep(phase(timeline, t, 'closure', 0.45, 0.68));
  return out;
}
