import type { SdfPart } from './partField';
import {
  blade,
  boxAround,
  boxDistance,
  boxUnion,
  ellipsoid,
  orientedBoxBounds,
  orientedRoundBox,
  ovalPlate,
  smoothUnionAll,
  taperedCapsule,
  taperedEllipticRod,
  type Box,
  type Sdf,
} from './sdf';
import { add, frameFrom, length, lerp, normalize, scale, sub, type V3 } from './vec3';
import type { VertebraParams } from './vertebraParams';

const DEG = Math.PI / 180;

interface Shape {
  sdf: Sdf;
  box: Box;
}

/**
 * An articular process: a flat plate running from `from` to `to`, its thickness along (roughly) `normal`, with an
 * oval outline (a superellipse: straight-sided, round-ended, as the facets are) and fully rounded edges.
 */
function plate(
  from: V3,
  to: V3,
  normal: V3,
  halfThickness: number,
  halfWidth: number,
  overrun: number,
): Shape {
  const axes = frameFrom(sub(to, from), normal);
  const half: V3 = [length(sub(to, from)) / 2 + overrun, halfThickness, halfWidth];
  const center = lerp(from, to, 0.5);
  return { sdf: ovalPlate(center, axes, half), box: orientedBoxBounds(center, axes, half, 0.1) };
}

function blob(center: V3, radii: V3, along: V3): Shape {
  const axes = frameFrom(along, [0, 1, 0]);
  return { sdf: ellipsoid(center, radii, axes), box: boxAround([center], Math.max(...radii) + 0.1) };
}

/** Smooth union; a member far from the sample reports the distance to its box instead (cheaper, a lower bound). */
function merge(shapes: Shape[], k: number): Shape {
  const culled = shapes.map(({ sdf, box }): Sdf => (x, y, z) => {
    const d = boxDistance(box, x, y, z);
    return d > k ? d : sdf(x, y, z);
  });
  return { sdf: smoothUnionAll(culled, k), box: boxUnion(shapes.map((s) => s.box)) };
}

interface Frame {
  params: VertebraParams;
  /** Posterior end of each pedicle (left, right): where lamina, articular pillar and transverse process meet. */
  ends: [V3, V3];
  canalBackZ: number;
  laminaTop: number;
  laminaBottom: number;
  grow: number;
}

function frameOf(params: VertebraParams): Frame {
  const { marks, dims, thoracic } = params;
  const endOf = (p: typeof marks.pedicleLeft): V3 => add(p.center, scale(p.axis, -p.lengthMm / 2));
  const ped = marks.pedicleLeft;
  return {
    params,
    ends: [endOf(marks.pedicleLeft), endOf(marks.pedicleRight)],
    canalBackZ: marks.posteriorWallZ - dims.canalDepthMm,
    laminaTop: ped.center[1] + 0.45 * ped.heightMm,
    laminaBottom: -0.5 * dims.bodyHeightPosteriorMm - (thoracic ? 2 : 0),
    grow: Math.max(params.size, 0.85),
  };
}

/** Laminae: plates from each pedicle's posterior end to the midline, leaning forward at the top. */
function lamina(f: Frame): Shape {
  const t = f.params.laminaThicknessMm;
  const y = (f.laminaTop + f.laminaBottom) / 2;
  const halfHeight = (f.laminaTop - f.laminaBottom) / 2;
  const lean = 15 * DEG;
  const mid: V3 = [0, y, f.canalBackZ - t / 2];
  // The lateral ends sit forward of the midline, so the canal narrows to a rounded triangle behind.
  const sides = f.ends.map((end) => {
    const from: V3 = [end[0], y, f.canalBackZ - t / 2 + 0.2 * f.params.dims.canalDepthMm];
    const axes = frameFrom(sub(mid, from), [0, Math.cos(lean), Math.sin(lean)]);
    const half: V3 = [length(sub(mid, from)) / 2 + 1.5, halfHeight, t / 2];
    const center = lerp(from, mid, 0.5);
    return {
      sdf: orientedRoundBox(center, axes, half, t / 2 - 0.1),
      box: orientedBoxBounds(center, axes, half, 0.1),
    };
  });
  return merge(sides, 3);
}

/**
 * Spinous process. Thoracic: long, slender, angled caudally by the measured angle, ending in a small tubercle.
 * Lumbar: a broad, flat, nearly horizontal plate, hatchet-shaped from the side: lower at its root on the laminae,
 * taller (≈ 0.9 × the posterior body height) at its thickened posterior border, whose lower corner reaches down
 * further than the upper one rises.
 */
