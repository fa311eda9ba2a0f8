/**
 * GLTFLoader set up for models/spine.glb, which is compressed with EXT_meshopt_compression (docs/models.md), for
 * the generator and the tests (the viewer reads the model with its own reader, in its decoding worker:
 * spineModelDecode.ts). The WebAssembly decoder runs directly, or the pure-JavaScript one if WebAssembly fails.
 */
import { GLTFLoader, type GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { decodeOnMainThread, type GltfMeshoptDecoder } from './meshoptWorkerDecoder';

/** The WebAssembly decoder, or the JavaScript one if WebAssembly fails. */
function directMeshoptDecoder(): GltfMeshoptDecoder {
  const wasm = import('meshoptimizer/decoder').then(async ({ MeshoptDecoder }) => {
    await MeshoptDecoder.ready;
    return MeshoptDecoder;
  });
  return {
    supported: true,
    ready: Promise.resolve(),
    decodeGltfBufferAsync: async (count, size, source, mode, filter) => {
      const decoder = await wasm.catch(() => null);
      if (!decoder) return decodeOnMainThread(count, size, source, mode, filter);
      const data = new Uint8Array(count * size);
      decoder.decodeGltfBuffer(data, count, size, source, mode, filter);
      return data;
    },
  };
}

let shared: GltfMeshoptDecoder | undefined;

/** One decoder, shared. */
export function spineMeshoptDecoder(): GltfMeshoptDecoder {
  shared ??= directMeshoptDecoder();
  return shared;
}

/** Give a GLTFLoader the meshopt decoder models/spine.glb needs. */
export function configureSpineLoader(loader: GLTFLoader): void {
  const decoder = spineMeshoptDecoder();
  // three.js's typing asks for the WebAssembly module's type; it only uses `supported` and decodeGltfBufferAsync.
  loader.setMeshoptDecoder(decoder as unknown as Parameters<GLTFLoader['setMeshoptDecoder']>[0]);
}

/** Parse GLB bytes (models/spine.glb or one written by the generator) with a configured loader. */
export function parseSpineGlb(buffer: ArrayBuffer): Promise<GLTF> {
  const loader = new GLTFLoader();
  configureSpineLoader(loader);
  return loader.parseAsync(buffer, '');
}
