/**
 * A small glTF 2.0 binary (GLB) writer for static triangle meshes: positions, normals and indices, one material
 * per mesh, a node tree with names, translations, rotations and extras. Vertex data are stored with
 * KHR_mesh_quantization: positions as normalised int16 in steps of 1/32 mm (each mesh node carries the
 * translation and uniform scale that undo the quantisation) and normals as normalised int8 (octahedral-encoded
 * in the file). A mesh with baked ambient occlusion gets a vertex colour (COLOR_0, normalised unsigned bytes,
 * the value in each of R, G and B). The four streams (positions, normals, colours, indices of all meshes) are then
 * compressed with EXT_meshopt_compression (see compressViews). Output is a pure function of the input, byte for byte.
 */

import { compressViews, type ViewToCompress } from './meshoptViews';
import { octahedralNormals } from './meshoptEncoding';
import { littleEndianIndices, quantizePositions, round6 } from './quantizeMesh';

export { round6 };

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface GlbMesh {
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
  /** Ambient occlusion per vertex (0 … 255), written as the vertex colour COLOR_0 (grey, RGB). */
  occlusion?: Uint8Array;
  /** Index into the scene's materials. */
  material: number;
}

export interface GlbNode {
  name: string;
  translation?: readonly [number, number, number];
  /** Unit quaternion x, y, z, w. */
  rotation?: readonly [number, number, number, number];
  /** A node with a mesh may not have a transform of its own: it receives the dequantisation transform. */
  mesh?: GlbMesh;
  children?: readonly GlbNode[];
  extras?: { [key: string]: JsonValue };
}

export interface GlbMaterial {
  name: string;
  baseColor: readonly [number, number, number, number];
  metallic: number;
  roughness: number;
}

export interface GlbScene {
  name: string;
  nodes: readonly GlbNode[];
  materials: readonly GlbMaterial[];
  extras?: { [key: string]: JsonValue };
  generator: string;
}

const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
const BYTE = 5120;
const UNSIGNED_BYTE = 5121;
const SHORT = 5122;
const UNSIGNED_SHORT = 5123;

