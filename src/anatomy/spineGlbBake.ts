/*
 * The arithmetic of loadSpineModel's bakeQuantization without three.js, for the decoding worker: quantised
 * attributes expanded to float and a part mesh moved into its bone's frame. Each formula is three.js's own
 * (MathUtils.denormalize, Matrix4.compose, Matrix3.getNormalMatrix, Vector3.applyMatrix4 / applyNormalMatrix /
 * normalize), in the same order and with the same float32 roundings in between, so the worker's numbers are bit
 * for bit those of the GLTFLoader path (tested). One pass per attribute, straight from the decoded buffer view:
 * this runs in a freshly started worker, where every extra pass over 77 000 vertices shows in the first frame.
 */

/** A typed array of one of glTF's component types. */
export type ComponentArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Uint32Array | Float32Array;

/** An accessor's items inside its buffer view: item i starts at `first + i * stride` (in components). */
export interface StridedItems {
  source: ComponentArray;
  first: number;
  stride: number;
  count: number;
  normalized: boolean;
}

/**
 * What a stored value is divided by to read it as a float (three.js's denormalize), 0 for none, and whether the
 * result is clamped at −1 (signed types).
 */
function denormalization({ source, normalized }: StridedItems): { divisor: number; signed: boolean } {
  if (!normalized || source instanceof Float32Array) return { divisor: 0, signed: false };
  if (source instanceof Uint32Array) return { divisor: 4294967295.0, signed: false };
  if (source instanceof Uint16Array) return { divisor: 65535.0, signed: false };
  if (source instanceof Uint8Array) return { divisor: 255.0, signed: false };
  if (source instanceof Int16Array) return { divisor: 32767.0, signed: true };
  return { divisor: 127.0, signed: true };
}

/**
 * A stored value as three.js's BufferAttribute.getX/Y/Z reads it (denormalised by `divisor`, clamped at −1 when
 * `signed`), rounded to float32 as stored. A plain function, not a closure per accessor: the loops below call it
 * from one site each, so a freshly started worker's JIT inlines it early.
 */
function component(value: number, divisor: number, signed: boolean): number {
  if (divisor === 0) return Math.fround(value);
  return Math.fround(signed ? Math.max(value / divisor, -1.0) : value / divisor);
}

/** A node's local matrix from its translation, rotation (x, y, z, w) and scale, column-major (Matrix4.compose). */
export function composeMatrix(
  t: readonly number[] = [0, 0, 0],
  q: readonly number[] = [0, 0, 0, 1],
  s: readonly number[] = [1, 1, 1],
): number[] {
  const [x, y, z, w] = q as [number, number, number, number];
  const x2 = x + x,
    y2 = y + y,
    z2 = z + z;
  const xx = x * x2,
    xy = x * y2,
    xz = x * z2;
  const yy = y * y2,
    yz = y * z2,
    zz = z * z2;
  const wx = w * x2,
    wy = w * y2,
    wz = w * z2;
  const [sx, sy, sz] = s as [number, number, number];
  return [
    (1 - (yy + zz)) * sx, (xy + wz) * sx, (xz - wy) * sx, 0,
    (xy - wz) * sy, (1 - (xx + zz)) * sy, (yz + wx) * sy, 0,
    (xz + wy) * sz, (yz - wx) * sz, (1 - (xx + yy)) * sz, 0,
    t[0]!, t[1]!, t[2]!, 1,
  ]; // prettier-ignore
}

