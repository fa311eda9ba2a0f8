import { accessPlan, tipAt } from './accessPath';
import {
  cancellousCells,
  cementCellCount,
  CELL_MM,
  entryCells,
  neighbourWalk,
  type Cell,
} from './cementCells';
import { balloonPeakMl } from './dosing';
import type { BodyHeights } from './fracture';
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
  const walk = neighbourWalk(cells);
  const threshold = cells.map(() => random());
  const taken = new Uint8Array(cells.length);
  const frontier: number[] = [];
  const push = (i: number | undefined) => {
    if (i === undefined || taken[i]) return;
    taken[i] = 1;
    frontier.push(i);
  };
  entryCells(options, cells).forEach(push);
  const order: Cell[] = [];
  while (frontier.length > 0 && order.length < count) {
    // Cement takes the path of least resistance: the open neighbour with the lowest threshold.
    let pick = 0;
    for (let k = 1; k < frontier.length; k++)
      if (threshold[frontier[k]!]! < threshold[frontier[pick]!]!) pick = k;
    const cell = cells[frontier.splice(pick, 1)[0]!]!;
    order.push(cell);
    walk(cell, push);
  }
  return order;
}

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
  const count = cementCellCount(options, procedure);
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
