import { describe, expect, it } from 'vitest';
import {
  bodyHeightScale,
  bodyHeightScaleGradient,
  deformedBodyHeights,
  deformedY,
  fractureAnchorMm,
  FRACTURE_GLSL,
  FRACTURE_VERTEX_GLSL,
  heightScalesFor,
  injectFracture,
  type FractureHeights,
} from '../../../src/anatomy/fractureField';

const CASES: Record<string, FractureHeights> = {
  intact: { anterior: 1, middle: 1, posterior: 1 },
  wedge: { anterior: 0.62, middle: 0.81, posterior: 1 },
  biconcave: { anterior: 0.93, middle: 0.68, posterior: 0.97 },
  crush: { anterior: 0.6, middle: 0.62, posterior: 0.7 },
};

/** Runs the GLSL functions as JavaScript (the GLSL is written in the subset both languages share). */
function glslAsJs(): {
  scale: (z: number, x: number, h: FractureHeights) => number;
  gradient: (z: number, x: number, h: FractureHeights) => number[];
} {
  const body = FRACTURE_GLSL.replace(/uniform [^;]+;/g, '')
    .replace(/^float (\w+)\(float (\w+), float (\w+), vec3 (\w+)\)/gm, 'function $1($2, $3, $4)')
    .replace(/^vec2 (\w+)\(float (\w+), float (\w+), vec3 (\w+)\)/gm, 'function $1($2, $3, $4)')
    .replace(/\bfloat (\w+) =/g, 'const $1 =');
  const factory = new Function(
    'clamp',
    'vec2',
    `${body}; return { scale: fractureHeightScale, gradient: fractureHeightScaleGradient };`,
  ) as (
    clamp: (v: number, lo: number, hi: number) => number,
    vec2: (a: number, b: number) => number[],
  ) => {
    scale: (z: number, x: number, h: object) => number;
    gradient: (z: number, x: number, h: object) => number[];
  };
  const fns = factory(
    (v, lo, hi) => Math.min(Math.max(v, lo), hi),
    (a, b) => [a, b],
  );
  const vec3 = (h: FractureHeights) => ({ x: h.anterior, y: h.middle, z: h.posterior });
  return { scale: (z, x, h) => fns.scale(z, x, vec3(h)), gradient: (z, x, h) => fns.gradient(z, x, vec3(h)) };
}

