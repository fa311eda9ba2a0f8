import { BufferAttribute, BufferGeometry, Matrix4, Mesh, MeshStandardMaterial, Vector3 } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSpineMeshes, spineScene, type SpineMeshes } from '../../../src/anatomy/buildSpine';
import { writeGlb } from '../../../src/anatomy/glbWriter';
import { isContextBone, isRib, parseSpineModel, type SpineModel } from '../../../src/anatomy/loadSpineModel';
import { mergeStaticParts } from '../../../src/anatomy/mergeStaticParts';
import { POSITION_STEP_MM } from '../../../src/anatomy/quantizeMesh';
import { levelPose } from '../../../src/anatomy/spineLayout';

let meshes: SpineMeshes;
let model: SpineModel;
beforeAll(async () => {
  meshes = buildSpineMeshes({ bones: ['T12', 'L1', 'L2'] });
  const glb = writeGlb(spineScene(meshes));
  model = await parseSpineModel(
    glb.buffer.slice(glb.byteOffset, glb.byteOffset + glb.byteLength) as ArrayBuffer,
  );
}, 60_000);

const triangleCount = (g: BufferGeometry): number =>
  (g.index ? g.index.count : g.getAttribute('position').count) / 3;

describe('loadSpineModel / parseSpineModel', () => {
  it('finds the bone and disc nodes by name, posed as the layout says', () => {
    expect([...model.levels.keys()]).toEqual(['T12', 'L1', 'L2']);
    expect(model.discs.map((d) => d.name)).toEqual(['disc_T12_L1', 'disc_L1_L2']);
    const l2 = model.levels.get('L2')!;
    const pose = levelPose('L2');
    expect(l2.position.toArray()).toEqual(pose.position.map((v) => expect.closeTo(v, 5)));
    expect(l2.rotation.x).toBeCloseTo(pose.rotationXRad, 5);
  });

  it('names one mesh per part under each level, with the bone material', () => {
    const names = model.levels.get('L1')!.children.map((c) => c.name);
    expect(names).toEqual(meshes.bones.get('L1')!.map((p) => `L1_${p.name}`));
    const body = model.root.getObjectByName('L1_body') as Mesh;
    expect((body.material as MeshStandardMaterial).name).toBe('bone');
    const disc = model.root.getObjectByName('disc_L1_L2_mesh') as Mesh;
    expect((disc.material as MeshStandardMaterial).name).toBe('disc');
  });

  it('expands quantised vertices back into the vertebra frame to within half a quantisation step (1/64 mm)', () => {
    const body = model.root.getObjectByName('L1_body') as Mesh;
    expect(body.position.toArray()).toEqual([0, 0, 0]);
    expect(body.scale.toArray()).toEqual([1, 1, 1]);
    const loaded = body.geometry.getAttribute('position');
    const source = meshes.bones.get('L1')!.find((p) => p.name === 'body')!;
    expect(loaded.count).toBe(source.positions.length / 3);
    let worst = 0;
    for (let i = 0; i < loaded.count; i++) {
      worst = Math.max(
        worst,
        Math.abs(loaded.getX(i) - source.positions[3 * i]!),
        Math.abs(loaded.getY(i) - source.positions[3 * i + 1]!),
        Math.abs(loaded.getZ(i) - source.positions[3 * i + 2]!),
      );
    }
    expect(worst).toBeLessThan(POSITION_STEP_MM / 2 + 1e-4);
    expect(loaded.array).toBeInstanceOf(Float32Array);
  });

  it('merges the untreated levels into one bone geometry and the discs into another', () => {
    const { bone, disc, context } = mergeStaticParts(model.root, ['L1']);
    const parts = (level: 'T12' | 'L1' | 'L2', ribs = false) =>
      meshes.bones
        .get(level)!
        .filter((p) => p.name.startsWith('rib_') === ribs)
        .reduce((n, p) => n + p.indices.length / 3, 0);
    expect(triangleCount(bone)).toBe(parts('T12') + parts('L2'));
    expect(triangleCount(context)).toBe(parts('T12', true));
    expect(triangleCount(disc)).toBe(meshes.discs.reduce((n, d) => n + d.mesh.indices.length / 3, 0));
    expect(Object.keys(bone.attributes).sort()).toEqual(['color', 'normal', 'position']);
    expect(Object.keys(disc.attributes).sort()).toEqual(['color', 'normal', 'position']);
    expect(bone.getAttribute('color').count).toBe(bone.getAttribute('position').count);
  });

  it('keeps a treated thoracic level’s ribs in the static context geometry (only the vertebra is treated)', () => {
    const { bone, context } = mergeStaticParts(model.root, ['T12']);
    const count = (level: 'T12' | 'L1' | 'L2', keep: (name: string) => boolean) =>
      meshes.bones
        .get(level)!
        .filter((p) => keep(p.name))
        .reduce((n, p) => n + p.indices.length / 3, 0);
    const all = () => true;
    const ribs = count('T12', (name) => name.startsWith('rib_'));
    expect(ribs).toBeGreaterThan(0);
    expect(triangleCount(context)).toBe(ribs);
    expect(triangleCount(bone)).toBe(count('L1', all) + count('L2', all));
    expect(isRib(model.root.getObjectByName('T12_rib_left')!)).toBe(true);
    expect(isContextBone(model.root.getObjectByName('T12_rib_right')!)).toBe(true);
    expect(isContextBone(model.root.getObjectByName('T12_body')!)).toBe(false);
  });

  it('carries the baked occlusion as a normalised byte vertex colour, grey, one value per vertex', () => {
    const body = model.root.getObjectByName('L1_body') as Mesh;
    const color = body.geometry.getAttribute('color') as BufferAttribute;
    const source = meshes.bones.get('L1')!.find((p) => p.name === 'body')!;
    expect(color.array).toBeInstanceOf(Uint8Array);
    expect(color.normalized).toBe(true);
    expect(color.itemSize).toBe(3);
    expect(color.count).toBe(source.positions.length / 3);
    for (let i = 0; i < color.count; i++) {
      const v = source.occlusion![i]!;
      expect([color.array[3 * i], color.array[3 * i + 1], color.array[3 * i + 2]]).toEqual([v, v, v]);
    }
  });

  it('bakes transforms relative to the root, so the merged mesh can sit beside the parts', () => {
    const root = model.root;
    root.position.set(100, 0, 0);
    const { bone } = mergeStaticParts(root, ['L1', 'L2']);
    root.position.set(0, 0, 0);
    bone.computeBoundingBox();
    const centre = bone.boundingBox!.getCenter(new Vector3());
    expect(Math.abs(centre.x - levelPose('T12').position[0])).toBeLessThan(5);
  });
});

