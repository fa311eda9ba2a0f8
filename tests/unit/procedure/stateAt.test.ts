import { describe, expect, it } from 'vitest';
import { LEVEL_IDS, type LevelId } from '../../../src/anatomy/levels';
import { levelDimensions } from '../../../src/anatomy/morphometry';
import { vertebraLandmarks, type PedicleLandmarks } from '../../../src/anatomy/vertebraLandmarks';
import { accessPlan, tipAt, type NeedlePath } from '../../../src/procedure/accessPath';
import { createProcedureState, type ProcedureState } from '../../../src/procedure/procedureState';
import { stateAt } from '../../../src/procedure/stateAt';
import { findStep, timelineFor } from '../../../src/procedure/timeline';
import {
  APPROACHES,
  GRADES,
  MORPHOLOGIES,
  PROCEDURE_IDS,
  type Approach,
  type GenantGrade,
  type Morphology,
  type ProcedureId,
  type ProcedureOptions,
  type StepId,
  type Timeline,
} from '../../../src/procedure/types';

type NumericKey = {
  [K in keyof ProcedureState]: ProcedureState[K] extends number ? K : never;
}[keyof ProcedureState];

/** Fields that are ids, flags or per-step counters and may legitimately change at a step boundary. */
const DISCRETE_FIELDS = new Set<keyof ProcedureState>([
  'step',
  'stepIndex',
  'stepProgress',
  'fluoroView',
  'xrayOn',
  'camera',
  'previousCamera',
  'needleVisible',
  'drillVisible',
  'procedure',
  // Restarts at every boundary by design; the rendered camera's continuity is tested separately.
  'cameraBlend',
]);

const NUMERIC_KEYS: readonly NumericKey[] = (
  Object.keys(createProcedureState()) as (keyof ProcedureState)[]
).filter(
  (key): key is NumericKey => typeof createProcedureState()[key] === 'number' && !DISCRETE_FIELDS.has(key),
);

function options(
  level: LevelId,
  approach: Approach = 'bipedicular',
  grade: GenantGrade = 2,
  morphology: Morphology = 'wedge',
): ProcedureOptions {
  return { level, grade, morphology, approach };
}

function at(procedure: ProcedureId, opts: ProcedureOptions, t: number): ProcedureState {
  return stateAt(timelineFor(procedure), opts, t, createProcedureState());
}

function step(timeline: Timeline, id: StepId) {
  const found = findStep(timeline, id);
  if (!found) throw new Error(`${timeline.procedure} has no step ${id}`);
  return found;
}

/** n+1 evenly spaced times covering [from, to]. */
function times(from: number, to: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => from + ((to - from) * i) / n);
}

function label(opts: ProcedureOptions): string {
  return `${opts.level} ${opts.approach} grade ${opts.grade} ${opts.morphology}`;
}

const CONFIGS: readonly ProcedureOptions[] = [
  options('L1'),
  options('T8'),
  options('T12'),
  options('L4'),
  options('L1', 'unipedicular'),
];

const EPS = 1e-6;

