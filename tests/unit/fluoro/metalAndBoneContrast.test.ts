import { describe, expect, it } from 'vitest';
import type { BufferGeometry } from 'three';
import { CORTEX_REGION_MM, MU_PER_MM } from '../../../src/fluoro/attenuation';
import { PLATE_RADIUS_MM, SURFACE_RADIUS_MM, shellPathMm } from '../../../src/fluoro/attenuationMaterial';
import { METAL_SHOULDER, displayLevel } from '../../../src/fluoro/fluoroDisplayMaterial';
import {
  CANNULA_WALL_MM,
  cannulaTubeGeometry,
  hubTubeGeometry,
  styletRodGeometry,
} from '../../../src/scene/instruments/instrumentGeometry';

type V = [number, number, number];

/**
 * Σ of ±distance over a ray's crossings of a mesh, as the X-ray pass adds it: + where the ray leaves through a face
 * (back-facing: normal along the ray), − where it enters (front-facing). For a closed, outward-facing solid this
 * is the path length inside it.
 */
function pathThrough(geometry: BufferGeometry, origin: V, dir: V): number {
  const g = geometry.index ? geometry.toNonIndexed() : geometry;
  const p = g.getAttribute('position');
  let sum = 0;
  const sub = (a: V, b: V): V => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
  const cross = (a: V, b: V): V => [
    a[1] * b[2] - a[2] * b[1],
    a[2] * b[0] - a[0] * b[2],
    a[0] * b[1] - a[1] * b[0],
  ];
  const dot = (a: V, b: V) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  for (let i = 0; i < p.count; i += 3) {
    const a: V = [p.getX(i), p.getY(i), p.getZ(i)];
    const b: V = [p.getX(i + 1), p.getY(i + 1), p.getZ(i + 1)];
    const c: V = [p.getX(i + 2), p.getY(i + 2), p.getZ(i + 2)];
    // Möller–Trumbore.
    const e1 = sub(b, a);
    const e2 = sub(c, a);
    const h = cross(dir, e2);
    const det = dot(e1, h);
    if (Math.abs(det) < 1e-12) continue;
    const s = sub(origin, a);
    const u = dot(s, h) / det;
    if (u < 0 || u > 1) continue;
    const q = cross(s, e1);
    const v = dot(dir, q) / det;
    if (v < 0 || u + v > 1) continue;
    const t = dot(e2, q) / det;
    if (t <= 0) continue;
    const normal = cross(e1, e2);
    sum += dot(normal, dir) > 0 ? t : -t;
  }
  return sum;
}

/** Path through the shaft along a ray across it (along −Z) at lateral offset x, 60 mm behind the tip. */
const across = (g: BufferGeometry, x: number) => pathThrough(g, [x, -60, 50], [0, 0, -1]);

