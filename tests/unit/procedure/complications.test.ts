import { describe, expect, it } from 'vitest';
import type { LevelId } from '../../../src/anatomy/levels';
import { vertebraLandmarks, type Vec3 } from '../../../src/anatomy/vertebraLandmarks';
import { accessPlan } from '../../../src/procedure/accessPath';
import { LEAK_FINAL_ML, LEAK_ONSET_FILL, LEAK_STOP_FILL } from '../../../src/procedure/complications';
import { discAboveMm, leakPath } from '../../../src/procedure/complicationPaths';
import { fractureProfile } from '../../../src/procedure/fracture';
import { blobGrowth, leakBlobs, showsThrough } from '../../../src/procedure/leakBlobs';
import { createProcedureState, type ProcedureState } from '../../../src/procedure/procedureState';
import { stateAt } from '../../../src/procedure/stateAt';
import { findStep, timelineFor } from '../../../src/procedure/timeline';
import {
  COMPLICATIONS,
  PROCEDURE_IDS,
  type Complication,
  type ProcedureId,
  type ProcedureOptions,
} from '../../../src/procedure/types';

const LEVELS: readonly LevelId[] = ['T8', 'T12', 'L1', 'L4'];
const LEAKS = COMPLICATIONS.filter((c) => c !== 'none');

function optionsWith(complication: Complication, level: LevelId = 'L1'): ProcedureOptions {
  return { level, grade: 2, morphology: 'wedge', approach: 'bipedicular', complication };
}

function at(procedure: ProcedureId, options: ProcedureOptions, t: number): ProcedureState {
  return stateAt(timelineFor(procedure), options, t, createProcedureState());
}

/** Times across the cement steps and after, in order. */
function cementTimes(procedure: ProcedureId): number[] {
  const timeline = timelineFor(procedure);
  const injection = findStep(timeline, 'cement-injection')!;
  const times: number[] = [];
  for (let t = injection.start - 1; t <= timeline.duration; t += 0.25) times.push(t);
  return times;
}

/** Every point of every branch of a leak's route. */
function routePoints(options: ProcedureOptions, procedure: ProcedureId = 'kyphoplasty'): Vec3[] {
  return leakPath(options, procedure).branches.flatMap((b) => [...b.points]);
}

/** The points where the leak has left the body (beyond its walls and endplates), for the region checks. */
function outside(options: ProcedureOptions, points: Vec3[]): Vec3[] {
  const marks = vertebraLandmarks(options.level);
  const top = fractureProfile(options).normal.middleMm / 2;
  return points.filter(
    ([x, y, z]) =>
      z < marks.posteriorWallZ ||
      (x / (marks.bodyWidthMm / 2)) ** 2 + (z / (marks.bodyDepthMm / 2)) ** 2 > 1 ||
      Math.abs(y) > top * 0.6,
  );
}

