import { BufferAttribute, BufferGeometry, Group, Matrix4, Mesh, MeshStandardMaterial, Object3D } from 'three';
import type { GltfMeshoptDecoder } from '../../anatomy/meshoptWorkerDecoder';
import {
  decodeSpineGlb,
  type DecodedAttribute,
  type DecodedPrimitive,
  type DecodedSpine,
} from '../../anatomy/spineGlbDecode';

/*
 * The decoded model (anatomy/spineGlbDecode.ts, run in the decoding worker) as three.js objects: the same tree
 * three.js's GLTFLoader builds for this file (node names, transforms, `userData` from extras, one Mesh per
 * primitive), with the part meshes already prepared as loadSpineModel prepares them. Only object creation is left
 * for the page. Bounds are left to three.js, which computes them when something needs them: most part meshes are
 * only ever merged (mergeStaticParts), never culled or measured.
 */

function attribute({ array, itemSize, normalized }: DecodedAttribute): BufferAttribute {
  return new BufferAttribute(array, itemSize, normalized);
}

function primitiveMesh(primitive: DecodedPrimitive, material: MeshStandardMaterial): Mesh {
  const geometry = new BufferGeometry();
  for (const [name, value] of Object.entries(primitive.attributes))
    geometry.setAttribute(name, attribute(value));
  if (primitive.index) geometry.setIndex(attribute(primitive.index));
  return new Mesh(geometry, material);
}

/**
 * The default scene as a Group named after it, like GLTFLoader's `gltf.scene` after loadSpineModel's preparation.
 * The viewer draws with its own materials; each mesh gets one shared placeholder.
 */
export function spineGroup(decoded: DecodedSpine): Group {
  const material = new MeshStandardMaterial();
  const objects = decoded.nodes.map((def) => {
    let object: Object3D;
    const primitives = def.primitives;
    if (!primitives) object = new Object3D();
    else if (primitives.length === 1) object = primitiveMesh(primitives[0]!, material);
    else {
      object = new Group();
      const meshes = primitives.map((p) => primitiveMesh(p, material));
      meshes.forEach((mesh, i) => (mesh.name = `${def.meshName}_${i}`));
      object.add(...meshes);
    }
    object.name = def.name ?? '';
    if (def.name) object.userData.name = def.name;
    Object.assign(object.userData, def.extras);
    if (def.matrix) object.applyMatrix4(new Matrix4().fromArray(def.matrix));
    else {
      if (def.translation) object.position.fromArray(def.translation);
      if (def.rotation) object.quaternion.fromArray(def.rotation);
      if (def.scale) object.scale.fromArray(def.scale);
    }
    return object;
  });
  decoded.nodes.forEach((def, i) => {
    for (const child of def.children) objects[i]!.add(objects[child]!);
  });
  const scene = new Group();
  scene.name = decoded.scene.name ?? '';
  Object.assign(scene.userData, decoded.scene.extras);
  for (const index of decoded.scene.nodes) scene.add(objects[index]!);
  return scene;
}

/** Read GLB bytes on this thread with a meshopt `decoder` (tools and tests; the viewer decodes in its worker). */
export async function readSpineGlb(data: ArrayBuffer, decoder: GltfMeshoptDecoder): Promise<Group> {
  return spineGroup(await decodeSpineGlb(data, (...args) => decoder.decodeGltfBufferAsync(...args)));
}