describe('continuity at step boundaries', () => {
  for (const procedure of PROCEDURE_IDS) {
    const timeline = timelineFor(procedure);
    for (const opts of CONFIGS) {
      it(`${procedure}, ${label(opts)}: numeric channels do not jump`, () => {
        // Range of each field over the whole timeline, for a relative tolerance.
        const lo = new Map<NumericKey, number>();
        const hi = new Map<NumericKey, number>();
        const scratch = createProcedureState();
        for (const t of times(0, timeline.duration, 2000)) {
          stateAt(timeline, opts, t, scratch);
          for (const key of NUMERIC_KEYS) {
            lo.set(key, Math.min(lo.get(key) ?? Infinity, scratch[key]));
            hi.set(key, Math.max(hi.get(key) ?? -Infinity, scratch[key]));
          }
        }
        const jumps: string[] = [];
        for (const s of timeline.steps.slice(1)) {
          const before = at(procedure, opts, s.start - EPS);
          const after = at(procedure, opts, s.start + EPS);
          for (const key of NUMERIC_KEYS) {
            const tolerance = Math.max(1e-3, 1e-3 * (hi.get(key)! - lo.get(key)!));
            const jump = Math.abs(after[key] - before[key]);
            if (!(jump <= tolerance)) {
              jumps.push(
                `${key} jumps by ${jump} (from ${before[key]} to ${after[key]}, tolerance ${tolerance}) ` +
                  `at the start of ${s.id} (t=${s.start})`,
              );
            }
          }
        }
        expect(jumps, jumps.join('\n')).toEqual([]);
      });

      it(`${procedure}, ${label(opts)}: the rendered camera is continuous (blend restarts from the previous preset)`, () => {
        const first = at(procedure, opts, 0);
        expect(first.cameraBlend, 'the first step starts fully at its own camera').toBe(1);
        expect(first.camera).toBe(timeline.steps[0]!.definition.camera);
        for (let i = 1; i < timeline.steps.length; i++) {
          const prev = timeline.steps[i - 1]!;
          const s = timeline.steps[i]!;
          const before = at(procedure, opts, s.start - EPS);
          const after = at(procedure, opts, s.start + EPS);
          const where = `at the start of ${s.id} (t=${s.start})`;
          expect(before.camera, `${where}: camera before should be ${prev.id}'s`).toBe(
            prev.definition.camera,
          );
          expect(
            before.cameraBlend,
            `${where}: blend before should be 1 (fully at ${prev.definition.camera}), got ${before.cameraBlend}`,
          ).toBeCloseTo(1, 9);
          expect(after.camera, `${where}: camera after`).toBe(s.definition.camera);
          expect(
            after.previousCamera,
            `${where}: previousCamera after should be ${prev.definition.camera}`,
          ).toBe(prev.definition.camera);
          expect(
            after.cameraBlend,
            `${where}: blend after should be ≈0, got ${after.cameraBlend}`,
          ).toBeLessThan(1e-6);
        }
      });
    }
  }
});

describe('clamping, determinism and the allocation-free contract', () => {
  const opts = options('L1');
  for (const procedure of PROCEDURE_IDS) {
    const timeline = timelineFor(procedure);

    it.each([
      ['negative', -3, 0],
      ['NaN', Number.NaN, 0],
      ['-Infinity', -Infinity, 0],
      ['past the end', 1e5, 'end'],
      ['+Infinity', Infinity, 'end'],
    ] as const)(`${procedure}: t %s equals the clamped state`, (_name, t, target) => {
      const clampedTo = target === 'end' ? timeline.duration : target;
      const state = at(procedure, opts, t);
      expect(state, `stateAt(${t}) should equal stateAt(${clampedTo})`).toEqual(
        at(procedure, opts, clampedTo),
      );
      expect(state.time, `time field for t=${t}`).toBe(clampedTo);
    });

    it(`${procedure}: returns the very object passed in`, () => {
      const out = createProcedureState();
      for (const t of [0, 12.3, timeline.duration / 2, timeline.duration]) {
        expect(stateAt(timeline, opts, t, out), `stateAt(${t}) should return out`).toBe(out);
      }
    });

    it(`${procedure}: same inputs give deep-equal states`, () => {
      for (const t of times(0, timeline.duration, 97)) {
        expect(at(procedure, opts, t), `t=${t}`).toEqual(at(procedure, opts, t));
      }
    });
  }

  it('playing forward with one reused object equals seeking with fresh objects (across procedures and options)', () => {
    const out = createProcedureState();
    const sequence: [ProcedureId, ProcedureOptions][] = [
      ['kyphoplasty', options('L1')],
      ['vertebroplasty', options('T8', 'unipedicular', 3, 'crush')],
      ['kyphoplasty', options('L4', 'unipedicular', 1, 'biconcave')],
    ];
    for (const [procedure, opts2] of sequence) {
      const timeline = timelineFor(procedure);
      let frame = 0;
      for (let t = 0; t <= timeline.duration; t += 1 / 60, frame++) {
        stateAt(timeline, opts2, t, out);
        if (frame % 7 === 0) {
          expect({ ...out }, `${procedure} ${label(opts2)} at t=${t}`).toEqual(at(procedure, opts2, t));
        }
      }
    }
  });
});

describe.each(PROCEDURE_IDS)('%s: no NaN anywhere', (procedure) => {
  const timeline = timelineFor(procedure);
  it.each(CONFIGS.map((c) => [label(c), c] as const))('%s at 500 sampled times', (_l, opts) => {
    const out = createProcedureState();
    const bad: string[] = [];
    for (const t of times(0, timeline.duration, 499)) {
      stateAt(timeline, opts, t, out);
      for (const [key, value] of Object.entries(out)) {
        if (typeof value === 'number' && !Number.isFinite(value)) bad.push(`${key}=${value} at t=${t}`);
        if (typeof value === 'string' && value.length === 0) bad.push(`${key} empty at t=${t}`);
      }
    }
    expect(bad.slice(0, 10), bad.slice(0, 10).join('\n')).toEqual([]);
  });
});