describe('instruments on the X-ray: hollow steel as it is', () => {
  const r = 1.525;
  const tube = cannulaTubeGeometry(r, 120);
  const bore = r - CANNULA_WALL_MM;

  it("a cannula's steel path is longest where the ray grazes its wall, shortest through the middle", () => {
    const middle = across(tube, 0);
    const wall = across(tube, (bore + r) / 2);
    expect(middle).toBeCloseTo(2 * CANNULA_WALL_MM, 1);
    // Analytic chord through the wall of a tube at offset p: 2(√(R²−p²) − √(r²−p²)) inside the bore.
    const p = (bore + r) / 2;
    expect(wall).toBeCloseTo(2 * Math.sqrt(r * r - p * p), 1);
    expect(wall, 'walls denser than the bore').toBeGreaterThan(2 * middle);
    expect(across(tube, r + 0.2), 'nothing outside the tube').toBeCloseTo(0, 6);
  });

  it('the stylet fills the bore: with it the middle is densest; the hub is a collar, not a steel disc', () => {
    const stylet = styletRodGeometry(r * 0.72, 136);
    const withStylet = across(tube, 0) + across(stylet, 0);
    expect(withStylet).toBeGreaterThan(across(tube, (bore + r) / 2));
    // Seen end-on (the AP beam along a needle), the hub's bore lets the beam through.
    const hub = hubTubeGeometry(120, bore);
    const endOn = (x: number) => pathThrough(hub, [x, 0, 0], [0, -1, 0]);
    expect(endOn(0)).toBeCloseTo(0, 6);
    expect(endOn(3.5)).toBeGreaterThan(5);
  });

  it('the display keeps metal readable: bore, walls and a stylet inside stay apart instead of clipping together', () => {
    const mu = MU_PER_MM.steel - MU_PER_MM.softTissue;
    // Both needles of a bipedicular pair overlap on the lateral: twice each path, over soft tissue (l ≈ −0.3).
    const l = (steelMm: number) => -0.3 + 2 * mu * steelMm;
    const bore = across(tube, 0);
    const wall = across(tube, r - CANNULA_WALL_MM / 2);
    const stylet = bore + across(styletRodGeometry(r * 0.72, 136), 0);
    expect(displayLevel(l(wall)) - displayLevel(l(bore)), 'walls brighter than the bore').toBeGreaterThan(
      0.04,
    );
    expect(displayLevel(l(stylet)) - displayLevel(l(wall)), 'a stylet brighter still').toBeGreaterThan(0.01);
    // A plain S-curve would have clipped all three to white within a few grey levels.
    const clipped = (x: number) => 0.5 + 0.5 * Math.tanh(0.95 * x);
    expect(clipped(l(stylet)) - clipped(l(bore))).toBeLessThan(0.05);
    // Below the knee (bone and soft tissue) the curve is the display's usual S-curve; above it, monotonic.
    expect(displayLevel(0.3)).toBeCloseTo(clipped(0.3), 10);
    expect(displayLevel(METAL_SHOULDER.knee + 3)).toBeGreaterThan(displayLevel(METAL_SHOULDER.knee + 1));
    expect(displayLevel(100)).toBeLessThanOrEqual(1);
  });
});

describe('bone outlines on the X-ray', () => {
  it('a shell crossed square-on adds its thickness; a grazing ray never more than the chord 2√(2Rt)', () => {
    expect(shellPathMm(0.45, 1, SURFACE_RADIUS_MM)).toBeCloseTo(0.45, 1);
    for (const [t, R] of [
      [CORTEX_REGION_MM.body, SURFACE_RADIUS_MM],
      [CORTEX_REGION_MM.spinousProcess, PLATE_RADIUS_MM],
    ] as const) {
      expect(shellPathMm(t, 0, R)).toBeLessThanOrEqual(2 * Math.sqrt(2 * R * t) + 1e-9);
      expect(shellPathMm(t, 0.3, R)).toBeLessThan(shellPathMm(t, 0, R));
    }
  });

  it('the spinous process adds more at the midline than a body rim or the other posterior elements', () => {
    // An AP ray along the spinous process's side: grazing, through twice the wall (in and out).
    const spinous = (cos: number) => 2 * shellPathMm(CORTEX_REGION_MM.spinousProcess, cos, PLATE_RADIUS_MM);
    const lamina = (cos: number) =>
      2 * shellPathMm(CORTEX_REGION_MM.posteriorElements, cos, SURFACE_RADIUS_MM);
    const rim = (cos: number) => 2 * shellPathMm(CORTEX_REGION_MM.body, cos, SURFACE_RADIUS_MM);
    for (const cos of [0, 0.1, 0.3]) {
      expect(spinous(cos), `cos ${cos}`).toBeGreaterThan(lamina(cos));
      expect(lamina(cos), `cos ${cos}`).toBeGreaterThan(rim(cos));
    }
    // Grazing, the teardrop's wall shows clearly on AP: over half a unit of log exposure of cortical bone.
    expect(spinous(0) * (MU_PER_MM.corticalBone - MU_PER_MM.softTissue)).toBeGreaterThan(0.5);
  });
});
