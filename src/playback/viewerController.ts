import { createProcedureState, type ProcedureState } from '../procedure/procedureState';
import { stateAt } from '../procedure/stateAt';
import { findStep, stepIndexAt, timelineFor } from '../procedure/timeline';
import { mapTimeToProcedure } from '../procedure/toggleMapping';
import type { ProcedureId, ProcedureOptions, StepId, Timeline } from '../procedure/types';
import type { Clock } from './clock';
import { Emitter } from './emitter';
import { FrameStats } from './frameStats';
import {
  createPlaybackStore,
  type PlaybackEvent,
  type PlaybackRate,
  type PlaybackStore,
} from './playbackStore';
import type { ViewerSettings } from './viewerSettings';

/** Events the controller raises; the element re-dispatches them as DOM CustomEvents. */
export interface ViewerEvents extends Record<string, unknown> {
  play: { time: number };
  pause: { time: number };
  seeked: { time: number };
  ended: { time: number };
  ratechange: { rate: PlaybackRate };
  timeupdate: { time: number; step: StepId };
  stepchange: { step: StepId; index: number; previous: StepId | null };
  procedurechange: { procedure: ProcedureId; time: number };
  settingschange: { settings: ViewerSettings };
  /** Every computed frame; for DOM readouts written through refs (no React state). */
  frame: ProcedureState;
  /** The first frame with the models has been drawn. */
  ready: { time: number };
  graphicschange: { graphics: GraphicsState };
  error: { type: ViewerErrorType; message: string };
}

/** ok: drawing; lost: the WebGL context is gone and a restore is awaited; failed: showing the transcript instead. */
export type GraphicsState = 'ok' | 'lost' | 'failed';

export type ViewerErrorType =
  'webglcontextlost' | 'webglunavailable' | 'modelload' | 'invalidinput' | 'command';

/** Minimum spacing of `timeupdate` events (≤ 4 Hz, like HTMLMediaElement). */
const TIMEUPDATE_MS = 250;

/**
 * The viewer's single source of truth: playback (time), settings (what is shown) and the current frame state.
 * Framework-free; React, the scene and the custom element all read and write through it.
 */
export class ViewerController extends Emitter<ViewerEvents> {
  readonly playback: PlaybackStore;
  /** Hot per-frame values, mutated in place. Read it; never keep references to its fields across frames. */
  readonly state: ProcedureState = createProcedureState();
  /** Frame timings and draw counts, read by the benchmark. */
  readonly frameStats = new FrameStats();
  private settings: ViewerSettings;
  private timeline: Timeline;
  private lastStep: StepId | null = null;
  private lastTimeupdate = -Infinity;
  private invalidator: () => void = () => {};
  private readonly clock: Clock | undefined;
  private resolveReady: () => void = () => {};
  /** Resolves after the first frame with the models has been drawn. */
  readonly ready: Promise<void> = new Promise((resolve) => (this.resolveReady = resolve));
  private isReady = false;

  constructor(settings: ViewerSettings, options: { clock?: Clock; startTime?: number; loop?: boolean } = {}) {
    super();
    this.settings = settings;
    this.clock = options.clock;
    this.timeline = timelineFor(settings.procedure);
    this.playback = createPlaybackStore({
      duration: this.timeline.duration,
      clock: options.clock,
      loop: options.loop,
    });
    if (options.startTime) this.playback.seek(options.startTime);
    this.playback.subscribe((event) => this.onPlayback(event));
    this.computeFrame();
  }

  private graphics: GraphicsState = 'ok';

  getGraphics(): GraphicsState {
    return this.graphics;
  }

  /** The WebGL context was lost: pause where we are (the state is kept here, so nothing is lost with it). */
  graphicsLost(): void {
    if (this.graphics === 'lost') return;
    this.pause();
    this.setGraphics('lost');
    this.reportError('webglcontextlost', 'The WebGL context was lost; restoring the 3D view.');
  }

  /** A context is drawing again (restored, or a fresh canvas after a remount): same time, same step. */
  graphicsRestored(): void {
    if (this.graphics === 'ok') return;
    this.setGraphics('ok');
    this.refresh();
  }

  /** Restoring failed for good: the viewer stays on the transcript. */
  graphicsFailed(): void {
    this.setGraphics('failed');
  }

  private setGraphics(graphics: GraphicsState): void {
    this.graphics = graphics;
    this.emit('graphicschange', { graphics });
  }

  markReady(): void {
    if (this.isReady) return;
    this.isReady = true;
    this.resolveReady();
    this.emit('ready', { time: this.state.time });
  }

  get readyState(): boolean {
    return this.isReady;
  }

  private memory: () => { geometries: number; textures: number } = () => ({ geometries: 0, textures: 0 });

  /** The renderer registers where its live geometry and texture counts come from. */
  setMemoryProbe(probe: () => { geometries: number; textures: number }): void {
    this.memory = probe;
  }

  rendererMemory(): { geometries: number; textures: number } {
    return this.memory();
  }

  private fluoroCapture: ((view: 'ap' | 'lateral') => string) | null = null;
  private captureRequests: { view: 'ap' | 'lateral'; resolve: (url: string | null) => void }[] = [];

  /** The renderer registers how to capture a fluoro image; null while no WebGL view is mounted. */
  setFluoroCapture(capture: ((view: 'ap' | 'lateral') => string) | null): void {
    this.fluoroCapture = capture;
    if (!capture) this.fulfilCaptures();
  }