describe('access: needle advance and final tip position', () => {
  for (const procedure of PROCEDURE_IDS) {
    const timeline = timelineFor(procedure);
    const kypho = procedure === 'kyphoplasty';
    for (const opts of CONFIGS) {
      const name = `${procedure}, ${label(opts)}`;
      const access = step(timeline, 'access');
      const lastStep = kypho ? step(timeline, 'drilling') : access;

      it(`${name}: the working tip never backs out during access${kypho ? ' and drilling' : ''}`, () => {
        let previous = -Infinity;
        for (const t of times(access.start, lastStep.end, 400)) {
          const depth = at(procedure, opts, t).needleDepthMm;
          expect(depth, `needleDepthMm went from ${previous} to ${depth} at t=${t}`).toBeGreaterThanOrEqual(
            previous - 1e-9,
          );
          previous = depth;
        }
      });

      it(`${name}: at the end of ${lastStep.id} every tip lies in the anterior third of the body`, () => {
        const marks = vertebraLandmarks(opts.level);
        const plan = accessPlan(opts.level, opts.approach);
        const state = at(procedure, opts, lastStep.end);
        const tip: [number, number, number] = [0, 0, 0];
        const anteriorThird = marks.anteriorWallZ - marks.bodyDepthMm / 3;
        for (const needle of plan.needles) {
          tipAt(needle, state.needleDepthMm, tip);
          expect(
            tip[2],
            `${needle.side} tip z=${tip[2]} should be ≥ ${anteriorThird} (anterior third starts there)`,
          ).toBeGreaterThanOrEqual(anteriorThird);
          expect(
            tip[2],
            `${needle.side} tip z=${tip[2]} must stay behind the anterior wall ${marks.anteriorWallZ}`,
          ).toBeLessThan(marks.anteriorWallZ);
          expect(Math.abs(tip[0]), `${needle.side} tip |x| inside the body half-width`).toBeLessThan(
            marks.bodyWidthMm / 2,
          );
        }
      });

      if (kypho) {
        it(`${name}: after access the working cannula rests just inside the posterior wall, short of the target`, () => {
          const marks = vertebraLandmarks(opts.level);
          const plan = accessPlan(opts.level, opts.approach);
          const state = at(procedure, opts, access.end);
          const tip: [number, number, number] = [0, 0, 0];
          for (const needle of plan.needles) {
            tipAt(needle, state.cannulaDepthMm, tip);
            expect(
              tip[2],
              `${needle.side} cannula tip z=${tip[2]} vs posterior wall ${marks.posteriorWallZ}`,
            ).toBeGreaterThan(marks.posteriorWallZ);
            expect(tip[2], 'cannula tip should stay out of the anterior third').toBeLessThan(
              marks.anteriorWallZ - marks.bodyDepthMm / 3,
            );
          }
          expect(state.cannulaDepthMm, 'cannula stops short of the drill target').toBeLessThan(
            plan.targetDepthMm,
          );
        });
      }
    }
  }
});

