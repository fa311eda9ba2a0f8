import type { OptionKey, ViewerOptions } from '../options/optionSchema';
import type { PlaybackRate } from '../options/optionValues';
import type { ProcedureState } from '../procedure/procedureState';
import { nextStepLanding, previousStepLanding, stepLanding } from '../procedure/stepNavigation';
import { stepIndexAt } from '../procedure/timeline';
import { levelOptionsOf } from '../procedure/treatedLevels';
import { mapTimeToTimeline } from '../procedure/toggleMapping';
import { reconcileLevelLists } from '../options/levelLists';
import { translate } from '../i18n/catalog';
import type { ProcedureOptions, StepId, Timeline } from '../procedure/types';
import { performanceClock, type Clock } from './clock';
import { Emitter } from './emitter';
import { FrameState } from './frameState';
import { GraphicsStatus } from './graphicsStatus';
import { headlessFrames } from './headlessFrames';
import { MediaEventOrder } from './mediaEventOrder';
import { switchLanguage } from './languageSwitch';
import { NoticeBoard } from './noticeBoard';
import { ScanSession } from './scanSession';
import {
  createPlaybackStore,
  type PlaybackEvent,
  type PlaybackSnapshot,
  type PlaybackStore,
} from './playbackStore';
import { RendererBridge } from './rendererBridge';
import type { ViewerErrorType, ViewerEvents } from './viewerEvents';
import {
  isSettingOption,
  procedureOptionsOf,
  SETTING_OF_OPTION,
  timelineOfSettings,
  type ViewerSettings,
} from './viewerSettings';

export type { GraphicsState, ViewerErrorType, ViewerEvents } from './viewerEvents';

/** Minimum spacing of `timeupdate` events (≤ 4 Hz, like HTMLMediaElement). */
const TIMEUPDATE_MS = 250;

/** Options a controller starts with besides its settings. */
export interface ViewerControllerOptions {
  clock?: Clock;
  startTime?: number;
  loop?: boolean;
  rate?: PlaybackRate;
}

/**
 * The viewer's single source of truth: settings (what is shown), playback (time) and the frame. Commands change the
 * settings or the playback store and ask for a frame; only `renderFrame()` — once per rendered frame, from the
 * renderer's loop — derives the procedure state. Framework-free; React, the scene and the element all go through it.
 */
export class ViewerController extends Emitter<ViewerEvents> {
  readonly renderer: RendererBridge;
  private readonly playback: PlaybackStore;
  private readonly frame = new FrameState();
  /** Drawing, lost or failed, and the one readiness source. */
  readonly graphics = new GraphicsStatus(this);
  /** The notices shown in this viewer. */
  readonly notices = new NoticeBoard(this);
  /** The patient's own scan, when one is opened. */
  readonly scan = new ScanSession(this);
  private readonly clock: Clock;
  private settings: ViewerSettings;
  private timeline: Timeline;
  private options: ProcedureOptions | null = null;
  private lastStep: StepId | null = null;
  private lastStepKey: string | null = null;
  private lastBone: ViewerEvents['bonechange'] = { level: 'L1', grade: 0, morphology: '' };
  private lastTimeupdate = -Infinity;
  private narratingNow = false;
  /** Playback changes as media-element events, in a media element's order. */
  private readonly media = new MediaEventOrder(this);

  constructor(settings: ViewerSettings, options: ViewerControllerOptions = {}) {
    super();
    this.settings = settings;
    this.clock = options.clock ?? performanceClock;
    this.timeline = timelineOfSettings(settings);
    this.renderer = new RendererBridge(
      headlessFrames({
        hasRenderer: () => this.renderer.attached,
        renderFrame: () => this.renderFrame(),
        timeMoves: () => this.playback.getSnapshot().playing && !this.playback.getSnapshot().waiting,
      }),
    );
    this.playback = createPlaybackStore({
      duration: this.timeline.duration,
      clock: this.clock,
      loop: options.loop,
    });
    if (options.startTime) this.playback.seek(options.startTime);
    if (options.rate) this.playback.setRate(options.rate);
    this.playback.subscribe((event) => this.onPlayback(event));
    // The starting frame, so every reader has a real state before anything is drawn.
    this.currentFrame();
  }

