import { levelDimensions } from './morphometry';
import { inferiorArticularSpan } from './posteriorElements';
import {
  boxUnion,
  orientedBoxBounds,
  orientedRoundBox,
  ovalPlate,
  smoothUnionAll,
  type Box,
  type Sdf,
} from './sdf';
import { levelPose, type Pose } from './spineLayout';
import { frameFrom, length, lerp, sub, type V3 } from './vec3';
import { vertebraParams } from './vertebraParams';

/** A point of `from`'s frame expressed in `to`'s frame (rotations about X only). */
function transferPoint(p: V3, from: Pose, to: Pose): V3 {
  const rot = (v: V3, a: number): V3 => [
    v[0],
    v[1] * Math.cos(a) - v[2] * Math.sin(a),
    v[1] * Math.sin(a) + v[2] * Math.cos(a),
  ];
  const spine = rot(p, from.rotationXRad);
  const rel: V3 = [
    spine[0] + from.position[0] - to.position[0],
    spine[1] + from.position[1] - to.position[1],
    spine[2] + from.position[2] - to.position[2],
  ];
  return rot(rel, -to.rotationXRad);
}

/**
 * S1's posterior arch (pedicles and laminae around the sacral canal) and its superior articular processes. The
 * processes are placed just lateral to where L5's inferior articular processes end up in the assembled spine, so
 * the lumbosacral facet joints line up whatever the layout.
 */
export function posteriorArch(
  bodyTop: number,
  bodyHalfWidth: number,
  bodyBack: number,
): { articular: Shape; arch: Shape } {
  const l5 = vertebraParams(levelDimensions('L5'));
  const arches: Shape[] = [];
  const plates = ([0, 1] as const).map((side) => {
    const s = side === 0 ? 1 : -1;
    const iap = inferiorArticularSpan(l5, side);
    const mid = transferPoint(lerp(iap.from, iap.to, 0.6), levelPose('L5'), levelPose('S1'));
    // 2.5 mm further out along the facet's normal than the bare contact: a joint space rather than an overlap.
    const x = mid[0] + s * 8.5;
    const from: V3 = [x, bodyTop - 8, mid[2] + 0.5];
    const to: V3 = [x + s * 1.5, Math.max(mid[1] + 6, bodyTop + 4), mid[2] - 0.5];
    const axes = frameFrom(sub(to, from), [-s * 0.8, 0, -0.6]);
    const half: V3 = [length(sub(to, from)) / 2 + 1.5, 3.4, 7];
    const c = lerp(from, to, 0.5);
    // Pedicle and lamina of S1: from the body's posterolateral corner to the process, then to the midline crest.
    arches.push(slab([s * 0.55 * bodyHalfWidth, bodyTop - 9, bodyBack + 2], from, [0, 1, 0], 5, 5.5));
    arches.push(slab(from, [0, bodyTop - 10, from[2] - 6], [0, 1, 0], 7, 3.5));
    return { sdf: ovalPlate(c, axes, half), box: orientedBoxBounds(c, axes, half, 0.1) };
  });
  return { articular: union(plates, 1), arch: union(arches, 3) };
}

interface Shape {
  sdf: Sdf;
  box: Box;
}

function slab(from: V3, to: V3, hint: V3, halfHeight: number, halfThickness: number): Shape {
  const axes = frameFrom(sub(to, from), hint);
  const half: V3 = [length(sub(to, from)) / 2 + 1, halfHeight, halfThickness];
  const c = lerp(from, to, 0.5);
  return {
    sdf: orientedRoundBox(c, axes, half, Math.min(halfHeight, halfThickness) - 0.2),
    box: orientedBoxBounds(c, axes, half, 0.1),
  };
}

function union(shapes: Shape[], k: number): Shape {
  return {
    sdf: smoothUnionAll(
      shapes.map((p) => p.sdf),
      k,
    ),
    box: boxUnion(shapes.map((p) => p.box)),
  };
}