describe('kyphoplasty balloon and height restoration', () => {
  const procedure = 'kyphoplasty';
  const timeline = timelineFor(procedure);
  const inflation = step(timeline, 'balloon-inflation');
  const removal = step(timeline, 'balloon-removal');
  const injection = step(timeline, 'cement-injection');

  for (const opts of CONFIGS) {
    const name = label(opts);

    it(`${name}: balloon volume rises during inflation and is back to 0 (balloon out) before cement`, () => {
      let previous = -Infinity;
      for (const t of times(inflation.start, inflation.end, 200)) {
        const v = at(procedure, opts, t).balloonVolumeMl;
        expect(
          v,
          `balloon volume fell from ${previous} to ${v} at t=${t} during inflation`,
        ).toBeGreaterThanOrEqual(previous - 1e-12);
        previous = v;
      }
      const start = at(procedure, opts, inflation.start).balloonVolumeMl;
      const peak = at(procedure, opts, inflation.end).balloonVolumeMl;
      expect(start, 'balloon empty when inflation starts').toBe(0);
      expect(peak, 'balloon filled at the end of inflation').toBeGreaterThan(0);
      for (const t of times(injection.start, injection.end, 100)) {
        const s = at(procedure, opts, t);
        expect(s.balloonVolumeMl, `balloon volume at t=${t} during cement injection`).toBe(0);
        expect(s.balloonPressurePsi, `balloon pressure at t=${t} during cement injection`).toBe(0);
        expect(s.balloonInsertion, `balloon must be out of the body at t=${t}`).toBeCloseTo(0, 9);
      }
      expect(at(procedure, opts, removal.end - EPS).balloonVolumeMl, 'empty by the end of removal').toBe(0);
      // The closure's picture (70 % through) shows the dressings on.
      const closure = step(timeline, 'closure');
      expect(at(procedure, opts, closure.start + 0.7 * (closure.end - closure.start)).bandage).toBe(1);
      // The removal's picture (70 % through) shows the empty hollow: the balloon is out, the hollow stays.
      const picture = at(procedure, opts, removal.start + 0.7 * (removal.end - removal.start));
      expect(picture.balloonInsertion, 'balloon out at the removal picture').toBe(0);
      expect(picture.cavityVolumeMl, 'hollow left at the removal picture').toBeGreaterThan(0);
    });

    // Lower bound 1 mL (was 1.5): two balloons at a small thoracic body (T8 ≈ 12 mL) stay within the 25 % fill.
    it(`${name}: peak pressure 100–250 psi and 1–4 mL per balloon`, () => {
      let maxPressure = 0;
      let maxVolume = 0;
      for (const t of times(0, timeline.duration, 2000)) {
        const s = at(procedure, opts, t);
        maxPressure = Math.max(maxPressure, s.balloonPressurePsi);
        maxVolume = Math.max(maxVolume, s.balloonVolumeMl);
      }
      expect(maxPressure, `peak pressure ${maxPressure} psi`).toBeGreaterThanOrEqual(100);
      expect(maxPressure, `peak pressure ${maxPressure} psi`).toBeLessThanOrEqual(250);
      expect(maxVolume, `peak volume per balloon ${maxVolume} mL`).toBeGreaterThanOrEqual(1);
      expect(maxVolume, `peak volume per balloon ${maxVolume} mL`).toBeLessThanOrEqual(4);
    });

    it(`${name}: anterior height rises on inflation, gives a little back on removal, ends modestly higher`, () => {
      const pct = (t: number) => at(procedure, opts, t).anteriorHeightPct;
      let previous = -Infinity;
      for (const t of times(inflation.start, inflation.end, 200)) {
        const p = pct(t);
        expect(
          p,
          `anterior height % fell from ${previous} to ${p} at t=${t} during inflation`,
        ).toBeGreaterThanOrEqual(previous - 1e-9);
        previous = p;
      }
      const rise = pct(inflation.end) - pct(inflation.start);
      const drop = pct(removal.start) - pct(removal.end);
      expect(rise, `inflation should lift the anterior height, rise=${rise} %`).toBeGreaterThan(0);
      expect(drop, `deflation should lose some height, drop=${drop} %`).toBeGreaterThan(0);
      expect(
        drop,
        `the drop on deflation (${drop} %) should be smaller than the rise (${rise} %)`,
      ).toBeLessThan(rise);

      const initial = at(procedure, opts, 0);
      const final = at(procedure, opts, timeline.duration);
      expect(final.anteriorHeightPct, 'ends higher than it began').toBeGreaterThan(initial.anteriorHeightPct);
      expect(final.anteriorHeightPct, 'never restored to a normal vertebra').toBeLessThan(100);

      const normal = levelDimensions(opts.level).bodyHeightAnteriorMm;
      const lost = normal - initial.anteriorHeightMm;
      const gain = final.anteriorHeightMm - initial.anteriorHeightMm;
      expect(gain, `anterior gain ${gain} mm should be modest (< 6 mm)`).toBeLessThan(6);
      expect(gain, `anterior gain ${gain} mm should be less than half the ${lost} mm lost`).toBeLessThan(
        lost / 2,
      );
    });

    it(`${name}: the cement fills at least the cavity the balloons left`, () => {
      const final = at(procedure, opts, timeline.duration);
      expect(final.cavityVolumeMl, 'a cavity remains after the balloons').toBeGreaterThan(0);
      expect(
        final.cementVolumeMl,
        `cement ${final.cementVolumeMl} mL vs cavity ${final.cavityVolumeMl} mL`,
      ).toBeGreaterThanOrEqual(final.cavityVolumeMl - 1e-9);
    });
  }

  it('wedge angle at L1 grade 2 wedge is plausible (10–25°) and is reduced by a few degrees only', () => {
    const opts = options('L1');
    const start = at(procedure, opts, 0).wedgeAngleDeg;
    const end = at(procedure, opts, timeline.duration).wedgeAngleDeg;
    expect(start, `initial wedge angle ${start}°`).toBeGreaterThanOrEqual(10);
    expect(start, `initial wedge angle ${start}°`).toBeLessThanOrEqual(25);
    expect(end, `final wedge angle ${end}° should be below the initial ${start}°`).toBeLessThan(start);
    expect(start - end, `kyphosis correction ${start - end}° should be a few degrees`).toBeLessThan(8);
  });
});