  getSettings(): ViewerSettings {
    return this.settings;
  }

  getTimeline(): Timeline {
    return this.timeline;
  }

  getTime(): number {
    return this.playback.getTime();
  }

  getPlayback(): PlaybackSnapshot {
    return this.playback.getSnapshot();
  }

  /** The step at the current time (read from the timeline; no frame needed). */
  currentStep(): StepId {
    return this.timeline.steps[stepIndexAt(this.timeline, this.playback.getTime())]!.id;
  }

  /** The current step's unique key: its id, or `id@level` for a step done per level (`access@T12`). */
  currentStepKey(): string {
    return this.timeline.steps[stepIndexAt(this.timeline, this.playback.getTime())]!.key;
  }

  /** The last computed frame: hot, mutated in place each frame. Read it inside a frame; never keep it. */
  get state(): ProcedureState {
    return this.frame.state;
  }

  /** The options that shape the procedure; the same object until one of them changes (stateAt caches by it). */
  procedureOptions(): ProcedureOptions {
    this.options = procedureOptionsOf(this.settings, this.options);
    return this.options;
  }

  /** Each treated level as one-level options, in treatment order (one entry for one level). */
  treatedLevelOptions(): readonly ProcedureOptions[] {
    return levelOptionsOf(this.procedureOptions(), this.timeline.levels);
  }

  /** Which treated level the current moment works on (read from the timeline; no frame needed). */
  currentLevelIndex(): number {
    const step = this.timeline.steps[stepIndexAt(this.timeline, this.playback.getTime())]!;
    return Math.min(step.levelIndex, this.treatedLevelOptions().length - 1);
  }

  /**
   * The frame at the current time: computed only if the last computed frame is not already there (a render at this
   * moment, or an earlier call, shares it). For `getState()` and the renderer alike.
   */
  currentFrame(): ProcedureState {
    if (this.frame.update(this.timeline, this.procedureOptions(), this.playback.getTime())) this.onComputed();
    return this.frame.state;
  }

  /** Called once per rendered frame by whoever draws (the scene's driver, or the headless ticker). */
  renderFrame(): ProcedureState {
    const state = this.currentFrame();
    if (this.playback.getSnapshot().playing) {
      const now = this.clock.now();
      if (now - this.lastTimeupdate >= TIMEUPDATE_MS) {
        this.lastTimeupdate = now;
        this.emit('timeupdate', { time: state.time, step: state.step });
      }
    }
    return state;
  }

