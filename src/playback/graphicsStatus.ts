import type { Emitter } from './emitter';
import type { GraphicsState, ViewerEvents } from './viewerEvents';

/** What the graphics status needs of its viewer. */
export interface GraphicsStatusHost extends Pick<Emitter<ViewerEvents>, 'emit'> {
  pause(): void;
  requestFrame(): void;
  getTime(): number;
}

/**
 * Whether the 3D view is drawing, and whether the first frame with the models has been drawn: the viewer's one
 * readiness source. `ready` is renewed each time the view is mounted again (a fresh canvas draws a fresh frame).
 */
export class GraphicsStatus {
  private current: GraphicsState = 'ok';
  private isReady = false;
  private resolveReady: () => void = () => {};
  private readyPromise: Promise<void> = this.pendingReady();

  constructor(private readonly host: GraphicsStatusHost) {}

  /** ok: drawing; lost: waiting for the context to come back; failed: showing the transcript instead. */
  get state(): GraphicsState {
    return this.current;
  }

  /** Resolves after the first frame with the models has been drawn; renewed when the view is mounted again. */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  get readyState(): boolean {
    return this.isReady;
  }

  /** The first frame with the models has been drawn (or, without WebGL, the transcript is shown). */
  markReady(): void {
    if (this.isReady) return;
    this.isReady = true;
    this.resolveReady();
    this.host.emit('ready', { time: this.host.getTime() });
  }

  /** The WebGL context was lost: pause where we are (the state is kept, so nothing is lost with it). */
  lost(): void {
    if (this.current === 'lost') return;
    this.host.pause();
    this.set('lost');
    this.host.emit('error', {
      type: 'webglcontextlost',
      message: 'The WebGL context was lost; restoring the 3D view.',
    });
  }

  /** A context is drawing again (restored, or a fresh canvas after a remount): same time, same step. */
  restored(): void {
    if (this.current === 'ok') return;
    this.set('ok');
    this.host.requestFrame();
  }

  /** Restoring failed for good: the viewer stays on the transcript. */
  failed(): void {
    this.set('failed');
  }

  /** The view was unmounted: pause, and wait for a fresh first frame before being ready again. */
  unmounted(): void {
    this.host.pause();
    if (!this.isReady) return;
    this.isReady = false;
    this.readyPromise = this.pendingReady();
  }

  private set(state: GraphicsState): void {
    this.current = state;
    this.host.emit('graphicschange', { graphics: state });
  }

  private pendingReady(): Promise<void> {
    return new Promise((resolve) => (this.resolveReady = resolve));
  }
}
