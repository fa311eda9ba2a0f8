/**
 * Decodes the spine model off the main thread: the whole GLB (anatomy/spineGlbDecode.ts: its meshopt-compressed
 * views, accessors and the preparation of every part mesh). WebAssembly is tried here, not in the page: a worker loaded from the viewer's own origin
 * runs under the policy of its own response, so a page whose strict Content-Security-Policy refuses WebAssembly
 * ('wasm-unsafe-eval' absent) sees no violation, and where the worker's policy refuses it too, the worker falls
 * back to the pure-JavaScript decoder. Each reply says which decoder ran and how long it took.
 */
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import { LightBeforeModel } from './lightBeforeModel';
import { decodedBuffers, decodeSpineGlb, type DecodedSpine } from './spineGlbDecode';
import { mergeStaticArrays, staticMergeBuffers, type StaticMergeArrays } from './staticMerge';
import { loadStudioLight, type StudioLightCube } from './studioLightFormat';

/** A request from meshoptWorkerDecoder.ts: a whole spine GLB. */
export interface ModelRequest {
  id: number;
  kind: 'model';
  glb: ArrayBuffer;
  /** Also merge the static spine without these levels (the ones the first viewer opens on treating). */
  mergeExcluding?: string[] | undefined;
}

/**
 * A request for the studio light (models/studio-light.bin): read here too, so the page's thread spends nothing on
 * its hundred thousand texels before the first frame (about 20 ms there on this machine, four times that on a
 * slow phone).
 */
export interface LightRequest {
  id: number;
  kind: 'light';
  url: string;
}

/** What the page asks of the worker. */
export type WorkerRequest = ModelRequest | LightRequest;

/** Which decoder decoded a view, and how long it took. */
export interface ViewTiming {
  decoder: 'wasm' | 'js';
  ms: number;
}

/** The answer: the decoded model, with each view's timing, or why not. */
export type DecodeReply =
  | { id: number; model: DecodedSpine; views: ViewTiming[]; premerged?: StaticMergeArrays }
  | { id: number; light: StudioLightCube }
  | { id: number; error: string };

const decoder: Promise<{ impl: typeof MeshoptDecoder; name: 'wasm' | 'js' }> = (
  MeshoptDecoder.supported ? MeshoptDecoder.ready : Promise.reject(new Error('no WebAssembly'))
).then(
  () => ({ impl: MeshoptDecoder, name: 'wasm' as const }),
  // Fetched only where WebAssembly is refused (the strict CSP): most visits never download it.
  () => import('./meshoptReference').then((m) => ({ impl: m.MeshoptReferenceDecoder, name: 'js' as const })),
);

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: DecodeReply, transfer?: Transferable[]): void;
};

async function decodeModel({ id, glb, mergeExcluding }: ModelRequest): Promise<void> {
  const { impl, name } = await decoder;
  const views: ViewTiming[] = [];
  const model = await decodeSpineGlb(glb, (count, size, source, mode, filter) => {
    const started = performance.now();
    const data = new Uint8Array(count * size);
    impl.decodeGltfBuffer(data, count, size, source, mode, filter);
    views.push({ decoder: name, ms: performance.now() - started });
    return data;
  });
  // Here, while the page is still setting up its canvas, rather than on the page once the model has arrived.
  const premerged = mergeExcluding && mergeStaticArrays(model, mergeExcluding);
  scope.postMessage({ id, model, views, ...(premerged && { premerged }) }, [
    ...decodedBuffers(model),
    ...(premerged ? staticMergeBuffers(premerged) : []),
  ]);
}

/** The studio light's file read into its cube; a download or format error is the reply's error. */
async function decodeLight({ id, url }: LightRequest): Promise<void> {
  const light = await loadStudioLight(url);
  scope.postMessage({ id, light }, [light.rgb.buffer as ArrayBuffer]);
}

const order = new LightBeforeModel();

scope.onmessage = (event) => {
  const request = event.data;
  const done =
    request.kind === 'light' ? order.light(decodeLight(request)) : order.model(() => decodeModel(request));
  done.catch((error: unknown) =>
    scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
};