function spinous(f: Frame): Shape {
  const p = f.params;
  const g = f.grow;
  const len = p.spinousLengthMm;
  const angle = p.spinousAngleDeg * DEG;
  const dir: V3 = [0, -Math.sin(angle), -Math.cos(angle)];
  const root: V3 = [
    0,
    (f.laminaTop + f.laminaBottom) / 2 + 0.1 * (f.laminaTop - f.laminaBottom),
    f.canalBackZ - 0.8 * p.laminaThicknessMm,
  ];
  const at = (t: number): V3 => add(root, scale(dir, t * len));
  if (p.thoracic) {
    return merge(
      [
        blob(at(0.3), [0.36 * len, 5.5 * g, 3.2 * g], dir),
        blob(at(0.68), [0.3 * len, 3.8 * g, 2.6 * g], dir),
        blob(at(0.95), [3.4 * g, 4 * g, 2.9 * g], dir),
      ],
      3,
    );
  }
  const h = p.dims.bodyHeightPosteriorMm;
  const r = 2;
  const up: V3 = [0, Math.cos(angle), -Math.sin(angle)];
  // Side-view outline (along the process, up), inset by the rounding radius r: the root on the laminae, straight
  // upper and lower borders, and a rounded posterior border centred below the root so the lower corner reaches
  // further down than the upper one rises. The two lowest levels, crowded by the lordosis, are a little smaller.
  const s = p.level === 'L5' ? 0.78 : p.level === 'L4' ? 0.88 : 1;
  const outline: number[] = [-3, -0.3 * h + r, -3, 0.3 * h - r];
  const [cu, cv, ru, rv] = [len - 8 * s, -0.1 * h, 8 * s - r, 0.46 * h * s - r];
  for (let i = 0; i <= 16; i++) {
    // A superellipse quadrant pair: a broad, squarish posterior border with rounded corners.
    const a = Math.PI / 2 - (Math.PI * i) / 16;
    const c = Math.cos(a);
    const sn = Math.sin(a);
    outline.push(cu + ru * Math.abs(c) ** 0.7, cv + rv * Math.sign(sn) * Math.abs(sn) ** 0.7);
  }
  const half: [number, number] = [3 * g, 4 * g];
  const sdf = blade(root, dir, up, outline, r, len, half, 2.4);
  // The outline runs from 3 + r mm inside the root to the posterior border at len, and 0.56 h down to 0.36 h up.
  const centre = add(add(root, scale(dir, (len - 3 - r) / 2)), scale(up, -0.1 * h));
  const box = orientedBoxBounds(centre, [dir, up, [1, 0, 0]], [(len + 3 + r) / 2, 0.46 * h, half[1]], 0.3);
  return { sdf, box };
}

/** A thoracic transverse process's axis: from its base on the pedicle's posterior end, swept back 30°. */
function thoracicTransverseAxis(f: Frame, sideIndex: 0 | 1): { base: V3; tip: V3; dir: V3 } {
  const p = f.params;
  const s = sideIndex === 0 ? 1 : -1;
  const end = f.ends[sideIndex];
  const ped = sideIndex === 0 ? p.marks.pedicleLeft : p.marks.pedicleRight;
  const base: V3 = [end[0] + s * 0.5, ped.center[1] + 0.2 * ped.heightMm, end[2] - 1];
  const sweep = 30 * DEG;
  const dir = normalize([s * Math.cos(sweep), 0.09, -Math.sin(sweep)]);
  return { base, tip: add(base, scale(dir, p.transverseLengthMm ?? 0)), dir };
}

/**
 * Where a thoracic transverse process ends (side 0 = left) and the radius of its club, in the vertebra's frame:
 * the costotransverse joint with the rib's tubercle lies on the club's anterior face.
 */
export function thoracicTransverseTip(params: VertebraParams, sideIndex: 0 | 1): { tip: V3; radius: number } {
  const f = frameOf(params);
  return { tip: thoracicTransverseAxis(f, sideIndex).tip, radius: 3.8 * f.grow };
}

/**
 * Transverse processes: thoracic from the measured length, swept back, with a rounded club where the rib meets it;
 * lumbar out to the projection fallback, thin front to back and tapering.
 */