  private onComputed(): void {
    const state = this.frame.state;
    // By key: with several levels the same step comes once per level (access@T12, then access@L1).
    if (state.stepKey !== this.lastStepKey) {
      const previous = this.lastStep;
      this.lastStep = state.step;
      this.lastStepKey = state.stepKey;
      this.emit('stepchange', { step: state.step, key: state.stepKey, index: state.stepIndex, previous });
    }
    // The bone shown changed (another level, grade or shape): text that names it re-renders (the caption).
    if (
      state.level !== this.lastBone.level ||
      state.grade !== this.lastBone.grade ||
      state.morphology !== this.lastBone.morphology
    ) {
      this.lastBone = { level: state.level, grade: state.grade, morphology: state.morphology };
      this.emit('bonechange', this.lastBone);
    }
    this.emit('frame', state);
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

  /**
   * Go to the frame that shows a step's action (stepLanding), by key (`access@T12`) or id; false if the step is not
   * in this procedure.
   */
  seekStep(id: string): boolean {
    const time = stepLanding(this.timeline, id);
    if (time === undefined) return false;
    this.seek(time);
    return true;
  }

  previousStep(): void {
    this.seek(previousStepLanding(this.timeline, this.playback.getTime()));
  }

  nextStep(): void {
    this.seek(nextStepLanding(this.timeline, this.playback.getTime()));
  }

  /**
   * Hold playing time at `t` when it gets there (extended-description style: narration longer than its step), until
   * `releaseHold()`. `getPlayback().playing` stays true and `waiting` is set while held; pause, seek and a
   * procedure change drop the hold. Sets nothing observable until the store's own timer reaches `t`.
   */
  holdAt(t: number): void {
    this.playback.holdAt(t);
  }

  /** Drop the hold point; held time runs on from where it stands. */
  releaseHold(): void {
    this.playback.releaseHold();
  }

  /** True while a narration sentence is being spoken (set by the narration module). */
  get narrating(): boolean {
    return this.narratingNow;
  }

  setNarrating(narrating: boolean): void {
    if (narrating === this.narratingNow) return;
    this.narratingNow = narrating;
    this.emit('narrationchange', { narrating });
  }

  setRate(rate: PlaybackRate): void {
    this.playback.setRate(rate);
  }

  setLoop(loop: boolean): void {
    this.playback.setLoop(loop);
  }

  /** Narration volume, 0 to 1 (the element checks the range and reports bad values). */
  setVolume(volume: number): void {
    this.playback.setVolume(volume);
  }

  /** Mute narration: it stops speaking and no longer holds the timeline. */
  setMuted(muted: boolean): void {
    this.playback.setMuted(muted);
  }

  beginScrub(): void {
    this.playback.beginScrub();
  }

  endScrub(): void {
    this.playback.endScrub();
  }

  updateSettings(patch: Partial<ViewerSettings>): void {
    const keys = Object.keys(patch) as (keyof ViewerSettings)[];
    const merged = { ...this.settings, ...patch };
    if (!keys.some((k) => this.settings[k] !== merged[k])) return;
    // The level options agree with each other whichever changed (a grade list too short gets a notice).
    const picked = 'level' in patch && !('levels' in patch);
    const { values: next, notices } = reconcileLevelLists(merged, merged.lang, picked);
    if (notices.length > 0)
      this.notices.add(notices, notices.map((n) => translate('en', n.key, n.params)).join(' '));
    const switching =
      next.procedure !== this.settings.procedure || next.levels.join() !== this.settings.levels.join();
    // Settings first, so listeners of the switch's events read the new procedure.
    this.settings = next;
    if (switching) this.switchTimeline(timelineOfSettings(next));
    this.emit('settingschange', { settings: next });
    this.requestFrame();
  }

  /**
   * Apply one parsed public option while the viewer runs. Start-only options seek (`step`, `time`) or do nothing
   * (`autoplay`); element options are the element's. Returns false when a step is not part of the procedure.
   */
  setOption<K extends OptionKey>(key: K, value: ViewerOptions[K]): boolean {
    if (key === 'lang') switchLanguage(this, value as string);
    else if (isSettingOption(key)) this.updateSettings({ [SETTING_OF_OPTION[key]]: value });
    else if (key === 'rate') this.setRate(value as PlaybackRate);
    else if (key === 'loop') this.setLoop(value as boolean);
    else if (key === 'time' && value !== null) this.seek(value as number);
    else if (key === 'step' && value !== null) return this.seekStep(value as string);
    return true;
  }

  /**
   * Toggle procedure or treated levels keeping the viewer's place (same step and progress, or the next step both
   * have).
   */
  private switchTimeline(timeline: Timeline): void {
    const time = mapTimeToTimeline(this.timeline, this.playback.getTime(), timeline);
    const procedure = timeline.procedure;
    const changedProcedure = procedure !== this.timeline.procedure;
    this.timeline = timeline;
    this.playback.setDuration(this.timeline.duration, time);
    if (changedProcedure) this.emit('procedurechange', { procedure, time });
    // The place is kept, but in the new procedure's time: tell time displays.
    this.media.timeupdate();
  }

  private onPlayback(event: PlaybackEvent): void {
    this.media.onPlayback(event);
    this.emit('playbackchange', null);
    this.requestFrame();
  }

  /** True only while a seek's `seeking` event is being dispatched (seeks are synchronous). */
  get seeking(): boolean {
    return this.media.seeking;
  }

  requestFrame(): void {
    this.renderer.requestFrame();
  }

  reportError(type: ViewerErrorType, message: string): void {
    this.emit('error', { type, message });
  }
}