describe('fracture height field', () => {
  it.each(Object.entries(CASES))(
    'reproduces the three scales of a %s body on the mid-width line',
    (_name, h) => {
      expect(bodyHeightScale(1, 0, h)).toBeCloseTo(h.anterior, 12);
      expect(bodyHeightScale(0, 0, h)).toBeCloseTo(h.middle, 12);
      expect(bodyHeightScale(-1, 0, h)).toBeCloseTo(h.posterior, 12);
    },
  );

  it('is 1 everywhere for an intact body and clamps outside the body', () => {
    for (let z = -1.5; z <= 1.5; z += 0.25)
      for (let x = -1.5; x <= 1.5; x += 0.25) expect(bodyHeightScale(z, x, CASES.intact!)).toBeCloseTo(1, 12);
    expect(bodyHeightScale(3, 0, CASES.wedge!)).toBeCloseTo(CASES.wedge!.anterior, 12);
  });

  it('is continuous: small steps anywhere give small changes', () => {
    for (const h of Object.values(CASES)) {
      for (let z = -1; z <= 1; z += 0.01) {
        for (let x = -1; x <= 1; x += 0.1) {
          expect(Math.abs(bodyHeightScale(z + 0.001, x, h) - bodyHeightScale(z, x, h))).toBeLessThan(0.002);
          expect(Math.abs(bodyHeightScale(z, x + 0.001, h) - bodyHeightScale(z, x, h))).toBeLessThan(0.002);
        }
      }
    }
  });

  it('has a biconcave dip that is deepest in the middle and shallower at the lateral walls', () => {
    const h = CASES.biconcave!;
    expect(bodyHeightScale(0, 0, h)).toBeLessThan(bodyHeightScale(0, 1, h));
    expect(bodyHeightScale(0, 1, h)).toBeLessThan((h.anterior + h.posterior) / 2);
  });

  it('has an analytic gradient that matches finite differences', () => {
    const h = CASES.wedge!;
    const e = 1e-6;
    for (const [z, x] of [
      [0.3, -0.4],
      [-0.7, 0.2],
      [0, 0.9],
    ] as const) {
      const [gz, gx] = bodyHeightScaleGradient(z, x, h);
      expect(gz).toBeCloseTo((bodyHeightScale(z + e, x, h) - bodyHeightScale(z - e, x, h)) / (2 * e), 6);
      expect(gx).toBeCloseTo((bodyHeightScale(z, x + e, h) - bodyHeightScale(z, x - e, h)) / (2 * e), 6);
    }
  });

  it('has GLSL that computes the same numbers as the CPU function', () => {
    const glsl = glslAsJs();
    for (const h of Object.values(CASES)) {
      for (let z = -1.2; z <= 1.2; z += 0.1) {
        for (let x = -1.2; x <= 1.2; x += 0.3) {
          expect(glsl.scale(z, x, h)).toBeCloseTo(bodyHeightScale(z, x, h), 12);
          const [gz, gx] = bodyHeightScaleGradient(z, x, h);
          expect(glsl.gradient(z, x, h)[0]).toBeCloseTo(gz, 12);
          expect(glsl.gradient(z, x, h)[1]).toBeCloseTo(gx, 12);
        }
      }
    }
  });

  it('declares the uniforms and moves transformed.y about the anchor as deformedY does', () => {
    expect(FRACTURE_GLSL).toContain('uniform vec3 uFractureHeights;');
    expect(FRACTURE_GLSL).toContain('uniform vec2 uBodyHalfExtent;');
    expect(FRACTURE_GLSL).toContain('uniform float uFractureAnchor;');
    expect(FRACTURE_VERTEX_GLSL).toContain('#include <begin_vertex>');
    // The vertex line run as JavaScript, against the CPU function.
    const line = FRACTURE_VERTEX_GLSL.split('\n').find((l) => l.startsWith('transformed.y ='))!;
    const run = new Function(
      'transformed',
      'uFractureAnchor',
      'uBodyHalfExtent',
      'uFractureHeights',
      'fractureHeightScale',
      `${line}; return transformed.y;`,
    ) as (...args: unknown[]) => number;
    const glsl = glslAsJs();
    const half = { x: 20, y: 15 };
    for (const anchor of [0, -13, 6])
      for (const [x, y, z] of [
        [0, 13, 14],
        [-9, -13, 2],
        [12, 4, -10],
      ] as const) {
        const h = CASES.wedge!;
        const scale = glsl.scale(z / half.y, x / half.x, h);
        const moved = run({ x, y, z }, anchor, half, h, (zn: number, xn: number) => glsl.scale(zn, xn, h));
        expect(moved).toBeCloseTo(deformedY(y, scale, anchor), 12);
      }
  });

  it('leaves the inferior endplate in place when the superior one takes all the loss', () => {
    const half = 13;
    const anchor = fractureAnchorMm(half, 1);
    expect(anchor).toBe(-half);
    expect(deformedY(-half, 0.68, anchor)).toBeCloseTo(-half, 12);
    expect(half - deformedY(half, 0.68, anchor)).toBeCloseTo(2 * half * 0.32, 12);
    // Half each: the centre stays and both endplates move alike.
    const even = fractureAnchorMm(half, 0.5);
    expect(even).toBeCloseTo(0, 12);
    expect(deformedY(half, 0.7, even)).toBeCloseTo(-deformedY(-half, 0.7, even), 12);
  });

  it('injects into a three.js vertex shader and refuses one without the hooks', () => {
    const shader =
      '#include <common>\nvoid main() {\n#include <beginnormal_vertex>\n#include <begin_vertex>\n}';
    const out = injectFracture(shader);
    expect(out.indexOf('uniform vec3 uFractureHeights')).toBeLessThan(out.indexOf('void main'));
    expect(out).toContain('transformed.y = uFractureAnchor +');
    expect(out).toContain('objectNormal = normalize');
    expect(() => injectFracture('void main() {}')).toThrow(/#include <common>/);
  });

  it('converts between scales and millimetres', () => {
    const mm = deformedBodyHeights('L1', CASES.wedge!);
    const back = heightScalesFor('L1', mm);
    expect(back.anterior).toBeCloseTo(CASES.wedge!.anterior, 12);
    expect(back.middle).toBeCloseTo(CASES.wedge!.middle, 12);
    expect(back.posterior).toBeCloseTo(CASES.wedge!.posterior, 12);
  });
});
