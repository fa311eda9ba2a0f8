/** The element API the benchmark drives (see src/embed/ and the README's "The element API"). */
export type Viewer = HTMLElement & {
  ready: Promise<void>;
  currentTime: number;
  readonly duration: number;
  procedure: string;
  step: string;
  readonly steps: { id: string; start: number; end: number }[];
  play(): Promise<void>;
  pause(): void;
  getState(): { step: string; procedure: string; fluoroView: string };
  getRenderStats(): {
    drawCalls: number;
    triangles: number;
    geometries: number;
    textures: number;
    frameMs: number[];
    /** False while part of the scene still loads after the first frame. */
    sceneComplete: boolean;
  };
};

/** Capacity of the viewer's frame-time ring buffer (src/playback/frameStats.ts). */
export const FRAME_RING = 2048;

/**
 * Draw-call sweep, frame times and loops: the figures do not depend on the canvas size (counts; main-thread time
 * without the GL draw), and a smaller canvas keeps software GL from setting the running time.
 */
export const WORK_VIEWPORT = { width: 640, height: 360 };
