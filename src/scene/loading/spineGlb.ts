import {
  BufferAttribute,
  BufferGeometry,
  Group,
  Matrix4,
  Mesh,
  MeshStandardMaterial,
  Object3D,
  type TypedArray,
} from 'three';
import type { GltfMeshoptDecoder } from '../../anatomy/meshoptWorkerDecoder';

/*
 * A reader for what models/spine.glb holds (docs/models.md): a GLB whose nodes carry names, transforms, extras and
 * triangle meshes with quantised attributes (KHR_mesh_quantization) in meshopt-compressed buffer views
 * (EXT_meshopt_compression). It builds the same object tree as three.js's GLTFLoader (node names, transforms,
 * `userData` from extras, one Mesh per primitive) for the part the viewer uses, at a fraction of the loader's code,
 * which with the classes it pulls in is the largest piece of the first download after three.js itself. Anything
 * the file might hold beyond that (textures, skins, animations, other extensions) is refused with a clear error.
 */

interface GltfJson {
  extensionsRequired?: string[];
  scene?: number;
  scenes?: { name?: string; nodes?: number[]; extras?: Record<string, unknown> }[];
  nodes?: NodeDef[];
  meshes?: { name?: string; primitives: PrimitiveDef[] }[];
  accessors?: AccessorDef[];
  bufferViews?: BufferViewDef[];
  buffers?: { uri?: string; byteLength: number }[];
}
interface NodeDef {
  name?: string;
  mesh?: number;
  children?: number[];
  matrix?: number[];
  translation?: number[];
  rotation?: number[];
  scale?: number[];
  extras?: Record<string, unknown>;
}
interface PrimitiveDef {
  attributes: Record<string, number>;
  indices?: number;
  mode?: number;
}
interface AccessorDef {
  bufferView?: number;
  byteOffset?: number;
  componentType: number;
  normalized?: boolean;
  count: number;
  type: string;
  sparse?: unknown;
}
interface MeshoptDef {
  buffer: number;
  byteOffset?: number;
  byteLength: number;
  byteStride: number;
  count: number;
  mode: string;
  filter?: string;
}
interface BufferViewDef {
  buffer: number;
  byteOffset?: number;
  byteLength: number;
  byteStride?: number;
  extensions?: { EXT_meshopt_compression?: MeshoptDef };
}

const SUPPORTED_EXTENSIONS = ['KHR_mesh_quantization', 'EXT_meshopt_compression'];
const GLB_MAGIC = 0x46546c67; // 'glTF'
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;
const TRIANGLES = 4;
const ITEM_SIZE: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 };
const COMPONENTS: Record<number, new (length: number) => TypedArray> = {
  5120: Int8Array,
  5121: Uint8Array,
  5122: Int16Array,
  5123: Uint16Array,
  5125: Uint32Array,
  5126: Float32Array,
};
/** glTF attribute names → three.js's (as GLTFLoader names them). */
const ATTRIBUTE_NAMES: Record<string, string> = {
  POSITION: 'position',
  NORMAL: 'normal',
  COLOR_0: 'color',
  TEXCOORD_0: 'uv',
};

function fail(message: string): never {
  throw new Error(`The spine model could not be read: ${message}.`);
}

/** The JSON and binary chunks of a GLB file. */
function glbChunks(data: ArrayBuffer): { json: GltfJson; bin: ArrayBuffer | null } {
  const view = new DataView(data);
  if (data.byteLength < 20 || view.getUint32(0, true) !== GLB_MAGIC) fail('not a GLB file');
  let json: GltfJson | null = null;
  let bin: ArrayBuffer | null = null;
  for (let at = 12; at + 8 <= data.byteLength;) {
    const length = view.getUint32(at, true);
    const type = view.getUint32(at + 4, true);
    if (type === CHUNK_JSON)
      json = JSON.parse(new TextDecoder().decode(new Uint8Array(data, at + 8, length))) as GltfJson;
    else if (type === CHUNK_BIN) bin = data.slice(at + 8, at + 8 + length);
    at += 8 + length;
  }
  if (!json) fail('no JSON chunk');
  return { json, bin };
}

/** Every buffer view's bytes, meshopt-compressed ones decoded (in parallel, by the shared decoder). */
function bufferViews(
  json: GltfJson,
  bin: ArrayBuffer | null,
  decoder: GltfMeshoptDecoder,
): Promise<ArrayBuffer[]> {
  const buffer = (index: number): ArrayBuffer => {
    const def = json.buffers?.[index];
    if (!def || def.uri !== undefined || !bin) fail(`buffer ${index} is not the file's binary chunk`);
    return bin;
  };
  return Promise.all(
    (json.bufferViews ?? []).map(async (def) => {
      const meshopt = def.extensions?.EXT_meshopt_compression;
      if (!meshopt) {
        const start = def.byteOffset ?? 0;
        return buffer(def.buffer).slice(start, start + def.byteLength);
      }
      const source = new Uint8Array(buffer(meshopt.buffer), meshopt.byteOffset ?? 0, meshopt.byteLength);
      const decoded = await decoder.decodeGltfBufferAsync(
        meshopt.count,
        meshopt.byteStride,
        source,
        meshopt.mode,
        meshopt.filter,
      );
      return decoded.buffer.slice(decoded.byteOffset, decoded.byteOffset + decoded.byteLength) as ArrayBuffer;
    }),
  );
}