describe('mergeStaticParts: one pass into the merged arrays', () => {
  it('gives exactly what cloning each part, applyMatrix4 and three.js’s mergeGeometries give', () => {
    model.root.updateMatrixWorld(true);
    const toRoot = new Matrix4().copy(model.root.matrixWorld).invert();
    const copies: BufferGeometry[] = [];
    model.root.traverse((object) => {
      if (!(object instanceof Mesh) || !/^(T12|L2)_/.test(object.name) || /_rib_/.test(object.name)) return;
      const source = object.geometry as BufferGeometry;
      const copy = new BufferGeometry();
      for (const name of ['position', 'normal', 'color'])
        copy.setAttribute(name, (source.getAttribute(name) as BufferAttribute).clone());
      copy.setIndex(source.index!.clone());
      copy.applyMatrix4(new Matrix4().multiplyMatrices(toRoot, object.matrixWorld));
      copies.push(copy);
    });
    expect(copies.length).toBeGreaterThan(4);
    const reference = mergeGeometries(copies, false)!;
    const { bone } = mergeStaticParts(model.root, ['L1']);
    for (const name of ['position', 'normal', 'color']) {
      const ours = bone.getAttribute(name) as BufferAttribute;
      const theirs = reference.getAttribute(name) as BufferAttribute;
      expect(ours.normalized).toBe(theirs.normalized);
      expect(ours.array.constructor).toBe(theirs.array.constructor);
      expect(Array.from(ours.array)).toEqual(Array.from(theirs.array));
    }
    expect(bone.index!.array.constructor).toBe(reference.index!.array.constructor);
    // Bounds come with it, as three.js computes them.
    reference.computeBoundingBox();
    reference.computeBoundingSphere();
    expect(bone.boundingBox).toEqual(reference.boundingBox);
    expect(bone.boundingSphere).toEqual(reference.boundingSphere);
    expect(Array.from(bone.index!.array)).toEqual(Array.from(reference.index!.array));
  });
});
