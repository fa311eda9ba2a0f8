/**
 * The page's side of the decoding worker (meshoptDecode.worker.ts, which reads the whole model), and the
 * pure-JavaScript decoding used on the main thread where no worker can run (a viewer script served from another
 * origin than the page, a worker that fails to load), never WebAssembly: in the page, a WebAssembly attempt under
 * a strict Content-Security-Policy would be refused with a reported violation, and the page cannot tell
 * beforehand. Every view's decode is recorded as a `spine-model-decode` performance measure (detail: which
 * decoder, where, and the decoding time proper), so pages and tests can read how the model was decoded.
 */
import type { DecodeReply, WorkerRequest } from './meshoptDecode.worker';
import decodeWorkerUrl from './meshoptDecode.worker.ts?worker&url';
import { packageFileUrl } from './packageFileUrl';

/** What GLTFLoader.setMeshoptDecoder uses of a decoder (three.js calls decodeGltfBufferAsync when present). */
export interface GltfMeshoptDecoder {
  supported: boolean;
  ready: Promise<void>;
  decodeGltfBufferAsync(
    count: number,
    size: number,
    source: Uint8Array,
    mode: string,
    filter?: string,
  ): Promise<Uint8Array>;
}

/** Detail of a `spine-model-decode` performance measure. */
export interface SpineDecodeDetail {
  decoder: 'wasm' | 'js';
  thread: 'worker' | 'main';
  /** Time spent decoding proper (the measure's own duration also counts starting the worker and messaging). */
  decodeMs: number;
}

/** How long an idle worker lives before it is ended (the model's views arrive within one load). */
const WORKER_IDLE_MS = 2000;

/** Record one view's decode as a `spine-model-decode` measure from `started` to now. */
export function recordDecode(started: number, detail: SpineDecodeDetail): void {
  performance.measure('spine-model-decode', { start: started, end: performance.now(), detail });
}

/** Decode on the main thread with the pure-JavaScript decoder, loaded only when first needed. */
export async function decodeOnMainThread(
  count: number,
  size: number,
  source: Uint8Array,
  mode: string,
  filter?: string,
): Promise<Uint8Array> {
  const started = performance.now();
  const { MeshoptReferenceDecoder } = await import('./meshoptReference');
  const decodeStarted = performance.now();
  const data = new Uint8Array(count * size);
  MeshoptReferenceDecoder.decodeGltfBuffer(data, count, size, source, mode, filter);
  recordDecode(started, { decoder: 'js', thread: 'main', decodeMs: performance.now() - decodeStarted });
  return data;
}

/** A request as the page writes it: each kind without its `id`, which the decoder adds. */
type Unsent<R> = R extends unknown ? Omit<R, 'id'> : never;

type Pending = {
  resolve: (reply: DecodeReply) => void;
  reject: (error: Error) => void;
};

/** No worker could run (it could not be started or failed to load): the caller decodes on the main thread. */
export class WorkerUnavailable extends Error {}

class WorkerDecoder {
  private worker: Worker | null = null;
  private broken = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Requests on their way (a model still downloading): the worker is not ended while any is. */
  private holds = 0;

  /**
   * Start the worker now and keep it running until the returned function is called: a request is on its way (the
   * model downloading, which on a slow network takes longer than the worker's idle time after reading the light).
   */
  hold(): () => void {
    this.start();
    this.holds++;
    clearTimeout(this.idleTimer);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.holds--;
      this.scheduleIdleStop();
    };
  }

  private start(): Worker | null {
    if (this.worker || this.broken) return this.worker;
    try {
      // A module worker: it loads the JavaScript decoder only where WebAssembly is refused.
      const worker = new Worker(packageFileUrl(decodeWorkerUrl), { type: 'module' });
      worker.onmessage = (event: MessageEvent<DecodeReply>) => this.answer(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.fail(new WorkerUnavailable(`meshopt worker failed: ${event.message || 'could not load'}`));
      };
      this.worker = worker;
    } catch {
      // A cross-origin script may not start a worker (SecurityError): decode on the main thread instead.
      this.broken = true;
    }
    return this.worker;
  }

  private answer(reply: DecodeReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    if ('error' in reply) job.reject(new Error(reply.error));
    else job.resolve(reply);
    this.scheduleIdleStop();
  }

  private fail(error: Error): void {
    this.broken = true;
    this.worker?.terminate();
    this.worker = null;
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) job.reject(error);
  }

  private scheduleIdleStop(): void {
    clearTimeout(this.idleTimer);
    if (this.pending.size > 0 || this.holds > 0) return;
    this.idleTimer = setTimeout(() => {
      if (this.pending.size > 0 || this.holds > 0) return;
      this.worker?.terminate();
      this.worker = null;
    }, WORKER_IDLE_MS);
  }

  /**
   * Send a request (its `id` is added) and wait for the reply; rejects with WorkerUnavailable when there is no
   * working worker, or with the worker's own error.
   */
  request(message: Unsent<WorkerRequest>, transfer: Transferable[] = []): Promise<DecodeReply> {
    const worker = this.start();
    if (!worker) return Promise.reject(new WorkerUnavailable('no worker'));
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise<DecodeReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id }, transfer);
    });
  }
}

let shared: WorkerDecoder | undefined;
/** The page's one decoding worker (it ends when idle and starts again for the next request). */
export function decodingWorker(): WorkerDecoder {
  shared ??= new WorkerDecoder();
  return shared;
}