/** The inverse transpose of the matrix's upper 3 × 3, column-major (Matrix3.getNormalMatrix). */
export function normalMatrix(m: ArrayLike<number>): number[] {
  const n11 = m[0]!,
    n21 = m[1]!,
    n31 = m[2]!;
  const n12 = m[4]!,
    n22 = m[5]!,
    n32 = m[6]!;
  const n13 = m[8]!, n23 = m[9]!, n33 = m[10]!; // prettier-ignore
  const t11 = n33 * n22 - n32 * n23,
    t12 = n32 * n13 - n33 * n12,
    t13 = n23 * n12 - n22 * n13;
  const det = n11 * t11 + n21 * t12 + n31 * t13;
  if (det === 0) return [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const d = 1 / det;
  const inv = [
    t11 * d, (n31 * n23 - n33 * n21) * d, (n32 * n21 - n31 * n22) * d,
    t12 * d, (n33 * n11 - n31 * n13) * d, (n31 * n12 - n32 * n11) * d,
    t13 * d, (n21 * n13 - n23 * n11) * d, (n22 * n11 - n21 * n12) * d,
  ]; // prettier-ignore
  return [inv[0]!, inv[3]!, inv[6]!, inv[1]!, inv[4]!, inv[7]!, inv[2]!, inv[5]!, inv[8]!];
}

/** Float positions moved by matrix `e` (toFloat, then BufferGeometry.applyMatrix4). */
export function bakedPoints(items: StridedItems, e: readonly number[]): Float32Array {
  const { source, first, stride, count } = items;
  const { divisor, signed } = denormalization(items);
  // The matrix in locals: in a cold worker the loop runs interpreted at first, where each e[k] is a lookup.
  const [e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12, e13, e14, e15] = e as number[];
  const out = new Float32Array(count * 3);
  for (let i = 0, s = first, o = 0; i < count; i++, s += stride, o += 3) {
    const x = component(source[s]!, divisor, signed);
    const y = component(source[s + 1]!, divisor, signed);
    const z = component(source[s + 2]!, divisor, signed);
    const w = 1 / (e3! * x + e7! * y + e11! * z + e15!);
    out[o] = (e0! * x + e4! * y + e8! * z + e12!) * w;
    out[o + 1] = (e1! * x + e5! * y + e9! * z + e13!) * w;
    out[o + 2] = (e2! * x + e6! * y + e10! * z + e14!) * w;
  }
  return out;
}

/**
 * Float normals turned by normal matrix `e` and normalised (applyNormalMatrix), then normalised once more from
 * the stored floats (BufferGeometry.normalizeNormals), as bakeQuantization does.
 */
export function bakedNormals(items: StridedItems, e: readonly number[]): Float32Array {
  const { source, first, stride, count } = items;
  const { divisor, signed } = denormalization(items);
  const [e0, e1, e2, e3, e4, e5, e6, e7, e8] = e as number[];
  const out = new Float32Array(count * 3);
  for (let i = 0, s = first, o = 0; i < count; i++, s += stride, o += 3) {
    const x = component(source[s]!, divisor, signed);
    const y = component(source[s + 1]!, divisor, signed);
    const z = component(source[s + 2]!, divisor, signed);
    const nx = e0! * x + e3! * y + e6! * z;
    const ny = e1! * x + e4! * y + e7! * z;
    const nz = e2! * x + e5! * y + e8! * z;
    const n = 1 / (Math.sqrt(nx * nx + ny * ny + nz * nz) || 1);
    const fx = Math.fround(nx * n),
      fy = Math.fround(ny * n),
      fz = Math.fround(nz * n);
    const t = 1 / (Math.sqrt(fx * fx + fy * fy + fz * fz) || 1);
    out[o] = fx * t;
    out[o + 1] = fy * t;
    out[o + 2] = fz * t;
  }
  return out;
}

/** Vertex colours as plain RGB normalised bytes (colorBytes in loadSpineModel). */
export function bakedColors(items: StridedItems): Uint8Array {
  const { source, first, stride, count } = items;
  const { divisor, signed } = denormalization(items);
  const out = new Uint8Array(count * 3);
  for (let i = 0, s = first, o = 0; i < count; i++, s += stride, o += 3) {
    out[o] = Math.round(component(source[s]!, divisor, signed) * 255);
    out[o + 1] = Math.round(component(source[s + 1]!, divisor, signed) * 255);
    out[o + 2] = Math.round(component(source[s + 2]!, divisor, signed) * 255);
  }
  return out;
}
