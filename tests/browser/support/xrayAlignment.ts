import { levelDimensions } from '../../../src/anatomy/morphometry';
import { vertebraLandmarks } from '../../../src/anatomy/vertebraLandmarks';
import { C_ARM, coneFovDeg } from '../../../src/fluoro/cArmGeometry';

/** A decoded capture: grey levels 0–1, row-major. */
export interface Grey {
  width: number;
  height: number;
  values: number[];
}

/** Pixels inside the intensifier's field (a centred disc of `radius` × the width), every `stride` pixels. */
function inField(g: Grey, radius: number, stride: number, margin = 0): [number, number][] {
  const out: [number, number][] = [];
  const r = radius * g.width - margin;
  for (let y = 0; y < g.height; y += stride)
    for (let x = 0; x < g.width; x += stride)
      if ((x - g.width / 2) ** 2 + (y - g.height / 2) ** 2 <= r * r) out.push([x, y]);
  return out;
}

/** Pearson correlation of a and b (b moved by dx, dy) over the given pixels of a. */
function correlationAt(a: Grey, b: Grey, pixels: [number, number][], dx = 0, dy = 0): number {
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (const [x, y] of pixels) {
    const va = a.values[y * a.width + x]!;
    const vb = b.values[(y + dy) * b.width + (x + dx)]!;
    sa += va;
    sb += vb;
    saa += va * va;
    sbb += vb * vb;
    sab += va * vb;
  }
  const n = pixels.length;
  const cov = sab / n - (sa / n) * (sb / n);
  return cov / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
}

/** Pearson correlation of two captures inside the field (radius 0.42 of the width, as imageCorrelation). */
export function correlation(a: Grey, b: Grey): number {
  return correlationAt(a, b, inField(a, 0.42, 2));
}

/** The capture flipped left to right. */
export function mirrored(g: Grey): Grey {
  const values = g.values.slice();
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++) values[y * g.width + x] = g.values[y * g.width + (g.width - 1 - x)]!;
  return { ...g, values };
}

/** The whole-pixel shift of b (|dx|, |dy| ≤ max) that best matches a over `pixels`, and that correlation. */
function bestShiftOver(a: Grey, b: Grey, pixels: [number, number][], max: number) {
  let best = { dx: 0, dy: 0, r: -Infinity };
  for (let dy = -max; dy <= max; dy++)
    for (let dx = -max; dx <= max; dx++) {
      const r = correlationAt(a, b, pixels, dx, dy);
      if (r > best.r) best = { dx, dy, r };
    }
  return best;
}

/** The whole-pixel shift of b (|dx|, |dy| ≤ max) that best matches a inside the field, and that correlation. */
export function bestShift(a: Grey, b: Grey, max: number): { dx: number; dy: number; r: number } {
  return bestShiftOver(a, b, inField(a, 0.42, 2, max), max);
}

/** The whole-pixel shift of b that best matches a in a square patch (half-side `half` px) around (cx, cy). */
export function patchShift(a: Grey, b: Grey, cx: number, cy: number, half: number, max: number) {
  const pixels: [number, number][] = [];
  for (let y = Math.round(cy - half); y <= cy + half; y++)
    for (let x = Math.round(cx - half); x <= cx + half; x++) pixels.push([x, y]);
  return bestShiftOver(a, b, pixels, max);
}

/**
 * Where a point of L1 (world mm: x patient's left, y posterior, z head; L1's centre at the origin) lands on the AP
 * capture (pixels): the source is 620 mm in front of the isocentre, so a point behind it is drawn smaller, by
 * 620 / (620 + y); image left is the patient's left, up is the head.
 */
export function apPixel(g: Grey, x: number, y: number, z: number): [number, number] {
  const half = C_ARM.sourceToIsocentreMm * Math.tan(((coneFovDeg() / 2) * Math.PI) / 180);
  const m = C_ARM.sourceToIsocentreMm / (C_ARM.sourceToIsocentreMm + y);
  return [g.width * (0.5 - (x * m) / (2 * half)), g.height * (0.5 - (z * m) / (2 * half))];
}

/**
 * The AP landmarks of L1 a surgeon reads: its body's lateral edges (below the pedicles) and its two pedicles (the
 * owl's eyes), as image points where the generated anatomy puts them.
 */
export function apLandmarks(g: Grey): Record<string, [number, number]> {
  const marks = vertebraLandmarks('L1');
  const halfWidth = levelDimensions('L1').endplateWidthMm / 2;
  const pedicle = (p: typeof marks.pedicleLeft) => apPixel(g, p.center[0], -p.center[2], p.center[1]);
  // The body's edge a third of the way down from the centre, clear of the pedicles' shadow.
  const edgeZ = -levelDimensions('L1').bodyHeightPosteriorMm / 6;
  return {
    bodyLeftEdge: apPixel(g, halfWidth, 0, edgeZ),
    bodyRightEdge: apPixel(g, -halfWidth, 0, edgeZ),
    pedicleLeft: pedicle(marks.pedicleLeft),
    pedicleRight: pedicle(marks.pedicleRight),
  };
}

/**
 * Correlation of the two captures' left–right asymmetric parts (each image less its mirror image). A spine is
 * nearly symmetric, so a mirrored picture still correlates well as a whole; its asymmetric part (bowel gas, the
 * lower left hemidiaphragm) turns sign when mirrored, which this reads as −1.
 */
export function asymmetryCorrelation(a: Grey, b: Grey): number {
  const odd = (g: Grey): Grey => {
    const m = mirrored(g);
    return { ...g, values: g.values.map((v, i) => v - m.values[i]!) };
  };
  return correlation(odd(a), odd(b));
}

/**
 * The magnification of b about the image centre (steps of 0.5 %, within ±`range`) that best matches a inside the
 * field: 1 when both draw the anatomy at the same scale. b is sampled bilinearly at centre + (p − centre)·s.
 */
export function bestScale(a: Grey, b: Grey, range = 0.06): { scale: number; r: number } {
  const pixels = inField(a, 0.4, 2);
  const cx = a.width / 2;
  const cy = a.height / 2;
  let best = { scale: 1, r: -Infinity };
  for (let s = 1 - range; s <= 1 + range + 1e-9; s += 0.005) {
    const scaled: Grey = { ...b, values: b.values.slice() };
    for (const [x, y] of pixels) {
      const u = cx + (x + 0.5 - cx) * s - 0.5;
      const v = cy + (y + 0.5 - cy) * s - 0.5;
      const x0 = Math.floor(u);
      const y0 = Math.floor(v);
      const fx = u - x0;
      const fy = v - y0;
      const at = (xx: number, yy: number) => b.values[yy * b.width + xx]!;
      scaled.values[y * b.width + x] =
        (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) +
        (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
    }
    const r = correlationAt(a, scaled, pixels);
    if (r > best.r) best = { scale: Math.round(s * 1000) / 1000, r };
  }
  return best;
}
