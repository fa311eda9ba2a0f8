import { vertebraLandmarks } from '../anatomy/vertebraLandmarks';
import { accessPlan, tipAt } from './accessPath';
import { CEMENT_CELL_MM, balloonPeakMl, cementFinalMl } from './dosing';
import { deformedY } from '../anatomy/fractureField';
import { fractureProfile, type BodyHeights } from './fracture';
import { hashSeed, mulberry32 } from './random';
import type { ProcedureId, ProcedureOptions } from './types';

/**
 * Where cement arrives and when: cells of a grid inside the vertebral body, each with the fill fraction at
 * which cement reaches it. Rendering at time t is a threshold on that fraction, so scrubbing costs nothing.
 */
export interface CementArrival {
  /** Cell centres in the treated level's local frame (x, y, z per cell). */
  positions: Float32Array;
  /** Fill fraction in [0, 1) at which each cell fills, in the same order. */
  arrival: Float32Array;
  cellMm: number;
  count: number;
}

const CELL_MM = CEMENT_CELL_MM;
/** Cement stays out of the posterior quarter of the body (injection stops there). */
const POSTERIOR_CLEAR = 0.25;
/** Stay inside the cortex: fraction of the endplate ellipse cancellous bone occupies. */
const CANCELLOUS = 0.86;

/**
 * A cell, laid out about its column's centre line (y = 0) so the ordering sees every body alike; `centre` is
 * where that line lies in the deformed body, added when the cells are packed.
 */
interface Cell {
  x: number;
  y: number;
  z: number;
  centre: number;
}

/** A body's height (mm) at `u` (−1 posterior wall … +1 anterior wall): the quadratic through the three lines. */
function heightAt(heights: BodyHeights, u: number): number {
  return (
    heights.middleMm +
    ((heights.anteriorMm - heights.posteriorMm) / 2) * u +
    ((heights.anteriorMm + heights.posteriorMm) / 2 - heights.middleMm) * u * u
  );
}

function cancellousCells(options: ProcedureOptions, heights: BodyHeights): Cell[] {
  const marks = vertebraLandmarks(options.level);
  const { normal, anchorMm } = fractureProfile(options);
  const a = marks.bodyWidthMm / 2;
  const c = marks.bodyDepthMm / 2;
  const zMin = marks.posteriorWallZ + marks.bodyDepthMm * POSTERIOR_CLEAR;
  const cells: Cell[] = [];
  for (let z = zMin + CELL_MM / 2; z < marks.anteriorWallZ; z += CELL_MM) {
    const u = z / c;
    const h = heightAt(heights, u);
    const halfY = h / 2 - 1.5;
    // The deformed column's centre: below the body centre where the superior endplate alone gave way.
    const centre = deformedY(0, h / heightAt(normal, u), anchorMm);
    for (let x = -a; x <= a; x += CELL_MM) {
      if ((x / a) ** 2 + (z / c) ** 2 > CANCELLOUS * CANCELLOUS) continue;
      for (let y = -halfY + CELL_MM / 2; y < halfY; y += CELL_MM) cells.push({ x, y, z, centre });
    }
  }
  return cells;
}

function pack(order: Cell[], count: number): CementArrival {
  const n = Math.min(count, order.length);
  const positions = new Float32Array(n * 3);
  const arrival = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const cell = order[i]!;
    positions.set([cell.x, cell.y + cell.centre, cell.z], i * 3);
    arrival[i] = i / n;
  }
  return { positions, arrival, cellMm: CELL_MM, count: n };
}