/** An accessor's values, de-interleaved into a tight array of its own component type. */
function readAccessor(json: GltfJson, views: ArrayBuffer[], index: number): BufferAttribute {
  const def = json.accessors?.[index] ?? fail(`accessor ${index} is missing`);
  const Component = COMPONENTS[def.componentType] ?? fail(`component type ${def.componentType}`);
  const itemSize = ITEM_SIZE[def.type] ?? fail(`accessor type ${def.type}`);
  if (def.bufferView === undefined || def.sparse) fail('sparse or empty accessors are not supported');
  const view = views[def.bufferView] ?? fail(`buffer view ${def.bufferView} is missing`);
  const componentBytes = (Component as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
  const strideBytes = json.bufferViews![def.bufferView]!.byteStride ?? itemSize * componentBytes;
  if ((def.byteOffset ?? 0) % componentBytes || strideBytes % componentBytes) fail('misaligned accessor');
  // A view, not a copy: every buffer view is an ArrayBuffer of its own, starting at 0.
  const source = new (Component as unknown as new (b: ArrayBuffer, at: number, n: number) => TypedArray)(
    view,
    0,
    Math.floor(view.byteLength / componentBytes),
  );
  const out = new Component(def.count * itemSize);
  const first = (def.byteOffset ?? 0) / componentBytes;
  const stride = strideBytes / componentBytes;
  for (let i = 0; i < def.count; i++)
    for (let k = 0; k < itemSize; k++) out[i * itemSize + k] = source[first + i * stride + k]!;
  return new BufferAttribute(out, itemSize, def.normalized === true);
}

function primitiveMesh(
  json: GltfJson,
  views: ArrayBuffer[],
  primitive: PrimitiveDef,
  material: MeshStandardMaterial,
): Mesh {
  if ((primitive.mode ?? TRIANGLES) !== TRIANGLES) fail('only triangle meshes are supported');
  const geometry = new BufferGeometry();
  for (const [name, accessor] of Object.entries(primitive.attributes)) {
    const threeName = ATTRIBUTE_NAMES[name];
    if (threeName) geometry.setAttribute(threeName, readAccessor(json, views, accessor));
  }
  if (primitive.indices !== undefined) geometry.setIndex(readAccessor(json, views, primitive.indices));
  return new Mesh(geometry, material);
}

/**
 * Read a GLB with the meshopt `decoder` (the viewer's worker): the default scene as a Group named after it, like
 * GLTFLoader's `gltf.scene`. The viewer draws with its own materials; each mesh gets one shared placeholder.
 */
export async function readSpineGlb(data: ArrayBuffer, decoder: GltfMeshoptDecoder): Promise<Group> {
  const { json, bin } = glbChunks(data);
  const unsupported = (json.extensionsRequired ?? []).filter((e) => !SUPPORTED_EXTENSIONS.includes(e));
  if (unsupported.length > 0) fail(`it requires ${unsupported.join(', ')}`);
  const views = await bufferViews(json, bin, decoder);
  const material = new MeshStandardMaterial();
  const nodes = json.nodes ?? [];
  const objects = nodes.map((def) => {
    let object: Object3D;
    if (def.mesh === undefined) object = new Object3D();
    else {
      const meshDef = json.meshes?.[def.mesh] ?? fail(`mesh ${def.mesh} is missing`);
      const meshes = meshDef.primitives.map((p) => primitiveMesh(json, views, p, material));
      if (meshes.length === 1) object = meshes[0]!;
      else {
        object = new Group();
        meshes.forEach((mesh, i) => (mesh.name = `${meshDef.name ?? `mesh_${def.mesh}`}_${i}`));
        object.add(...meshes);
      }
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
  nodes.forEach((def, i) => {
    for (const child of def.children ?? [])
      objects[i]!.add(objects[child] ?? fail(`node ${child} is missing`));
  });
  const sceneDef = json.scenes?.[json.scene ?? 0] ?? fail('no scene');
  const scene = new Group();
  scene.name = sceneDef.name ?? '';
  Object.assign(scene.userData, sceneDef.extras);
  for (const index of sceneDef.nodes ?? []) scene.add(objects[index] ?? fail(`node ${index} is missing`));
  return scene;
}
