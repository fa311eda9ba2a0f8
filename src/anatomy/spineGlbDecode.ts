import {
  bakedColors,
  bakedNormals,
  bakedPoints,
  composeMatrix,
  normalMatrix,
  type ComponentArray,
  type StridedItems,
} from './spineGlbBake';
import { fail, glbChunks, type GltfJson } from './glbFile';

/*
 * Reads what models/spine.glb holds (docs/models.md) into plain arrays, with no three.js, so that it runs in the
 * decoding worker: a GLB whose nodes carry names, transforms, extras and triangle meshes with quantised attributes
 * (KHR_mesh_quantization) in meshopt-compressed buffer views (EXT_meshopt_compression). The part meshes come out
 * prepared as loadSpineModel prepares GLTFLoader's (float positions and normals in the bone's frame, RGB occlusion
 * bytes), so the page only wraps them in three.js objects (scene/loading/spineGlb.ts). Anything the file might
 * hold beyond that (textures, skins, animations, other extensions) is refused with a clear error.
 */

/** One vertex attribute, as a tight array. */
export interface DecodedAttribute {
  array: ComponentArray;
  itemSize: number;
  normalized: boolean;
}

/** A triangle mesh, by three.js attribute name (`position`, `normal`, `color`, `uv`) and its index. */
export interface DecodedPrimitive {
  attributes: Record<string, DecodedAttribute>;
  index?: DecodedAttribute;
}

/** A node: its name, extras, children and local transform; a mesh node's own transform is baked into it. */
export interface DecodedNode {
  name?: string;
  extras?: Record<string, unknown>;
  children: number[];
  /** Local matrix, column-major; absent when identity (a baked part mesh). */
  matrix?: number[];
  translation?: number[];
  rotation?: number[];
  scale?: number[];
  meshName?: string;
  primitives?: DecodedPrimitive[];
}

/** The whole file, ready to become three.js objects. */
export interface DecodedSpine {
  nodes: DecodedNode[];
  scene: { name?: string; extras?: Record<string, unknown>; nodes: number[] };
}

/** Decodes one EXT_meshopt_compression buffer view (the worker's decoder, or the JavaScript one). */
export type MeshoptViewDecoder = (
  count: number,
  size: number,
  source: Uint8Array,
  mode: string,
  filter?: string,
) => Uint8Array | Promise<Uint8Array>;

const SUPPORTED_EXTENSIONS = ['KHR_mesh_quantization', 'EXT_meshopt_compression'];
const TRIANGLES = 4;
const ITEM_SIZE: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 };
type ComponentCtor = { new (length: number): ComponentArray; BYTES_PER_ELEMENT: number };
const COMPONENTS: Record<number, ComponentCtor> = {
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

/** Every buffer view's bytes, meshopt-compressed ones decoded by `decode`. */
function bufferViews(
  json: GltfJson,
  bin: ArrayBuffer | null,
  decode: MeshoptViewDecoder,
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
      const decoded = await decode(meshopt.count, meshopt.byteStride, source, meshopt.mode, meshopt.filter);
      return decoded.buffer.slice(decoded.byteOffset, decoded.byteOffset + decoded.byteLength) as ArrayBuffer;
    }),
  );
}

/** Where an accessor's items lie in its (decoded) buffer view, and how many components each has. */
function accessorItems(
  json: GltfJson,
  views: ArrayBuffer[],
  index: number,
): StridedItems & { itemSize: number; Component: ComponentCtor } {
  const def = json.accessors?.[index] ?? fail(`accessor ${index} is missing`);
  const Component = COMPONENTS[def.componentType] ?? fail(`component type ${def.componentType}`);
  const itemSize = ITEM_SIZE[def.type] ?? fail(`accessor type ${def.type}`);
  if (def.bufferView === undefined || def.sparse) fail('sparse or empty accessors are not supported');
  const view = views[def.bufferView] ?? fail(`buffer view ${def.bufferView} is missing`);
  const bytes = Component.BYTES_PER_ELEMENT;
  const strideBytes = json.bufferViews![def.bufferView]!.byteStride ?? itemSize * bytes;
  if ((def.byteOffset ?? 0) % bytes || strideBytes % bytes) fail('misaligned accessor');
  // A view, not a copy: every buffer view is an ArrayBuffer of its own, starting at 0.
  const source = new (Component as unknown as new (b: ArrayBuffer, at: number, n: number) => ComponentArray)(
    view,
    0,
    Math.floor(view.byteLength / bytes),
  );
  const first = (def.byteOffset ?? 0) / bytes;
  const stride = strideBytes / bytes;
  if (first + (def.count - 1) * stride + itemSize > source.length && def.count > 0)
    fail(`accessor ${index} runs past its buffer view`);
  return {
    source,
    first,
    stride,
    count: def.count,
    normalized: def.normalized === true,
    itemSize,
    Component,
  };
}

