import { BoxGeometry, Vector4 } from 'three';
import { describe, expect, it } from 'vitest';
import { bodyHeightScale, deformedY } from '../../../src/anatomy/fractureField';
import {
  collapsedEndplateOutline,
  normalEndplateOutline,
  type BodyShape,
} from '../../../src/scene/collapsedOutline';
import { sectionOutline } from '../../../src/scene/sectionOutline';

// A body-sized box (40 wide, 26 high, 32 deep), finely divided as a modelled body is, cut by the midsagittal plane.
const body = new BoxGeometry(40, 26, 32, 20, 26, 32);
const midline = new Vector4(1, 0, 0, 0);
const WIDTH = 0.7;

/** Ribbon corners as [x, y, z] triples. */
function corners(geometry: ReturnType<typeof sectionOutline>): number[][] {
  const position = geometry.getAttribute('position');
  return Array.from({ length: position.count }, (_, i) => [
    position.getX(i),
    position.getY(i),
    position.getZ(i),
  ]);
}

/** Total ribbon length: each segment is two triangles `WIDTH` wide. */
function ribbonLength(geometry: ReturnType<typeof sectionOutline>): number {
  const p = corners(geometry);
  let area = 0;
  for (let i = 0; i < p.length; i += 3) {
    const [a, b, c] = [p[i]!, p[i + 1]!, p[i + 2]!];
    const u = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
    const v = [c[0]! - a[0]!, c[1]! - a[1]!, c[2]! - a[2]!];
    area +=
      Math.hypot(
        u[1]! * v[2]! - u[2]! * v[1]!,
        u[2]! * v[0]! - u[0]! * v[2]!,
        u[0]! * v[1]! - u[1]! * v[0]!,
      ) / 2;
  }
  return area / WIDTH;
}

describe('collapsedEndplateOutline: the collapsed endplate, dashed, where the cut crosses it', () => {
  it('draws a wedge’s sunken superior endplate at its collapsed height, not the walls or the lower endplate', () => {
    const wedge: BodyShape = {
      scales: { anterior: 0.68, middle: 0.84, posterior: 1 },
      anchorMm: -13,
      halfExtent: [20, 16],
    };
    const line = collapsedEndplateOutline(body, midline, wedge, WIDTH, 0.3, 1.1);
    const points = corners(line);
    expect(points.length).toBeGreaterThan(60);
    for (const [, y, z] of points) {
      // On the collapsed top surface (give or take the ribbon's half width), never at the normal top (13).
      const collapsedTop = deformedY(13, bodyHeightScale(z! / 16, 0, wedge.scales), -13);
      expect(Math.abs(y! - collapsedTop)).toBeLessThan(WIDTH);
      // Only where it sank by over half a millimetre (plus the ribbon's half width across a level line).
      expect(y!).toBeLessThan(13 - 0.5 + WIDTH / 2 + 1e-3);
    }
    // Front (z > 0) where it sank most; not at the back wall, which did not move.
    expect(Math.max(...points.map((p) => p[2]!))).toBeGreaterThan(14);
    expect(Math.min(...points.map((p) => p[2]!))).toBeGreaterThan(-16 + 1);
  });

  it('draws both endplates of a biconcave body (each gives way half), dashed: about half its length drawn', () => {
    const biconcave: BodyShape = {
      scales: { anterior: 0.9, middle: 0.7, posterior: 0.95 },
      anchorMm: 0,
      halfExtent: [20, 16],
    };
    const line = collapsedEndplateOutline(body, midline, biconcave, WIDTH, 0.3, 1.1);
    const ys = corners(line).map((p) => p[1]!);
    expect(ys.some((y) => y > 5)).toBe(true);
    expect(ys.some((y) => y < -5)).toBe(true);
    expect(ys.every((y) => Math.abs(y) > 5)).toBe(true);
    // The same line undashed is about twice as long (less the half width each solid segment runs on at both ends).
    const solid = collapsedEndplateOutline(body, midline, biconcave, WIDTH, 0.3, 0);
    const segments = solid.getAttribute('position').count / 6;
    const ratio = ribbonLength(line) / (ribbonLength(solid) - segments * WIDTH);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(0.6);
  });

  it('draws nothing for an intact body (nothing moved)', () => {
    const intact: BodyShape = {
      scales: { anterior: 1, middle: 1, posterior: 1 },
      anchorMm: 0,
      halfExtent: [20, 16],
    };
    expect(
      collapsedEndplateOutline(body, midline, intact, WIDTH, 0.3, 1.1).getAttribute('position').count,
    ).toBe(0);
  });
});

describe('normalEndplateOutline: the same endplate where it belongs', () => {
  it('draws a wedge’s superior endplate at its normal height, only where the fracture moved it', () => {
    const wedge: BodyShape = {
      scales: { anterior: 0.68, middle: 0.84, posterior: 1 },
      anchorMm: -13,
      halfExtent: [20, 16],
    };
    const points = corners(normalEndplateOutline(body, midline, wedge, WIDTH, 0));
    expect(points.length).toBeGreaterThan(60);
    for (const [, y, z] of points) {
      // The box's top (13), give or take the ribbon's half width; never a wall or the lower endplate.
      expect(Math.abs(y! - 13)).toBeLessThan(WIDTH);
      // Where the collapsed line lies over half a millimetre lower.
      expect(13 - deformedY(13, bodyHeightScale(z! / 16, 0, wedge.scales), -13)).toBeGreaterThan(0.5 - WIDTH);
    }
    expect(Math.max(...points.map((p) => p[2]!))).toBeGreaterThan(14);
  });
});