function transverse(f: Frame, sideIndex: 0 | 1): Shape {
  const p = f.params;
  const g = f.grow;
  const s = sideIndex === 0 ? 1 : -1;
  const end = f.ends[sideIndex];
  const ped = sideIndex === 0 ? p.marks.pedicleLeft : p.marks.pedicleRight;
  if (p.thoracic) {
    const { base, tip, dir } = thoracicTransverseAxis(f, sideIndex);
    const arm: Shape = {
      sdf: taperedCapsule(base, tip, 4.6 * g, 3.9 * g),
      box: boxAround([base, tip], 4.7 * g),
    };
    return merge([arm, blob(tip, [3.9 * g, 4.5 * g, 3.7 * g], dir)], 2);
  }
  const base = add(end, scale(ped.axis, 0.25 * ped.lengthMm));
  const from: V3 = [base[0], ped.center[1] - 1, base[2]];
  const tip: V3 = [
    s * (p.body.halfWidth + (p.transverseProjectionMm ?? 0)),
    ped.center[1] - 2.5,
    base[2] - 4,
  ];
  // Flattened front to back and tapering to a rounded tip; the ellipsoidal ends reach ≈ 2 mm past both points.
  const rod = taperedEllipticRod(from, tip, [0, 1, 0], [4.8 * g, 2.5 * g], [3.2 * g, 1.8 * g]);
  return { sdf: rod, box: boxAround([from, tip], 4.8 * g + 0.3) };
}

interface Span {
  from: V3;
  to: V3;
  normal: V3;
}

function facetAngle(p: VertebraParams): number {
  const lumbarIndex = p.thoracic ? 0 : Number(p.level.slice(1)) - 1;
  return (55 - 3.5 * lumbarIndex) * DEG;
}

/** Inferior articular process of one side (0 = left): it runs down from the lamina to meet the level below. */
function inferiorSpan(f: Frame, sideIndex: 0 | 1): Span {
  const p = f.params;
  const g = f.grow;
  const s = sideIndex === 0 ? 1 : -1;
  const end = f.ends[sideIndex];
  const ped = sideIndex === 0 ? p.marks.pedicleLeft : p.marks.pedicleRight;
  const phi = facetAngle(p);
  const x = end[0] - s * (p.thoracic ? 0.2 * ped.widthMm : 0.35 * ped.widthMm + 1);
  const z = f.canalBackZ - p.laminaThicknessMm / 2 - (p.thoracic ? 1.5 : 0);
  return {
    from: [x, f.laminaBottom + 6 * g, z],
    to: [x, -p.dims.bodyHeightPosteriorMm / 2 - (p.thoracic ? 6 : 9) * g, z + (p.thoracic ? 2.5 : 1)],
    normal: p.thoracic ? [-s * 0.3, -0.25, 1] : [s * Math.sin(phi), 0, Math.cos(phi)],
  };
}

/** Where the inferior articular process of a level sits (its own frame), for placing the joint's other half. */
export function inferiorArticularSpan(params: VertebraParams, sideIndex: 0 | 1): Span {
  return inferiorSpan(frameOf(params), sideIndex);
}

/** Superior and inferior articular processes of both sides, with facets oriented coronally (T) or sagittally (L). */
function articular(f: Frame): Shape {
  const p = f.params;
  const g = f.grow;
  const hp = p.dims.bodyHeightPosteriorMm;
  const phi = facetAngle(p);
  const shapes: Shape[] = [];
  f.ends.forEach((end, i) => {
    const s = i === 0 ? 1 : -1;
    const ped = i === 0 ? p.marks.pedicleLeft : p.marks.pedicleRight;
    const sapBase: V3 = [end[0] + s * 0.15 * ped.widthMm, ped.center[1] + 0.3 * ped.heightMm, end[2] + 1.5];
    const sapTop: V3 = [
      sapBase[0] + s * (p.thoracic ? 0 : 1.5),
      hp / 2 + (p.thoracic ? 5.5 : 8) * g,
      sapBase[2] - (p.thoracic ? 2.5 : 1),
    ];
    const sapNormal: V3 = p.thoracic ? [s * 0.3, 0.25, -1] : [-s * Math.sin(phi), 0, -Math.cos(phi)];
    shapes.push(
      plate(sapBase, sapTop, sapNormal, (p.thoracic ? 2.2 : 3.4) * g, (p.thoracic ? 4.8 : 7) * g, 1.5),
    );
    const iap = inferiorSpan(f, i as 0 | 1);
    shapes.push(
      plate(iap.from, iap.to, iap.normal, (p.thoracic ? 2.1 : 3.2) * g, (p.thoracic ? 4.4 : 6) * g, 1.5),
    );
  });
  return merge(shapes, 3);
}

export function posteriorElementParts(params: VertebraParams): SdfPart[] {
  const f = frameOf(params);
  const named = (name: string, s: Shape): SdfPart => ({ name, sdf: s.sdf, box: s.box });
  return [
    named('lamina', lamina(f)),
    named('spinous', spinous(f)),
    named('transverse_left', transverse(f, 0)),
    named('transverse_right', transverse(f, 1)),
    named('articular', articular(f)),
  ];
}