/** An accessor's values as they are stored, de-interleaved into a tight array of their own type. */
function readAccessor(json: GltfJson, views: ArrayBuffer[], index: number): DecodedAttribute {
  const { source, first, stride, count, normalized, itemSize, Component } = accessorItems(json, views, index);
  // Tightly packed (indices): one copy.
  if (stride === itemSize)
    return { array: source.slice(first, first + count * itemSize), itemSize, normalized };
  const out = new Component(count * itemSize);
  for (let i = 0; i < count; i++)
    for (let k = 0; k < itemSize; k++) out[i * itemSize + k] = source[first + i * stride + k]!;
  return { array: out, itemSize, normalized };
}

/**
 * A primitive with float positions and normals and RGB colour bytes, moved by `matrix` (the mesh node's own
 * transform, or identity for a primitive of a several-primitive mesh), as loadSpineModel's bakeQuantization does.
 */
function bakedPrimitive(
  json: GltfJson,
  views: ArrayBuffer[],
  def: { attributes: Record<string, number>; indices?: number; mode?: number },
  matrix: number[],
): DecodedPrimitive {
  if ((def.mode ?? TRIANGLES) !== TRIANGLES) fail('only triangle meshes are supported');
  const attributes: Record<string, DecodedAttribute> = {};
  for (const [name, accessor] of Object.entries(def.attributes)) {
    const threeName = ATTRIBUTE_NAMES[name];
    if (!threeName) continue;
    if (threeName === 'position' || threeName === 'normal' || threeName === 'color') {
      const items = accessorItems(json, views, accessor);
      if (items.itemSize < 3) fail(`${name} has fewer than three components`);
      const array =
        threeName === 'position'
          ? bakedPoints(items, matrix)
          : threeName === 'normal'
            ? bakedNormals(items, normalMatrix(matrix))
            : bakedColors(items);
      attributes[threeName] = { array, itemSize: 3, normalized: threeName === 'color' };
    } else attributes[threeName] = readAccessor(json, views, accessor);
  }
  if (!attributes.position) fail('a mesh has no positions');
  return def.indices === undefined
    ? { attributes }
    : { attributes, index: readAccessor(json, views, def.indices) };
}

/** Read a spine GLB, decoding its compressed views with `decode`, into prepared arrays. */
export async function decodeSpineGlb(data: ArrayBuffer, decode: MeshoptViewDecoder): Promise<DecodedSpine> {
  const { json, bin } = glbChunks(data);
  const unsupported = (json.extensionsRequired ?? []).filter((e) => !SUPPORTED_EXTENSIONS.includes(e));
  if (unsupported.length > 0) fail(`it requires ${unsupported.join(', ')}`);
  const views = await bufferViews(json, bin, decode);
  const identity = composeMatrix();
  const nodes = (json.nodes ?? []).map((def): DecodedNode => {
    const node: DecodedNode = { children: def.children ?? [] };
    if (def.name !== undefined) node.name = def.name;
    if (def.extras) node.extras = def.extras;
    const local = def.matrix ?? composeMatrix(def.translation, def.rotation, def.scale);
    let baked = false;
    if (def.mesh !== undefined) {
      const mesh = json.meshes?.[def.mesh] ?? fail(`mesh ${def.mesh} is missing`);
      // One primitive: the node is the mesh, its transform goes into the vertices. Several: a group keeps it.
      baked = mesh.primitives.length === 1;
      node.primitives = mesh.primitives.map((p) => bakedPrimitive(json, views, p, baked ? local : identity));
      node.meshName = mesh.name ?? `mesh_${def.mesh}`;
    }
    if (!baked) {
      if (def.matrix) node.matrix = def.matrix;
      if (def.translation) node.translation = def.translation;
      if (def.rotation) node.rotation = def.rotation;
      if (def.scale) node.scale = def.scale;
    }
    return node;
  });
  for (const node of nodes)
    for (const child of node.children) if (!nodes[child]) fail(`node ${child} is missing`);
  const sceneDef = json.scenes?.[json.scene ?? 0] ?? fail('no scene');
  const sceneNodes = sceneDef.nodes ?? [];
  for (const index of sceneNodes) if (!nodes[index]) fail(`node ${index} is missing`);
  return {
    nodes,
    scene: {
      ...(sceneDef.name !== undefined && { name: sceneDef.name }),
      ...(sceneDef.extras && { extras: sceneDef.extras }),
      nodes: sceneNodes,
    },
  };
}

/** The arrays of a decoded model, to transfer (not copy) from the worker. */
export function decodedBuffers(model: DecodedSpine): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const node of model.nodes)
    for (const primitive of node.primitives ?? []) {
      for (const attribute of Object.values(primitive.attributes))
        out.add(attribute.array.buffer as ArrayBuffer);
      if (primitive.index) out.add(primitive.index.array.buffer as ArrayBuffer);
    }
  return [...out];
}