describe('vertebroplasty never uses a balloon', () => {
  const procedure = 'vertebroplasty';
  const timeline = timelineFor(procedure);
  for (const opts of CONFIGS) {
    it(`${label(opts)}: no balloon, anterior height changes by ≤ 3 percentage points`, () => {
      let lo = Infinity;
      let hi = -Infinity;
      for (const t of times(0, timeline.duration, 1000)) {
        const s = at(procedure, opts, t);
        expect(s.balloonVolumeMl, `balloon volume at t=${t}`).toBe(0);
        expect(s.balloonPressurePsi, `balloon pressure at t=${t}`).toBe(0);
        expect(s.cavityVolumeMl, `cavity volume at t=${t}`).toBe(0);
        lo = Math.min(lo, s.anteriorHeightPct);
        hi = Math.max(hi, s.anteriorHeightPct);
      }
      expect(hi - lo, `anterior height varies by ${hi - lo} percentage points`).toBeLessThanOrEqual(3);
    });
  }
});

describe('cement', () => {
  for (const procedure of PROCEDURE_IDS) {
    const timeline = timelineFor(procedure);
    const injection = step(timeline, 'cement-injection');
    const hardening = step(timeline, 'cement-hardening');

    for (const opts of CONFIGS) {
      const name = `${procedure}, ${label(opts)}`;
      it(`${name}: volume never decreases (every 0.05 s) and ends within 2–6 mL`, () => {
        const out = createProcedureState();
        let previous = -Infinity;
        for (let i = 0; i * 0.05 <= timeline.duration; i++) {
          const t = i * 0.05;
          const v = stateAt(timeline, opts, t, out).cementVolumeMl;
          expect(v, `cement volume fell from ${previous} to ${v} mL at t=${t}`).toBeGreaterThanOrEqual(
            previous,
          );
          previous = v;
        }
        expect(at(procedure, opts, injection.start).cementVolumeMl, 'no cement before injection').toBe(0);
        const final = at(procedure, opts, timeline.duration).cementVolumeMl;
        expect(final, `final cement ${final} mL`).toBeGreaterThanOrEqual(2);
        expect(final, `final cement ${final} mL`).toBeLessThanOrEqual(6);
      });

      it(`${name}: cure goes 0 → 1 over the hardening step`, () => {
        expect(at(procedure, opts, hardening.start - EPS).cementCure, 'liquid before hardening').toBe(0);
        expect(at(procedure, opts, hardening.start).cementCure, 'liquid at the start of hardening').toBe(0);
        const mid = at(procedure, opts, (hardening.start + hardening.end) / 2).cementCure;
        expect(mid, `half-way cure ${mid}`).toBeGreaterThan(0);
        expect(mid, `half-way cure ${mid}`).toBeLessThan(1);
        expect(at(procedure, opts, hardening.end).cementCure, 'set at the end of hardening').toBe(1);
        expect(at(procedure, opts, timeline.duration).cementCure, 'stays set').toBe(1);
        let previous = -Infinity;
        for (const t of times(hardening.start, hardening.end, 100)) {
          const c = at(procedure, opts, t).cementCure;
          expect(c, `cure went from ${previous} to ${c} at t=${t}`).toBeGreaterThanOrEqual(previous);
          previous = c;
        }
      });

      it(`${name}: injection is watched on lateral fluoroscopy with the X-ray on`, () => {
        for (const t of times(injection.start, injection.end - EPS, 100)) {
          const s = at(procedure, opts, t);
          expect(s.fluoroView, `fluoro view at t=${t}`).toBe('lateral');
          expect(s.xrayOn, `X-ray at t=${t}`).toBe(true);
        }
      });
    }

    it.each(LEVEL_IDS.flatMap((level) => APPROACHES.map((approach) => [level, approach] as const)))(
      // Small upper-thoracic bodies (≈ 5–8 mL) take less than 2 mL under the 25 % fill ceiling: the floor is 1 mL.
      `${procedure}: final cement within 1–6 mL at %s %s`,
      (level, approach) => {
        const final = at(procedure, options(level, approach), timeline.duration).cementVolumeMl;
        expect(final, `final cement ${final} mL`).toBeGreaterThanOrEqual(1);
        expect(final, `final cement ${final} mL`).toBeLessThanOrEqual(6);
      },
    );
  }
});