  /**
   * PNG data URL of the fluoro image at the current time. Taken at the end of the next rendered frame, once every
   * object has moved to the current state; null without a WebGL view.
   */
  captureFluoro(view: 'ap' | 'lateral'): Promise<string | null> {
    if (!this.fluoroCapture) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.captureRequests.push({ view, resolve });
      this.invalidate();
    });
  }

  /** Called by the renderer after a frame is drawn. */
  fulfilCaptures(): void {
    if (this.captureRequests.length === 0) return;
    const requests = this.captureRequests;
    this.captureRequests = [];
    for (const request of requests)
      request.resolve(this.fluoroCapture ? this.fluoroCapture(request.view) : null);
  }

  reportError(type: ViewerErrorType, message: string): void {
    this.emit('error', { type, message });
  }

  getSettings(): ViewerSettings {
    return this.settings;
  }

  getTimeline(): Timeline {
    return this.timeline;
  }

  private options: ProcedureOptions | null = null;

  /** The options that shape the procedure; the same object until one of them changes (stateAt caches by it). */
  procedureOptions(): ProcedureOptions {
    const s = this.settings;
    const o = this.options;
    if (
      !o ||
      o.level !== s.level ||
      o.grade !== s.grade ||
      o.morphology !== s.morphology ||
      o.approach !== s.approach
    ) {
      this.options = { level: s.level, grade: s.grade, morphology: s.morphology, approach: s.approach };
    }
    return this.options!;
  }

  /** The renderer registers how to request a frame (R3F `invalidate`, or a rAF loop without WebGL). */
  setInvalidator(invalidate: () => void): void {
    this.invalidator = invalidate;
    invalidate();
  }

  invalidate(): void {
    this.invalidator();
  }

  /** Advance playback and recompute the frame state. Called from the render loop; allocation-free. */
  computeFrame(): ProcedureState {
    const time = this.playback.tick();
    stateAt(this.timeline, this.procedureOptions(), time, this.state);
    if (this.state.step !== this.lastStep) {
      const previous = this.lastStep;
      this.lastStep = this.state.step;
      this.emit('stepchange', { step: this.state.step, index: this.state.stepIndex, previous });
    }
    const now = this.clock ? this.clock.now() : performance.now();
    if (this.playback.getSnapshot().playing && now - this.lastTimeupdate >= TIMEUPDATE_MS) {
      this.lastTimeupdate = now;
      this.emit('timeupdate', { time: this.state.time, step: this.state.step });
    }
    this.emit('frame', this.state);
    return this.state;
  }

  updateSettings(patch: Partial<ViewerSettings>): void {
    const next = { ...this.settings, ...patch };
    const changed = (Object.keys(patch) as (keyof ViewerSettings)[]).some(
      (k) => this.settings[k] !== next[k],
    );
    if (!changed) return;
    if (next.procedure !== this.settings.procedure) {
      this.switchProcedure(next.procedure);
      return this.updateSettings(patch);
    }
    this.settings = next;
    this.emit('settingschange', { settings: next });
    this.refresh();
  }

  /** Toggle procedure keeping the viewer's place (same step and progress, or the next shared step). */
  private switchProcedure(procedure: ProcedureId): void {
    const time = mapTimeToProcedure(this.timeline, this.playback.getTime(), procedure);
    this.timeline = timelineFor(procedure);
    this.settings = { ...this.settings, procedure };
    this.playback.setDuration(this.timeline.duration, time);
    this.emit('procedurechange', { procedure, time });
    this.emit('settingschange', { settings: this.settings });
    this.refresh();
  }

  play(): void {
    this.playback.play();
  }

  pause(): void {
    this.playback.pause();
  }

  togglePlay(): void {
    if (this.playback.getSnapshot().playing) this.pause();
    else this.play();
  }

  seek(time: number): void {
    this.playback.seek(time);
  }

  /** Go to the first frame of a step; false if the step is not in this procedure. */
  seekStep(id: StepId): boolean {
    const step = findStep(this.timeline, id);
    if (!step) return false;
    this.seek(step.start);
    return true;
  }

  /** Previous step: to this step's start when more than a moment into it, like a media player's back button. */
  previousStep(): void {
    const t = this.playback.getTime();
    const index = stepIndexAt(this.timeline, t);
    const step = this.timeline.steps[index]!;
    const target = t - step.start > 1 || index === 0 ? step : this.timeline.steps[index - 1]!;
    this.seek(target.start);
  }

  nextStep(): void {
    const index = stepIndexAt(this.timeline, this.playback.getTime());
    const next = this.timeline.steps[index + 1];
    this.seek(next ? next.start : this.timeline.duration);
  }

  setRate(rate: PlaybackRate): void {
    this.playback.setRate(rate);
  }

  private refresh(): void {
    this.computeFrame();
    this.invalidate();
  }

  private onPlayback(event: PlaybackEvent): void {
    const time = this.playback.getTime();
    if (event === 'play' || event === 'pause' || event === 'seeked' || event === 'ended')
      this.emit(event, { time });
    if (event === 'ratechange') this.emit('ratechange', { rate: this.playback.getSnapshot().rate });
    // Ended is raised from inside computeFrame's tick; don't recurse into it.
    if (event !== 'ended' && event !== 'pause') this.refresh();
    else this.invalidate();
  }
}