/** Kyphoplasty: the balloon cavity fills first (nearest cells to the balloons), then a thin interdigitating rim. */
function kyphoplastyOrder(options: ProcedureOptions, cells: Cell[], random: () => number): Cell[] {
  const plan = accessPlan(options.level, options.approach);
  const length = plan.targetDepthMm - plan.cannulaDepthMm;
  const radius = Math.sqrt((3 * balloonPeakMl(options) * 1000) / (2 * Math.PI * length));
  const mid = (plan.cannulaDepthMm + plan.targetDepthMm) / 2;
  // Each balloon opened about the middle of the body's height (scene/balloonShape.ts, balloonRiseMm): y = 0 here.
  const centres = plan.needles.map((n) => {
    const centre = tipAt(n, mid, [0, 0, 0]);
    centre[1] = 0;
    return centre;
  });
  const key = (cell: Cell) => {
    let best = Infinity;
    plan.needles.forEach((needle, i) => {
      const [cx, cy, cz] = centres[i]!;
      const dx = cell.x - cx;
      const dy = cell.y - cy;
      const dz = cell.z - cz;
      const along = dx * needle.direction[0] + dy * needle.direction[1] + dz * needle.direction[2];
      const across = Math.sqrt(Math.max(0, dx * dx + dy * dy + dz * dz - along * along));
      best = Math.min(best, Math.hypot(along / (length / 2), across / radius));
    });
    return best + random() * 0.25;
  };
  return cells
    .map((cell) => ({ cell, k: key(cell) }))
    .sort((p, q) => p.k - q.k)
    .map((p) => p.cell);
}

/** Vertebroplasty: invasion percolation through trabecular bone from each needle tip — irregular, seeded. */
function vertebroplastyOrder(
  options: ProcedureOptions,
  cells: Cell[],
  random: () => number,
  count: number,
): Cell[] {
  const index = new Map<string, number>();
  const grid = (v: number) => Math.round(v / CELL_MM);
  cells.forEach((cell, i) => index.set(`${grid(cell.x)},${grid(cell.y)},${grid(cell.z)}`, i));
  const threshold = cells.map(() => random());
  const taken = new Uint8Array(cells.length);
  const frontier: number[] = [];
  const push = (i: number | undefined) => {
    if (i === undefined || taken[i]) return;
    taken[i] = 1;
    frontier.push(i);
  };
  const plan = accessPlan(options.level, options.approach);
  const tip: [number, number, number] = [0, 0, 0];
  for (const needle of plan.needles) {
    tipAt(needle, plan.targetDepthMm, tip);
    let nearest = 0;
    let best = Infinity;
    cells.forEach((cell, i) => {
      const d = Math.hypot(cell.x - tip[0], cell.y - tip[1], cell.z - tip[2]);
      if (d < best) [best, nearest] = [d, i];
    });
    push(nearest);
  }
  const order: Cell[] = [];
  while (frontier.length > 0 && order.length < count) {
    // Cement takes the path of least resistance: the open neighbour with the lowest threshold.
    let pick = 0;
    for (let k = 1; k < frontier.length; k++)
      if (threshold[frontier[k]!]! < threshold[frontier[pick]!]!) pick = k;
    const i = frontier.splice(pick, 1)[0]!;
    const cell = cells[i]!;
    order.push(cell);
    const [gx, gy, gz] = [grid(cell.x), grid(cell.y), grid(cell.z)];
    for (const [dx, dy, dz] of NEIGHBOURS) push(index.get(`${gx + dx},${gy + dy},${gz + dz}`));
  }
  return order;
}

const NEIGHBOURS = [
  [1, 0, 0],
  [-1, 0, 0],
  [0, 1, 0],
  [0, -1, 0],
  [0, 0, 1],
  [0, 0, -1],
] as const;

/** Deterministic for the same procedure and options; sized to the state's final cement volume. */
export function cementArrival(
  procedure: ProcedureId,
  options: ProcedureOptions,
  heights: BodyHeights,
): CementArrival {
  const random = mulberry32(
    hashSeed(`${procedure}/${options.level}/${options.approach}/${options.grade}/${options.morphology}`),
  );
  const cells = cancellousCells(options, heights);
  const count = Math.round((cementFinalMl(options, procedure) * 1000) / CELL_MM ** 3);
  const order =
    procedure === 'kyphoplasty'
      ? kyphoplastyOrder(options, cells, random)
      : vertebroplastyOrder(options, cells, random, count);
  return pack(order, count);
}

/** Volume the arrival field holds when full (mL): the readout's final volume, so the two can never disagree. */
export function arrivalVolumeMl(arrival: CementArrival): number {
  return (arrival.count * arrival.cellMm ** 3) / 1000;
}
