import type { ScanStateSnapshot } from '../../scan/types';
import { compareReadouts, type CompareReadouts } from '../../procedure/compareTime';
import type { LevelProgress, ProcedureState } from '../../procedure/procedureState';
import { XRAY_VIEWS, type XrayView } from '../../procedure/types';
import { displayValue } from '../../options/displayValue';
import { ViewerElementBase } from './ViewerElementBase';

/** A plain snapshot of the state, safe to keep (the controller's own object is mutated every frame). */
export type ViewerStateSnapshot = ProcedureState & {
  approach: string;
  /** The treated levels (one level: the same one as `level`), as plain copies. */
  levels: LevelProgress[];
  /** True while narration is speaking a sentence. */
  narrating: boolean;
  /** The open patient information panel, or 'none'. */
  panel: string;
  /** What the stage shows (the `view` option). */
  view: string;
  /** In the compare view, the other procedure's readouts at the aligned moment; otherwise null. */
  compare: CompareReadouts | null;
  /** The patient's own scan: whether one is loaded, the picked centre of the treated body (LPS mm) and its level. */
  scan: ScanStateSnapshot;
};

/** Rendering figures for benchmarks and diagnostics. */
export interface RenderStats {
  drawCalls: number;
  triangles: number;
  geometries: number;
  textures: number;
  /** Recent per-frame main-thread milliseconds (excluding the GL draw). */
  frameMs: number[];
  /** Where the guided camera framed the step's subject: centre and radius in CSS pixels of the canvas. */
  subject: { x: number; y: number; radius: number };
  /** False while part of the scene (patient, C-arm, instruments, cement) still loads after the first frame. */
  sceneComplete: boolean;
}

/** The element's read-outs: state snapshots, the X-ray image, rendering figures. */
export class ViewerDiagnostics extends ViewerElementBase {
  /** The state at the current time as a plain object: the last computed frame (computed once if none is). */
  getState(): ViewerStateSnapshot {
    const c = this.controller;
    const { approach, panel, view } = c.getSettings();
    const compare =
      view === 'compare' ? compareReadouts(c.getTimeline(), c.getTime(), c.procedureOptions()) : null;
    const frame = c.currentFrame();
    const levels = frame.levels.map((entry) => ({ ...entry }));
    const { loaded, target, level } = c.scan.snapshot();
    const scan = { loaded, target: target && { ...target }, level };
    return { ...frame, levels, approach, panel, view, compare, scan, narrating: c.narrating };
  }

  /**
   * A PNG data URL of the simulated fluoroscopy image at the current time (deterministic for the same time and
   * options). Rejects when the view is unknown or no WebGL view is mounted.
   */
  async captureFluoro(options: { view?: string } = {}): Promise<string> {
    const c = this.controller;
    const view = XRAY_VIEWS.find((v) => v === String(options.view ?? 'ap').toLowerCase()) as
      XrayView | undefined;
    if (!view) {
      const message = `captureFluoro view must be "ap" or "lateral", got "${displayValue(String(options.view))}"`;
      c.reportError('command', message);
      throw new Error(message);
    }
    if (!this.isConnected) throw new Error('The viewer is not in a document');
    await c.graphics.ready;
    const url = await c.renderer.captureFluoro(view);
    if (!url) throw new Error('Fluoroscopy needs a WebGL view');
    return url;
  }

  /** Draw calls and triangles of the last frame (all passes), live geometries and textures, frame times. */
  getRenderStats(): RenderStats {
    const { renderer } = this.controller;
    const stats = renderer.frameStats;
    return {
      drawCalls: stats.drawCalls,
      triangles: stats.triangles,
      ...renderer.rendererMemory(),
      frameMs: stats.samples(),
      subject: { ...stats.subject },
      sceneComplete: renderer.sceneComplete,
    };
  }
}
