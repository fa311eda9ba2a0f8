import { BufferAttribute, Mesh, type Group, type Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { configureSpineLoader } from './spineGltfLoader';
import { isContextBoneName, isRibName, type MergedPartRange } from './partNames';
import { SPINE_BONE_IDS } from './spineLayout';

/** The loaded spine: the scene root, each bone's node by name (T1 … L5, S1) and the disc nodes. */
export interface SpineModel {
  root: Group;
  levels: Map<string, Object3D>;
  discs: Object3D[];
}

/**
 * Load models/spine.glb. Quantised vertex data are expanded to float and each part mesh is moved into its bone's
 * frame (identity transform), so a part's local space is the vertebra's own: origin at the body centre, mm, +Y
 * cranial, +Z anterior. That is the space FRACTURE_GLSL works in. The baked ambient occlusion arrives as the
 * vertex colour `color` (normalised bytes, grey); draw with `vertexColors: true` to see it.
 */
export async function loadSpineModel(url: string, loader: GLTFLoader = spineLoader()): Promise<SpineModel> {
  const gltf = await loader.loadAsync(url);
  return prepareSpineModel(gltf.scene);
}

/** A GLTFLoader with the meshopt decoder the file needs (a loader passed in must have one too). */
function spineLoader(): GLTFLoader {
  const loader = new GLTFLoader();
  configureSpineLoader(loader);
  return loader;
}

/** Same as loadSpineModel, from GLB bytes already in memory. */
export async function parseSpineModel(
  data: ArrayBuffer,
  loader: GLTFLoader = spineLoader(),
): Promise<SpineModel> {
  const gltf = await loader.parseAsync(data, '');
  return prepareSpineModel(gltf.scene);
}

function toFloat(attribute: BufferAttribute, itemSize: number): Float32Array {
  const out = new Float32Array(attribute.count * itemSize);
  for (let i = 0; i < attribute.count; i++) {
    out[itemSize * i] = attribute.getX(i);
    out[itemSize * i + 1] = attribute.getY(i);
    out[itemSize * i + 2] = attribute.getZ(i);
  }
  return out;
}

/** Vertex colours as a plain (not interleaved) normalised byte attribute, RGB, whatever the file's layout. */
function colorBytes(attribute: BufferAttribute): BufferAttribute {
  const out = new Uint8Array(attribute.count * 3);
  for (let i = 0; i < attribute.count; i++) {
    out[3 * i] = Math.round(attribute.getX(i) * 255);
    out[3 * i + 1] = Math.round(attribute.getY(i) * 255);
    out[3 * i + 2] = Math.round(attribute.getZ(i) * 255);
  }
  return new BufferAttribute(out, 3, true);
}

function bakeQuantization(mesh: Mesh): void {
  const geometry = mesh.geometry;
  const position = geometry.getAttribute('position') as BufferAttribute;
  const normal = geometry.getAttribute('normal') as BufferAttribute | undefined;
  const color = geometry.getAttribute('color') as BufferAttribute | undefined;
  geometry.setAttribute('position', new BufferAttribute(toFloat(position, 3), 3));
  if (normal) geometry.setAttribute('normal', new BufferAttribute(toFloat(normal, 3), 3));
  if (color) geometry.setAttribute('color', colorBytes(color));
  mesh.updateMatrix();
  geometry.applyMatrix4(mesh.matrix);
  if (normal) geometry.normalizeNormals();
  mesh.position.set(0, 0, 0);
  mesh.quaternion.identity();
  mesh.scale.set(1, 1, 1);
  mesh.updateMatrix();
  geometry.computeBoundingBox();
  geometry.computeBoundingSphere();
}

export function prepareSpineModel(root: Group): SpineModel {
  root.traverse((object) => {
    if (object instanceof Mesh) bakeQuantization(object);
  });
  return indexSpineModel(root);
}

/** The bones and discs of a model whose meshes are already prepared (the viewer's worker prepares them). */
export function indexSpineModel(root: Group): SpineModel {
  const levels = new Map<string, Object3D>();
  for (const id of SPINE_BONE_IDS) {
    const node = root.getObjectByName(id);
    if (node) levels.set(id, node);
  }
  const discs = root.children.filter((child) => child.name.startsWith('disc_'));
  root.updateMatrixWorld(true);
  return { root, levels, discs };
}

/** A rib mesh (`T7_rib_left` …): it stays in the static spine even when its level is treated. */
export function isRib(object: Object3D): boolean {
  return isRibName(object.name);
}

/**
 * Bones that are context around the spine rather than part of it: the ribs and the iliac wings. They are merged
 * into a geometry of their own, so a close-up that looks through the rib cage or past the pelvis can fade them
 * without touching the spine.
 */
export function isContextBone(object: Object3D): boolean {
  return isContextBoneName(object.name);
}

export type { MergedPartRange };