describe('fractured heights follow Genant grading and morphology', () => {
  const BANDS: Record<GenantGrade, [number, number]> = { 1: [0.2, 0.25], 2: [0.25, 0.4], 3: [0.4, 1] };
  const MOST_DEFORMED: Record<Morphology, 'anterior' | 'middle' | null> = {
    wedge: 'anterior',
    biconcave: 'middle',
    crush: null,
  };
  const cases = (['L1', 'T8', 'T12', 'L4'] as const).flatMap((level) =>
    GRADES.flatMap((grade) => MORPHOLOGIES.map((morphology) => [level, grade, morphology] as const)),
  );

  it.each(cases)('%s grade %s %s', (level, grade, morphology) => {
    for (const procedure of PROCEDURE_IDS) {
      const s = at(procedure, options(level, 'bipedicular', grade, morphology), 0);
      const loss = {
        anterior: 1 - s.anteriorHeightPct / 100,
        middle: 1 - s.middleHeightPct / 100,
        posterior: 1 - s.posteriorHeightPct / 100,
      };
      const worst = Math.max(loss.anterior, loss.middle, loss.posterior);
      const [lo, hi] = BANDS[grade];
      const detail = `losses ${JSON.stringify(loss)}`;
      expect(
        worst,
        `grade ${grade}: most deformed height loss ${worst} should be in [${lo}, ${hi}]; ${detail}`,
      ).toBeGreaterThanOrEqual(lo);
      if (grade === 3) expect(worst, `grade 3 needs > 40 %; ${detail}`).toBeGreaterThan(0.4);
      else expect(worst, `grade ${grade}: ${detail}`).toBeLessThanOrEqual(hi);

      const which = MOST_DEFORMED[morphology];
      if (which) {
        expect(loss[which], `${morphology}: the ${which} height should be the most deformed; ${detail}`).toBe(
          worst,
        );
      }
      if (morphology === 'wedge') {
        expect(loss.posterior, `wedge keeps the posterior height; ${detail}`).toBeLessThan(loss.anterior / 2);
      }
      if (morphology === 'biconcave') {
        expect(loss.anterior, `biconcave: anterior less deformed than middle; ${detail}`).toBeLessThan(
          loss.middle,
        );
        expect(loss.posterior, `biconcave: posterior less deformed than middle; ${detail}`).toBeLessThan(
          loss.middle,
        );
      }
      if (morphology === 'crush') {
        for (const k of ['anterior', 'middle', 'posterior'] as const) {
          expect(loss[k], `crush involves the whole body, ${k}; ${detail}`).toBeGreaterThanOrEqual(worst / 2);
        }
      }
    }
  });
});

/*
 * Known defects in src/procedure/accessPath.ts (see the report that came with these tests): the unipedicular
 * needle is rotated about the pedicle centre by asin(room / (length / 2)) with no limit, so at wide lumbar
 * pedicles it cuts through the pedicle walls and overshoots far past the midline; bipedicular needles follow the
 * pedicle axis to the anterior quarter even where steep upper-thoracic convergence makes the two tips meet.
 * These cases are marked `it.fails` so the suite stays green and flags the moment the geometry is fixed.
 */
const KNOWN_PEDICLE_BREACH = new Set<string>([]);
const KNOWN_TIP_OUTSIDE_BODY = new Set<string>([]);
const KNOWN_BIPEDICULAR_COLLISION = new Set<LevelId>([]);
const KNOWN_UNIPEDICULAR_OVERSHOOT = new Set<LevelId>([]);

function itUnless(known: boolean) {
  return known ? it.fails : it;
}

