import type { XrayView } from '../procedure/types';
import { CameraCommands } from './cameraCommands';
import { FrameStats } from './frameStats';

/** How a frame gets drawn: R3F's `invalidate`, or (no renderer yet) a callback on the next animation frame. */
export type FrameRequester = () => void;

/**
 * What the controller knows of whoever draws it: how to ask for a frame, how to capture the X-ray, the live
 * geometry/texture counts and frame timings. Holds no state of the procedure.
 */
export class RendererBridge {
  /** Frame timings and draw counts, read by the benchmark. */
  readonly frameStats = new FrameStats();
  /** Keyboard and button requests to turn, zoom or reset the 3D view, and the camera's current pose. */
  readonly camera = new CameraCommands();
  private requester: FrameRequester | null = null;
  private memory: () => { geometries: number; textures: number } = () => ({ geometries: 0, textures: 0 });
  private fluoroCapture: ((view: XrayView) => string) | null = null;
  private captureRequests: { view: XrayView; bare: boolean; resolve: (url: string | null) => void }[] = [];
  /** Parts of the scene still loading: the features chunk, a scan's X-ray or bone surface. */
  private readonly partsLoading = new Set<string>();
  private readonly partsListeners = new Set<() => void>();
  private partsWaiters: (() => void)[] = [];
  private frameWaiters: (() => void)[] = [];

  /** @param fallback asks for a frame when no renderer is attached (no WebGL, poster still showing). */
  constructor(private readonly fallback: FrameRequester) {}

  /** The renderer attaches its frame requester; null when it goes away. */
  attach(requester: FrameRequester | null): void {
    this.requester = requester;
    this.requestFrame();
  }

  get attached(): boolean {
    return this.requester !== null;
  }

  requestFrame(): void {
    (this.requester ?? this.fallback)();
  }

  /** The renderer registers where its live geometry and texture counts come from. */
  setMemoryProbe(probe: () => { geometries: number; textures: number }): void {
    this.memory = probe;
  }

  rendererMemory(): { geometries: number; textures: number } {
    return this.memory();
  }

  /**
   * Whether a part of the scene is still loading after the first frame (`features`: patient, C-arm, instruments,
   * cement; `scan-xray`, `scan-bone`: a patient scan's). Frames drawn meanwhile lack that part; captures wait.
   */
  setPartsLoading(loading: boolean, part = 'features'): void {
    const changed = loading !== this.partsLoading.has(part);
    if (loading) this.partsLoading.add(part);
    else this.partsLoading.delete(part);
    if (changed) this.partsListeners.forEach((listener) => listener());
    if (this.partsLoading.size > 0) return;
    const waiters = this.partsWaiters;
    this.partsWaiters = [];
    waiters.forEach((resolve) => resolve());
    this.requestFrame();
  }

  /** Whether a part whose name starts with `prefix` is loading (`scan-`: a patient scan's pictures). */
  partLoading(prefix: string): boolean {
    for (const part of this.partsLoading) if (part.startsWith(prefix)) return true;
    return false;
  }

  /** Call `listener` whenever a part starts or finishes loading; returns the unsubscribe. */
  onPartsChange(listener: () => void): () => void {
    this.partsListeners.add(listener);
    return () => this.partsListeners.delete(listener);
  }

  /** True once every part of the scene is loaded (read by getRenderStats). */
  get sceneComplete(): boolean {
    return this.partsLoading.size === 0;
  }

  /** Resolves when every part of the scene is loaded (at once if it is). */
  whenSceneComplete(): Promise<void> {
    if (this.partsLoading.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.partsWaiters.push(resolve));
  }

  /** The renderer registers how to capture a fluoro image; null while no WebGL view is mounted. */
  setFluoroCapture(capture: ((view: XrayView) => string) | null): void {
    this.fluoroCapture = capture;
    if (!capture) this.fulfilCaptures();
  }

  /**
   * PNG data URL of the fluoro image at the current time. Taken at the end of the next rendered frame once the
   * whole scene is loaded, so every object has moved to the current state; null without a WebGL view.
   */
  captureFluoro(view: XrayView, options: { bare?: boolean } = {}): Promise<string | null> {
    if (!this.fluoroCapture) return Promise.resolve(null);
    // The instruments are part of the X-ray: a capture waits for them to be in the scene.
    return this.whenSceneComplete().then(
      () =>
        new Promise((resolve) => {
          this.captureRequests.push({ view, bare: options.bare ?? false, resolve });
          this.requestFrame();
        }),
    );
  }

  /**
   * Whether the frame being drawn is for a `bare` capture: the 3D view without its X-ray inset (the handout copies
   * that frame and shows the X-ray beside it, larger).
   */
  get bareFrame(): boolean {
    return this.captureRequests.some((request) => request.bare);
  }

  /**
   * Resolves right after the next frame is drawn with the whole scene, in the same task: the canvas still holds
   * that frame (it is not preserved past the task), so a video export can copy it there.
   */
  nextDrawnFrame(): Promise<void> {
    return this.whenSceneComplete().then(
      () =>
        new Promise<void>((resolve) => {
          this.frameWaiters.push(resolve);
          this.requestFrame();
        }),
    );
  }

  /** Called by the renderer after a frame is drawn (and when it goes away). */
  fulfilCaptures(): void {
    if (this.frameWaiters.length > 0) {
      const waiters = this.frameWaiters;
      this.frameWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
    if (this.captureRequests.length === 0) return;
    const requests = this.captureRequests;
    this.captureRequests = [];
    for (const request of requests)
      request.resolve(this.fluoroCapture ? this.fluoroCapture(request.view) : null);
  }
}
