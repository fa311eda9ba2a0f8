/**
 * EXT_meshopt_compression for the GLB writer: each buffer view's bytes are encoded with meshoptimizer's codecs
 * (the vertex codec for attributes, the triangle codec for indices) into the GLB's binary chunk. The
 * uncompressed views live in a second, "fallback" buffer that has no data at all: the extension is listed as
 * required, so a reader must decode (three.js's GLTFLoader with a meshopt decoder, Blender, glTF-Transform,
 * gltfpack); shipping the uncompressed bytes as well would defeat the purpose.
 */
import type { JsonValue } from './glbWriter';
import { MeshoptEncoder } from './meshoptEncoding';

export const MESHOPT_EXTENSION = 'EXT_meshopt_compression';

/** One buffer view to write: its uncompressed bytes and how they are laid out. */
export interface ViewToCompress {
  bytes: Uint8Array;
  /** Bytes per element: the vertex stride, or the index size. */
  byteStride: number;
  /** ARRAY_BUFFER or ELEMENT_ARRAY_BUFFER. */
  target: number;
  mode: 'ATTRIBUTES' | 'TRIANGLES';
  /** A meshopt filter the bytes were already encoded with (decoders undo it after decoding). */
  filter?: 'OCTAHEDRAL';
}

const pad4 = (n: number): number => Math.ceil(n / 4) * 4;

/**
 * Compress every view. Returns the GLB binary chunk (the compressed streams, each 4-byte aligned) and the glTF
 * `bufferViews` and `buffers` that describe them: buffer 0 is the binary chunk, buffer 1 the fallback.
 */
export function compressViews(views: readonly ViewToCompress[]): {
  bin: Uint8Array;
  bufferViews: JsonValue[];
  buffers: JsonValue[];
  extension: string;
} {
  const encoded = views.map((v) =>
    MeshoptEncoder.encodeGltfBuffer(v.bytes, v.bytes.length / v.byteStride, v.byteStride, v.mode),
  );
  const bin = new Uint8Array(encoded.reduce((n, e) => n + pad4(e.length), 0));
  const bufferViews: JsonValue[] = [];
  let compressedAt = 0;
  let rawAt = 0;
  views.forEach((view, i) => {
    const data = encoded[i]!;
    bin.set(data, compressedAt);
    const vertex = view.mode === 'ATTRIBUTES';
    bufferViews.push({
      buffer: 1,
      byteOffset: rawAt,
      byteLength: view.bytes.length,
      ...(vertex ? { byteStride: view.byteStride } : {}),
      target: view.target,
      extensions: {
        [MESHOPT_EXTENSION]: {
          buffer: 0,
          byteOffset: compressedAt,
          byteLength: data.length,
          byteStride: view.byteStride,
          mode: view.mode,
          ...(view.filter ? { filter: view.filter } : {}),
          count: view.bytes.length / view.byteStride,
        },
      },
    });
    compressedAt += pad4(data.length);
    rawAt += pad4(view.bytes.length);
  });
  return {
    bin,
    bufferViews,
    buffers: [
      { byteLength: bin.length },
      { byteLength: rawAt, extensions: { [MESHOPT_EXTENSION]: { fallback: true } } },
    ],
    extension: MESHOPT_EXTENSION,
  };
}
