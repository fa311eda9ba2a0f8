/**
 * A ResizeObserver that also reports once as soon as it starts observing, for the canvas's size measurement
 * (react-use-measure, through R3F's `resize` option). A plain ResizeObserver first reports at the next rendering
 * opportunity, which on a busy page (models decoding, a software GPU finishing earlier work) can come a few
 * hundred milliseconds later; R3F creates the WebGL renderer only once it has a size, and the studio light and
 * the shader warm-up wait for the renderer. Reporting at once lets all of that start while the model is decoded.
 */
export class PromptResizeObserver implements ResizeObserver {
  private readonly observer: ResizeObserver;

  constructor(private readonly callback: ResizeObserverCallback) {
    this.observer = new ResizeObserver(callback);
  }

  observe(target: Element, options?: ResizeObserverOptions): void {
    this.observer.observe(target, options);
    // A microtask: after the effect that starts observing has returned, before anything else runs.
    queueMicrotask(() => this.callback([], this.observer));
  }

  unobserve(target: Element): void {
    this.observer.unobserve(target);
  }

  disconnect(): void {
    this.observer.disconnect();
  }
}
