import { deformedY } from '../anatomy/fractureField';
import { vertebraLandmarks } from '../anatomy/vertebraLandmarks';
import { accessPlan, tipAt } from './accessPath';
import { CEMENT_CELL_MM, cementFinalMl } from './dosing';
import { fractureProfile, type BodyHeights } from './fracture';
import type { ProcedureId, ProcedureOptions } from './types';

/*
 * The grid of cells inside the vertebral body that cement can fill, and how much of it cement can reach: what the
 * frame needs at start-up (the cement readout's volume). The order in which cement arrives, which only the 3D and
 * X-ray cement need, is cementArrival.ts's.
 */

export const CELL_MM = CEMENT_CELL_MM;
/** Cement stays out of the posterior quarter of the body (injection stops there). */
const POSTERIOR_CLEAR = 0.25;
/** Stay inside the cortex: fraction of the endplate ellipse cancellous bone occupies. */
const CANCELLOUS = 0.86;
/**
 * And clear of the anterior wall by this much (mm): the body's waist brings its front wall in at mid-height, and
 * cement drawn against it on the cut read as cement leaking out through the front.
 */
const ANTERIOR_CLEAR_MM = 3;

/**
 * A cell, laid out about its column's centre line (y = 0) so the ordering sees every body alike; `centre` is
 * where that line lies in the deformed body, added when the cells are packed.
 */
export interface Cell {
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

/** The cells inside the body's cancellous bone, in front of the posterior quarter, between its (deformed) endplates. */
export function cancellousCells(options: ProcedureOptions, heights: BodyHeights): Cell[] {
  const marks = vertebraLandmarks(options.level);
  const { normal, anchorMm } = fractureProfile(options);
  const a = marks.bodyWidthMm / 2;
  const c = marks.bodyDepthMm / 2;
  const zMin = marks.posteriorWallZ + marks.bodyDepthMm * POSTERIOR_CLEAR;
  const cells: Cell[] = [];
  for (let z = zMin + CELL_MM / 2; z < marks.anteriorWallZ - ANTERIOR_CLEAR_MM; z += CELL_MM) {
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

const grid = (v: number) => Math.round(v / CELL_MM);

/** Calls `visit` with the index of each of the cell's six face neighbours that is a cell too. */
type NeighbourWalk = (cell: Cell, visit: (i: number | undefined) => void) => void;

/** The cells' face-neighbour walk, through a grid index of their positions. */
export function neighbourWalk(cells: readonly Cell[]): NeighbourWalk {
  const index = new Map<string, number>();
  cells.forEach((cell, i) => index.set(`${grid(cell.x)},${grid(cell.y)},${grid(cell.z)}`, i));
  return (cell, visit) => {
    const [gx, gy, gz] = [grid(cell.x), grid(cell.y), grid(cell.z)];
    for (const [dx, dy, dz] of NEIGHBOURS) visit(index.get(`${gx + dx},${gy + dy},${gz + dz}`));
  };
}

/** The cell nearest each needle's tip, where vertebroplasty cement enters the bone. */
export function entryCells(options: ProcedureOptions, cells: readonly Cell[]): number[] {
  const plan = accessPlan(options.level, options.approach);
  const tip: [number, number, number] = [0, 0, 0];
  return plan.needles.map((needle) => {
    tipAt(needle, plan.targetDepthMm, tip);
    let nearest = 0;
    let best = Infinity;
    cells.forEach((cell, i) => {
      const d = Math.hypot(cell.x - tip[0], cell.y + cell.centre - tip[1], cell.z - tip[2]);
      if (d < best) [best, nearest] = [d, i];
    });
    return nearest;
  });
}

/** How many cells the percolation from the needle tips can reach (all it would take, given cement enough). */
function reachableCells(options: ProcedureOptions, cells: Cell[]): number {
  const walk = neighbourWalk(cells);
  const taken = new Uint8Array(cells.length);
  const queue: number[] = [];
  const push = (i: number | undefined) => {
    if (i === undefined || taken[i]) return;
    taken[i] = 1;
    queue.push(i);
  };
  entryCells(options, cells).forEach(push);
  for (let k = 0; k < queue.length; k++) walk(cells[queue[k]!]!, push);
  return queue.length;
}

/** The six face neighbours of a grid cell. */
export const NEIGHBOURS = [
  [1, 0, 0],
  [-1, 0, 0],
  [0, 1, 0],
  [0, -1, 0],
  [0, 0, 1],
  [0, 0, -1],
] as const;

/** Cells that hold the procedure's final cement volume. */
export function cementCellCount(options: ProcedureOptions, procedure: ProcedureId): number {
  return Math.round((cementFinalMl(options, procedure) * 1000) / CELL_MM ** 3);
}

/**
 * The volume (mL) `cementArrival(procedure, options, heights)` holds when full, without ordering its cells (the
 * frame needs the volume at start-up, the 3D cement its order only later): the dose, or less where the cells
 * the cement can reach run out.
 */
export function arrivalCapacityMl(
  procedure: ProcedureId,
  options: ProcedureOptions,
  heights: BodyHeights,
): number {
  const cells = cancellousCells(options, heights);
  const reachable = procedure === 'kyphoplasty' ? cells.length : reachableCells(options, cells);
  return (Math.min(cementCellCount(options, procedure), reachable) * CELL_MM ** 3) / 1000;
}
