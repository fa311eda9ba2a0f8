/**
 * Decodes EXT_meshopt_compression buffer views off the main thread. WebAssembly is tried here, not in the page:
 * a worker loaded from the viewer's own origin runs under the policy of its own response, so a page whose strict
 * Content-Security-Policy refuses WebAssembly ('wasm-unsafe-eval' absent) sees no violation, and where the
 * worker's policy refuses it too, the worker falls back to the pure-JavaScript decoder. Each reply says which
 * decoder ran and how long it took.
 */
import { MeshoptDecoder } from 'meshoptimizer/decoder';

/** A request from meshoptWorkerDecoder.ts. */
export interface DecodeRequest {
  id: number;
  count: number;
  size: number;
  source: Uint8Array;
  mode: string;
  filter?: string;
}

/** The answer: the decoded bytes, or why not. */
export type DecodeReply =
  { id: number; data: Uint8Array; decoder: 'wasm' | 'js'; ms: number } | { id: number; error: string };

const decoder: Promise<{ impl: typeof MeshoptDecoder; name: 'wasm' | 'js' }> = (
  MeshoptDecoder.supported ? MeshoptDecoder.ready : Promise.reject(new Error('no WebAssembly'))
).then(
  () => ({ impl: MeshoptDecoder, name: 'wasm' as const }),
  // Fetched only where WebAssembly is refused (the strict CSP): most visits never download it.
  () => import('./meshoptReference').then((m) => ({ impl: m.MeshoptReferenceDecoder, name: 'js' as const })),
);

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: DecodeReply, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  const { id, count, size, source, mode, filter } = event.data;
  void decoder.then(({ impl, name }) => {
    try {
      const started = performance.now();
      const data = new Uint8Array(count * size);
      impl.decodeGltfBuffer(data, count, size, source, mode, filter);
      scope.postMessage({ id, data, decoder: name, ms: performance.now() - started }, [data.buffer]);
    } catch (error) {
      scope.postMessage({ id, error: String(error) });
    }
  });
};