describe('needle path respects the medial pedicle wall', () => {
  /** Axial-plane (x, z) distance from a point to the pedicle axis line, and its position along the axis. */
  function relativeToPedicle(pedicle: PedicleLandmarks, x: number, z: number) {
    const dx = x - pedicle.center[0];
    const dz = z - pedicle.center[2];
    const along = dx * pedicle.axis[0] + dz * pedicle.axis[2];
    const px = dx - along * pedicle.axis[0];
    const pz = dz - along * pedicle.axis[2];
    return { along, distance: Math.hypot(px, pz) };
  }

  const cases = LEVEL_IDS.flatMap((level) => APPROACHES.map((approach) => [level, approach] as const));

  for (const [level, approach] of cases) {
    const key = `${level}/${approach}`;

    itUnless(KNOWN_PEDICLE_BREACH.has(key))(
      `${level} ${approach}: the needle stays inside the pedicle`,
      () => {
        const marks = vertebraLandmarks(level);
        const plan = accessPlan(level, approach);
        // Two needles unless the level's steep pedicles force a single medial one (route 'single-medial').
        expect(plan.needles.length, 'needle count').toBe(plan.route === 'bipedicular' ? 2 : 1);
        expect(
          plan.route === approach || (approach === 'bipedicular' && plan.route === 'single-medial'),
        ).toBe(true);
        const tip: [number, number, number] = [0, 0, 0];
        for (const needle of plan.needles) {
          const pedicle = needle.side === 'left' ? marks.pedicleLeft : marks.pedicleRight;
          const radius = needle.outerDiameterMm / 2;
          let inside = 0;
          for (const s of times(0, needle.posteriorWallDepthMm, 400)) {
            tipAt(needle, s, tip);
            const { along, distance } = relativeToPedicle(pedicle, tip[0], tip[2]);
            if (Math.abs(along) > pedicle.lengthMm / 2) continue;
            inside++;
            expect(
              distance + radius,
              `${key} ${needle.side} at depth ${s.toFixed(2)} mm: axis offset ${distance.toFixed(3)} + ` +
                `radius ${radius} exceeds half the pedicle width ${pedicle.widthMm / 2}`,
            ).toBeLessThanOrEqual(pedicle.widthMm / 2 + 1e-9);
          }
          expect(inside, 'the path should actually cross the pedicle').toBeGreaterThan(50);
        }
      },
    );

    itUnless(KNOWN_PEDICLE_BREACH.has(key))(
      `${level} ${approach}: on AP the tip stays lateral to the medial wall until past the posterior wall`,
      () => {
        const marks = vertebraLandmarks(level);
        const plan = accessPlan(level, approach);
        const tip: [number, number, number] = [0, 0, 0];
        for (const needle of plan.needles) {
          const pedicle = needle.side === 'left' ? marks.pedicleLeft : marks.pedicleRight;
          // The tip reaches the posterior body wall exactly at posteriorWallDepthMm.
          tipAt(needle, needle.posteriorWallDepthMm, tip);
          expect(
            tip[2],
            `${needle.side} tip at posteriorWallDepthMm should be on the posterior wall`,
          ).toBeCloseTo(marks.posteriorWallZ, 6);
          let checked = 0;
          for (const s of times(0, needle.targetDepthMm, 600)) {
            tipAt(needle, s, tip);
            if (tip[2] >= marks.posteriorWallZ) continue;
            checked++;
            const axisX =
              pedicle.center[0] + (pedicle.axis[0] * (tip[2] - pedicle.center[2])) / pedicle.axis[2];
            const medialWall = Math.abs(axisX) - pedicle.widthMm / 2;
            expect(
              Math.abs(tip[0]),
              `${key} ${needle.side}: at z=${tip[2].toFixed(2)} the tip |x|=${Math.abs(tip[0]).toFixed(3)} ` +
                `is medial to the medial pedicle wall |x|=${medialWall.toFixed(3)}`,
            ).toBeGreaterThanOrEqual(medialWall - 1e-9);
            expect(Math.sign(tip[0]), 'the tip stays on its own side of the midline behind the wall').toBe(
              Math.sign(pedicle.center[0]),
            );
          }
          expect(checked, 'some samples lie behind the posterior wall').toBeGreaterThan(50);
        }
      },
    );

    itUnless(KNOWN_TIP_OUTSIDE_BODY.has(key))(
      `${level} ${approach}: the target lies inside the vertebral body`,
      () => {
        const marks = vertebraLandmarks(level);
        const tip: [number, number, number] = [0, 0, 0];
        for (const needle of accessPlan(level, approach).needles) {
          tipAt(needle, needle.targetDepthMm, tip);
          // The endplate outline as an ellipse of the body's width and depth, centred on the body.
          const a = marks.bodyWidthMm / 2;
          const b = marks.bodyDepthMm / 2;
          const r = Math.hypot(tip[0] / a, tip[2] / b);
          expect(
            r,
            `${key} ${needle.side}: target (x=${tip[0].toFixed(2)}, z=${tip[2].toFixed(2)}) lies outside the body ` +
              `(half-width ${a}, half-depth ${b})`,
          ).toBeLessThan(1);
        }
      },
    );
  }

  for (const level of LEVEL_IDS) {
    itUnless(KNOWN_BIPEDICULAR_COLLISION.has(level))(
      `${level} bipedicular: the two needles never touch (each tip at least a radius from the midline, own side)`,
      () => {
        const tip: [number, number, number] = [0, 0, 0];
        // A level that takes a single medial needle has nothing to collide with (tested in accessRoute.test.ts).
        const plan = accessPlan(level, 'bipedicular');
        if (plan.route === 'single-medial') expect(plan.needles).toHaveLength(1);
        for (const needle of plan.route === 'bipedicular' ? plan.needles : []) {
          tipAt(needle, needle.targetDepthMm, tip);
          const ownSide = needle.side === 'left' ? 1 : -1;
          const radius = needle.outerDiameterMm / 2;
          expect(
            tip[0] * ownSide,
            `${level} ${needle.side} tip x=${tip[0].toFixed(3)} should stay at least ${radius} mm on its own side`,
          ).toBeGreaterThanOrEqual(radius);
        }
      },
    );

    it(`${level}: a single (unipedicular) needle converges at least as much as a bipedicular one`, () => {
      const bi = accessPlan(level, 'bipedicular').needles[0]!;
      const uni = accessPlan(level, 'unipedicular').needles[0]!;
      const angle = (n: NeedlePath) => Math.atan2(Math.abs(n.direction[0]), n.direction[2]);
      // Steep upper-thoracic pedicles already aim past the midline; elsewhere the single needle turns further in.
      const pedicleAimsPastMidline =
        tipAt(bi, bi.targetDepthMm, [0, 0, 0])[0] <= vertebraLandmarks(level).bodyWidthMm / 8;
      if (pedicleAimsPastMidline) expect(angle(uni)).toBeGreaterThanOrEqual(angle(bi) - 1e-12);
      else expect(angle(uni), `convergence ${angle(uni)} rad vs ${angle(bi)} rad`).toBeGreaterThan(angle(bi));
    });

    itUnless(KNOWN_UNIPEDICULAR_OVERSHOOT.has(level))(
      `${level} unipedicular: the tip ends near the midline (middle half of the body width)`,
      () => {
        const uni = accessPlan(level, 'unipedicular').needles[0]!;
        const x = tipAt(uni, uni.targetDepthMm, [0, 0, 0])[0];
        const limit = vertebraLandmarks(level).bodyWidthMm / 4;
        expect(
          Math.abs(x),
          `${level} unipedicular tip x=${x.toFixed(2)} mm, limit ±${limit} mm`,
        ).toBeLessThanOrEqual(limit);
      },
    );
  }
});