describe('cement leak volume', () => {
  it.each(PROCEDURE_IDS)('%s: no leak and a full injection without a complication', (procedure) => {
    for (const t of cementTimes(procedure)) {
      const s = at(procedure, optionsWith('none'), t);
      expect(s.leakVolumeMl).toBe(0);
      expect(s.complication).toBe('none');
    }
    const end = at(procedure, optionsWith('none'), timelineFor(procedure).duration);
    expect(end.cementFill).toBe(1);
  });

  it.each(LEAKS.flatMap((c) => PROCEDURE_IDS.map((p) => [c, p] as const)))(
    '%s (%s): starts after part of the dose, grows monotonically during injection, then stays',
    (complication, procedure) => {
      const options = optionsWith(complication);
      const timeline = timelineFor(procedure);
      const injection = findStep(timeline, 'cement-injection')!;
      let previous = 0;
      let startedAtFill = -1;
      for (const t of cementTimes(procedure)) {
        const s = at(procedure, options, t);
        expect(s.complication).toBe(complication);
        expect(s.leakVolumeMl).toBeGreaterThanOrEqual(previous);
        if (s.leakVolumeMl > 0 && startedAtFill < 0) startedAtFill = s.cementFill;
        if (t > injection.end) expect(s.leakVolumeMl).toBeCloseTo(LEAK_FINAL_ML[complication], 9);
        // The surgeon stops injecting once the leak is seen: the body's cement holds there.
        expect(s.cementFill).toBeLessThanOrEqual(LEAK_STOP_FILL + 1e-9);
        previous = s.leakVolumeMl;
      }
      expect(startedAtFill).toBeGreaterThanOrEqual(LEAK_ONSET_FILL - 0.02);
      expect(at(procedure, options, injection.start - 0.01).leakVolumeMl).toBe(0);
      // Small: a few tenths of a millilitre, far below the dose.
      expect(previous).toBeGreaterThan(0.1);
      expect(previous).toBeLessThan(0.2 * at(procedure, options, timeline.duration).cementFinalMl);
    },
  );

  it('seeking is exact: the state at t does not depend on the order of visits', () => {
    const options = optionsWith('venous');
    const times = cementTimes('vertebroplasty');
    const forward = times.map((t) => at('vertebroplasty', options, t));
    const scratch = createProcedureState();
    const shuffled = [...times.keys()].sort((a, b) => ((a * 7919) % 37) - ((b * 7919) % 37));
    for (const i of shuffled) {
      stateAt(timelineFor('vertebroplasty'), options, times[i]!, scratch);
      expect(scratch.leakVolumeMl).toBe(forward[i]!.leakVolumeMl);
      expect(scratch.cementFill).toBe(forward[i]!.cementFill);
    }
  });
});

