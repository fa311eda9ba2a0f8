/** What the headless frame loop needs of its viewer. */
export interface HeadlessFrameHost {
  /** True while a renderer draws the frames itself. */
  hasRenderer(): boolean;
  renderFrame(): void;
  /** True while time moves (playing and not held), so another frame is wanted. */
  timeMoves(): boolean;
}

/**
 * Frames without a renderer (no WebGL, poster still up): computed on animation frames, drawing nothing, one
 * pending at a time. Returns the frame requester. Outside a browser (unit tests) it does nothing.
 */
export function headlessFrames(host: HeadlessFrameHost): () => void {
  let pending = false;
  const request = (): void => {
    if (pending || typeof requestAnimationFrame === 'undefined') return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (host.hasRenderer()) return;
      host.renderFrame();
      if (host.timeMoves()) request();
    });
  };
  return request;
}