describe('needle gauge follows pedicle width', () => {
  it.each(LEVEL_IDS.flatMap((level) => APPROACHES.map((approach) => [level, approach] as const)))(
    '%s %s',
    (level, approach) => {
      const width = levelDimensions(level).pedicleWidthMm;
      const expectedGauge = width < 6 ? 13 : 11;
      const expectedDiameter = width < 6 ? 2.41 : 3.05;
      for (const needle of accessPlan(level, approach).needles) {
        expect(
          needle.gauge,
          `${level} pedicle ${width} mm: expected ${expectedGauge} G, got ${needle.gauge} G`,
        ).toBe(expectedGauge);
        expect(needle.outerDiameterMm, `${expectedGauge} G outer diameter`).toBe(expectedDiameter);
        expect(needle.outerDiameterMm, 'the needle must fit the pedicle').toBeLessThan(width);
      }
    },
  );

  it('the narrow mid-thoracic pedicles (T4–T6) get the smaller 13 G needle', () => {
    for (const level of ['T4', 'T5', 'T6'] as const) {
      expect(accessPlan(level, 'bipedicular').needles[0]!.gauge, level).toBe(13);
    }
    expect(accessPlan('L1', 'bipedicular').needles[0]!.gauge, 'L1').toBe(11);
  });
});
