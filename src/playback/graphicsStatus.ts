import type { GraphicsState } from './viewerEvents';

/**
 * Whether the 3D view is drawing, and whether the first frame with the models has been drawn: the viewer's one
 * readiness source. `ready` is renewed each time the viewer is mounted again (a fresh canvas draws a fresh frame).
 */
export class GraphicsStatus {
  graphics: GraphicsState = 'ok';
  isReady = false;
  private resolveReady: () => void = () => {};
  ready: Promise<void> = this.pendingReady();

  private pendingReady(): Promise<void> {
    return new Promise((resolve) => (this.resolveReady = resolve));
  }

  /** The first frame has been drawn; false if it already was. */
  markReady(): boolean {
    if (this.isReady) return false;
    this.isReady = true;
    this.resolveReady();
    return true;
  }

  /** The view is unmounted: the next mount must draw again before the viewer is ready. */
  reset(): void {
    if (!this.isReady) return;
    this.isReady = false;
    this.ready = this.pendingReady();
  }
}
