import { BufferAttribute, BufferGeometry, Euler, Matrix3, Matrix4, Quaternion, Vector3 } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { describe, expect, it } from 'vitest';
import { mergeTransformedParts } from '../../../src/anatomy/mergeParts';

/** A seeded part: `count` float points and unit-ish normals, an index, no colour. */
function part(count: number, seed: number, normalized = false): BufferGeometry {
  let s = seed;
  const next = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const geometry = new BufferGeometry();
  const positions = Float32Array.from({ length: count * 3 }, () => next() * 40);
  const normals = Float32Array.from({ length: count * 3 }, () => next());
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute(
    'normal',
    normalized
      ? new BufferAttribute(
          Int8Array.from(normals, (n) => Math.round(n * 127)),
          3,
          true,
        )
      : new BufferAttribute(normals, 3),
  );
  geometry.setIndex(Array.from({ length: count }, (_, i) => (i * 7) % count));
  return geometry;
}

const matrices = [
  new Matrix4().compose(
    new Vector3(12, -40, 3),
    new Quaternion().setFromEuler(new Euler(0.3, -1.1, 0.7)),
    new Vector3(1.2, 0.8, 1.5),
  ),
  new Matrix4().makeTranslation(-5, 250, 9),
];

/** The merged numbers as Vector3's own applyMatrix4 / applyNormalMatrix give them, point by point. */
function reference(parts: { geometry: BufferGeometry; matrix: Matrix4 }[], name: 'position' | 'normal') {
  const out: number[] = [];
  const v = new Vector3();
  for (const { geometry, matrix } of parts) {
    const source = geometry.getAttribute(name) as BufferAttribute;
    const turn = new Matrix3().getNormalMatrix(matrix);
    for (let i = 0; i < source.count; i++) {
      v.fromBufferAttribute(source, i);
      if (name === 'position') v.applyMatrix4(matrix);
      else v.applyNormalMatrix(turn);
      out.push(...v.toArray());
    }
  }
  return Array.from(Float32Array.from(out));
}

describe('mergeTransformedParts', () => {
  it('gives exactly the numbers of applyMatrix4 and mergeGeometries', () => {
    const parts = [part(50, 7), part(80, 11)].map((geometry, i) => ({ geometry, matrix: matrices[i]! }));
    const copies = parts.map(({ geometry, matrix }) => geometry.clone().applyMatrix4(matrix));
    const merged = mergeTransformedParts(parts);
    const expected = mergeGeometries(copies, false)!;
    for (const name of ['position', 'normal'])
      expect(Array.from(merged.getAttribute(name).array)).toEqual(
        Array.from(expected.getAttribute(name).array),
      );
    expect(Array.from(merged.index!.array)).toEqual(Array.from(expected.index!.array));
    // A part without colour is white.
    expect(new Set(merged.getAttribute('color').array)).toEqual(new Set([255]));
  });

  it('reads quantized attributes through three.js (as float32, then the same arithmetic)', () => {
    const parts = [part(50, 7, true), part(30, 5)].map((geometry, i) => ({ geometry, matrix: matrices[i]! }));
    const merged = mergeTransformedParts(parts);
    expect(Array.from(merged.getAttribute('position').array)).toEqual(reference(parts, 'position'));
    const normals = merged.getAttribute('normal').array;
    reference(parts, 'normal').forEach((n, i) => expect(normals[i]).toBeCloseTo(n, 6));
  });
});