describe('cement leak routes lie in the right anatomical region (treated vertebra frame)', () => {
  it('none has no route', () => {
    expect(leakPath(optionsWith('none'), 'kyphoplasty').branches).toHaveLength(0);
  });

  it.each(LEVELS)(
    '%s venous: leaves the posterior wall near the midline, then runs out beside the body',
    (level) => {
      const options = optionsWith('venous', level);
      const marks = vertebraLandmarks(level);
      const trunk = leakPath(options, 'kyphoplasty').branches[0]!.points;
      const exit = trunk[trunk.length - 1]!;
      expect(Math.abs(exit[0])).toBeLessThan(2);
      expect(exit[2]).toBeLessThan(marks.posteriorWallZ);
      const points = routePoints(options);
      // Segmental veins on both sides, lateral to the body.
      expect(Math.max(...points.map((p) => p[0]))).toBeGreaterThan(marks.bodyWidthMm / 2);
      expect(Math.min(...points.map((p) => p[0]))).toBeLessThan(-marks.bodyWidthMm / 2);
    },
  );

  it.each(LEVELS)('%s epidural: inside the canal, behind the posterior wall', (level) => {
    const options = optionsWith('epidural', level);
    const marks = vertebraLandmarks(level);
    const escaped = routePoints(options).filter(([, , z]) => z < marks.posteriorWallZ);
    expect(escaped.length).toBeGreaterThanOrEqual(3);
    for (const [x, , z] of escaped) {
      expect(Math.abs(x)).toBeLessThan(marks.canalWidthMm / 2);
      expect(z).toBeGreaterThan(marks.posteriorWallZ - marks.canalDepthMm);
    }
  });

  it.each(LEVELS)('%s disc: through the superior endplate into the disc above, within it', (level) => {
    const options = optionsWith('disc', level);
    const marks = vertebraLandmarks(level);
    const { fractured, normal } = fractureProfile(options);
    const points = routePoints(options);
    const inDisc = points.filter(([, y]) => y > normal.middleMm / 2);
    expect(inDisc.length).toBeGreaterThanOrEqual(3);
    // Above the endplate, below the next body (the disc, plus the gap the collapse opened).
    const ceiling =
      fractured.middleMm / 2 + discAboveMm(options) + (normal.middleMm - fractured.middleMm) / 2;
    for (const [x, y, z] of inDisc) {
      expect(y).toBeLessThan(ceiling);
      expect((x / (marks.bodyWidthMm / 2)) ** 2 + (z / (marks.bodyDepthMm / 2)) ** 2).toBeLessThan(1);
    }
    // Starts inside the body (the crack), not in mid-air.
    expect(points[0]![1]).toBeLessThan(normal.middleMm / 2);
  });

  it.each(LEVELS)('%s foraminal: lateral and posterior, at the pedicle, below it', (level) => {
    const options = optionsWith('foraminal', level);
    const marks = vertebraLandmarks(level);
    const pedicle = marks.pedicleLeft;
    const escaped = outside(options, routePoints(options)).filter(([, , z]) => z < marks.posteriorWallZ);
    expect(escaped.length).toBeGreaterThanOrEqual(3);
    const last = escaped[escaped.length - 1]!;
    expect(last[0]).toBeGreaterThan(marks.canalWidthMm / 2);
    expect(last[1]).toBeLessThan(pedicle.center[1] - pedicle.heightMm / 2);
    expect(Math.abs(last[2] - pedicle.center[2])).toBeLessThan(pedicle.lengthMm);
  });

  it.each(LEVELS)(
    '%s soft-tissue: outside the bone, lateral and behind it, along the needle track',
    (level) => {
      const options = optionsWith('soft-tissue', level);
      const marks = vertebraLandmarks(level);
      const needle = accessPlan(level, 'bipedicular').needles[0]!;
      const points = routePoints(options);
      const beyond = points.filter(([, , z]) => z < needle.entry[2]);
      expect(beyond.length).toBeGreaterThanOrEqual(3);
      for (const [x, , z] of beyond) {
        expect(x).toBeGreaterThan(needle.entry[0]);
        expect(z).toBeLessThan(marks.posteriorWallZ - marks.canalDepthMm);
      }
    },
  );

  it.each(LEAKS)('%s: the blobs hold the final volume and grow outwards from the source', (complication) => {
    const options = optionsWith(complication);
    const path = leakPath(options, 'kyphoplasty');
    const blobs = leakBlobs(path, complication);
    expect(blobs.count).toBeGreaterThan(5);
    expect(path.radiusMm).toBeGreaterThan(0.5);
    expect(path.radiusMm).toBeLessThan(4);
    const shown = (share: number) =>
      [...Array(blobs.count).keys()].reduce((n, i) => n + blobGrowth(blobs, i, share, path.radiusMm), 0);
    expect(shown(0)).toBe(0);
    expect(shown(0.3)).toBeLessThan(shown(0.7));
    expect(shown(1)).toBe(blobs.count);
    const nearest = Math.min(...blobs.distances);
    const first = [...blobs.distances].indexOf(nearest);
    expect(blobGrowth(blobs, first, 0.2, path.radiusMm)).toBeGreaterThan(0);
  });

  it('a venous leak seen from the left shows through the bone on the left and in the middle, not round the far side', () => {
    const blobs = leakBlobs(leakPath(optionsWith('venous'), 'kyphoplasty'), 'venous');
    const fromLeft = { x: 1, y: 0, z: 0 };
    const x = (i: number) => blobs.positions[3 * i]!;
    const all = [...Array(blobs.count).keys()];
    const far = all.filter((i) => x(i) < -6);
    const middle = all.filter((i) => Math.abs(x(i)) < 1);
    const near = all.filter((i) => x(i) > 6);
    // The segmental veins run round both sides of the body; the basivertebral trunk lies in the middle.
    expect(far.length).toBeGreaterThan(3);
    expect(middle.length).toBeGreaterThan(0);
    expect(far.every((i) => !showsThrough(blobs, i, fromLeft))).toBe(true);
    expect(middle.every((i) => showsThrough(blobs, i, fromLeft))).toBe(true);
    expect(near.every((i) => showsThrough(blobs, i, fromLeft))).toBe(true);
    // From the right, the other way round.
    const fromRight = { x: -1, y: 0, z: 0 };
    expect(near.every((i) => !showsThrough(blobs, i, fromRight))).toBe(true);
    expect(far.every((i) => showsThrough(blobs, i, fromRight))).toBe(true);
  });
});
