/*
 * The container of a glTF binary file (GLB): its JSON and binary chunks, and the part of the JSON that the spine
 * model uses (anatomy/spineGlbDecode.ts reads the rest).
 */

/** The glTF JSON as far as models/spine.glb uses it. */
export interface GltfJson {
  extensionsRequired?: string[];
  scene?: number;
  scenes?: { name?: string; nodes?: number[]; extras?: Record<string, unknown> }[];
  nodes?: {
    name?: string;
    mesh?: number;
    children?: number[];
    matrix?: number[];
    translation?: number[];
    rotation?: number[];
    scale?: number[];
    extras?: Record<string, unknown>;
  }[];
  meshes?: {
    name?: string;
    primitives: { attributes: Record<string, number>; indices?: number; mode?: number }[];
  }[];
  accessors?: {
    bufferView?: number;
    byteOffset?: number;
    componentType: number;
    normalized?: boolean;
    count: number;
    type: string;
    sparse?: unknown;
  }[];
  bufferViews?: {
    buffer: number;
    byteOffset?: number;
    byteLength: number;
    byteStride?: number;
    extensions?: {
      EXT_meshopt_compression?: {
        buffer: number;
        byteOffset?: number;
        byteLength: number;
        byteStride: number;
        count: number;
        mode: string;
        filter?: string;
      };
    };
  }[];
  buffers?: { uri?: string; byteLength: number }[];
}

const GLB_MAGIC = 0x46546c67; // 'glTF'
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;

/** Refuse a file with a message that says what is wrong with it. */
export function fail(message: string): never {
  throw new Error(`The spine model could not be read: ${message}.`);
}

/** The JSON and binary chunks of a GLB file. */
export function glbChunks(data: ArrayBuffer): { json: GltfJson; bin: ArrayBuffer | null } {
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
