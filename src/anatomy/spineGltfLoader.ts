/**
 * GLTFLoader set up for models/spine.glb, which is compressed with EXT_meshopt_compression (docs/models.md).
 * In a browser the decoding runs in a worker with meshoptimizer's WebAssembly decoder, or with its pure-JavaScript
 * decoder where WebAssembly is refused (meshoptWorkerDecoder.ts). In Node (generation, unit tests), where no
 * Content-Security-Policy applies and there are no web workers, the WebAssembly decoder runs directly.
 */
import { GLTFLoader, type GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { decodeOnMainThread, workerMeshoptDecoder, type GltfMeshoptDecoder } from './meshoptWorkerDecoder';

/** Without web workers (Node): the WebAssembly decoder, or the JavaScript one if WebAssembly fails. */
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

let shared: (GltfMeshoptDecoder & { warm?(): void }) | undefined;

/** One decoder for the page (its worker ends when idle and starts again for the next model). */
export function spineMeshoptDecoder(): GltfMeshoptDecoder & { warm?(): void } {
  shared ??= typeof Worker === 'function' ? workerMeshoptDecoder() : directMeshoptDecoder();
  return shared;
}

/**
 * Give a GLTFLoader the meshopt decoder models/spine.glb needs (pass to R3F's useLoader as its extension). It
 * also starts the decoding worker, so that it loads while the model downloads: configure before the fetch.
 */
export function configureSpineLoader(loader: GLTFLoader): void {
  const decoder = spineMeshoptDecoder();
  decoder.warm?.();
  // three.js's typing asks for the WebAssembly module's type; it only uses `supported` and decodeGltfBufferAsync.
  loader.setMeshoptDecoder(decoder as unknown as Parameters<GLTFLoader['setMeshoptDecoder']>[0]);
}

/** Parse GLB bytes (models/spine.glb or one written by the generator) with a configured loader. */
export function parseSpineGlb(buffer: ArrayBuffer): Promise<GLTF> {
  const loader = new GLTFLoader();
  configureSpineLoader(loader);
  return loader.parseAsync(buffer, '');
}