class ByteSink {
  private chunks: Uint8Array[] = [];
  length = 0;
  /** `alignment`: 4 for vertex data; 2 for uint16 indices, which the meshopt index codec needs unpadded. */
  constructor(private readonly alignment = 4) {}
  append(bytes: Uint8Array): number {
    const offset = this.length;
    this.chunks.push(bytes);
    this.length += bytes.length;
    const pad = (this.alignment - (this.length % this.alignment)) % this.alignment;
    if (pad) {
      this.chunks.push(new Uint8Array(pad));
      this.length += pad;
    }
    return offset;
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

interface Sinks {
  positions: ByteSink;
  normals: ByteSink;
  colors: ByteSink;
  indices: ByteSink;
}

/** Grey vertex colours from one byte per vertex: R = G = B = value, padded to 4 bytes (glTF's vertex alignment). */
function greyColors(values: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 * values.length);
  values.forEach((v, i) => out.fill(v, 4 * i, 4 * i + 3));
  return out;
}

function hasOcclusion(nodes: readonly GlbNode[]): boolean {
  return nodes.some((n) => n.mesh?.occlusion !== undefined || hasOcclusion(n.children ?? []));
}

export function writeGlb(scene: GlbScene): Uint8Array {
  const sinks: Sinks = {
    positions: new ByteSink(),
    normals: new ByteSink(),
    colors: new ByteSink(),
    indices: new ByteSink(2),
  };
  const nodes: JsonValue[] = [];
  const meshes: JsonValue[] = [];
  const accessors: { [key: string]: JsonValue }[] = [];
  // The colour view exists only when some mesh has occlusion (glTF forbids empty buffer views).
  const colored = hasOcclusion(scene.nodes);
  const VIEW = colored
    ? { positions: 0, normals: 1, colors: 2, indices: 3 }
    : { positions: 0, normals: 1, colors: -1, indices: 2 };

  const addMesh = (name: string, mesh: GlbMesh): { index: number; center: number[]; scale: number } => {
    const q = quantizePositions(mesh.positions);
    const count = mesh.positions.length / 3;
    // One uint16 index stream for all meshes (the meshopt index codec takes one index size per stream).
    if (count > 65535)
      throw new Error(`glTF mesh ${name}: ${count} vertices, more than uint16 indices reach`);
    const indexBytes = littleEndianIndices(mesh.indices, false);
    const base = accessors.length;
    if (mesh.occlusion && mesh.occlusion.length !== count)
      throw new Error(`glTF mesh ${name}: ${mesh.occlusion.length} occlusion values for ${count} vertices`);
    accessors.push(
      {
        bufferView: VIEW.positions,
        byteOffset: sinks.positions.append(q.pos),
        componentType: SHORT,
        normalized: true,
        count,
        type: 'VEC3',
        min: q.min,
        max: q.max,
      },
      {
        bufferView: VIEW.normals,
        byteOffset: sinks.normals.append(octahedralNormals(mesh.normals)),
        componentType: BYTE,
        normalized: true,
        count,
        type: 'VEC3',
      },
      {
        bufferView: VIEW.indices,
        byteOffset: sinks.indices.append(indexBytes),
        componentType: UNSIGNED_SHORT,
        count: mesh.indices.length,
        type: 'SCALAR',
      },
    );
    const attributes: { [key: string]: JsonValue } = { POSITION: base, NORMAL: base + 1 };
    if (mesh.occlusion) {
      attributes.COLOR_0 = accessors.length;
      accessors.push({
        bufferView: VIEW.colors,
        byteOffset: sinks.colors.append(greyColors(mesh.occlusion)),
        componentType: UNSIGNED_BYTE,
        normalized: true,
        count,
        type: 'VEC3',
      });
    }
    meshes.push({
      name,
      primitives: [
        {
          attributes,
          indices: base + 2,
          material: mesh.material,
          mode: 4,
        },
      ],
    });
    return { index: meshes.length - 1, center: q.center, scale: q.scale };
  };

  const addNode = (node: GlbNode): number => {
    const index = nodes.length;
    const json: { [key: string]: JsonValue } = { name: node.name };
    nodes.push(json);
    if (node.mesh) {
      if (node.translation || node.rotation)
        throw new Error(`glTF node ${node.name}: a mesh node takes no transform of its own`);
      const m = addMesh(node.name, node.mesh);
      json.mesh = m.index;
      json.translation = m.center;
      json.scale = [m.scale, m.scale, m.scale];
    } else {
      if (node.translation) json.translation = node.translation.map(round6);
      if (node.rotation) json.rotation = node.rotation.map(round6);
    }
    if (node.children?.length) json.children = node.children.map(addNode);
    if (node.extras) json.extras = node.extras;
    return index;
  };

  const roots = scene.nodes.map(addNode);
  const vertexView = (bytes: Uint8Array, byteStride: number, filter?: 'OCTAHEDRAL'): ViewToCompress => ({
    bytes,
    byteStride,
    target: ARRAY_BUFFER,
    mode: 'ATTRIBUTES',
    ...(filter ? { filter } : {}),
  });
  const views: ViewToCompress[] = [
    vertexView(sinks.positions.concat(), 8),
    vertexView(sinks.normals.concat(), 4, 'OCTAHEDRAL'),
    ...(colored ? [vertexView(sinks.colors.concat(), 4)] : []),
    { bytes: sinks.indices.concat(), byteStride: 2, target: ELEMENT_ARRAY_BUFFER, mode: 'TRIANGLES' },
  ];
  const { bin, bufferViews, buffers, extension } = compressViews(views);
  const gltf: { [key: string]: JsonValue } = {
    asset: { version: '2.0', generator: scene.generator },
    extensionsUsed: ['KHR_mesh_quantization', extension],
    extensionsRequired: ['KHR_mesh_quantization', extension],
    scene: 0,
    scenes: [{ name: scene.name, nodes: roots, ...(scene.extras ? { extras: scene.extras } : {}) }],
    nodes,
    meshes,
    materials: scene.materials.map((m) => ({
      name: m.name,
      pbrMetallicRoughness: {
        baseColorFactor: [...m.baseColor],
        metallicFactor: m.metallic,
        roughnessFactor: m.roughness,
      },
    })),
    accessors,
    bufferViews,
    buffers,
  };
  return packGlb(JSON.stringify(gltf), bin);
}

function packGlb(json: string, bin: Uint8Array): Uint8Array {
  const text = new TextEncoder().encode(json);
  const jsonLength = Math.ceil(text.length / 4) * 4;
  const binLength = Math.ceil(bin.length / 4) * 4;
  const total = 12 + 8 + jsonLength + 8 + binLength;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonLength, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.set(text, 20);
  out.fill(0x20, 20 + text.length, 20 + jsonLength);
  view.setUint32(20 + jsonLength, binLength, true);
  view.setUint32(24 + jsonLength, 0x004e4942, true);
  out.set(bin, 28 + jsonLength);
  return out;
}
