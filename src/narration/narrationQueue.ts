import { performanceClock, type Clock } from '../playback/clock';
import type { ViewerController } from '../playback/viewerController';
import type { ViewerSettings } from '../playback/viewerSettings';
import { findStep } from '../procedure/timeline';
import type { StepId } from '../procedure/types';
import type { SpeechHandle, Speaker } from './speaker';

/** Time is held this far before the step's end, so the held frame (and the caption) is still the step's own. */
export const HOLD_BEFORE_END_S = 0.001;

/**
 * Longest a sentence may keep the timeline waiting, as a multiple of its expected spoken length, plus a margin:
 * a speech engine that never reports the end (some do not, for long sentences) must not stop the viewer for good.
 */
const WATCHDOG_FACTOR = 2;
const WATCHDOG_MARGIN_MS = 5000;
/** A slow speaking pace, characters per second at rate 1, for the watchdog's expected length. */
const SLOW_CHARS_PER_SECOND = 10;

/** The sentence narrated for a step, in the viewer's current language and audience register. */
export type SentenceOf = (step: StepId) => { text: string; lang: string };

interface Speaking {
  /** The step's key (with several levels the same step comes once per level). */
  step: string;
  handle: SpeechHandle;
  cancelWatchdog: () => void;
}

/**
 * What to say when, and whether the timeline waits. Driven only by the controller's events:
 * - playing starts (play) → speak the current step's sentence; a later step (stepchange while playing) → cancel and
 *   speak the new step's; pause and seeks cancel (play again restarts the current step's sentence);
 * - each sentence sets a hold point just before its step's end: if the animation gets there first, the playback
 *   store holds time there (`waiting`) until the sentence ends, then time runs on. A sentence that ends first
 *   drops the hold point, so nothing waits;
 * - a new rate applies to the next sentence; a new language, audience or procedure restarts the sentence;
 *   turning the option off (or losing the voice) stops speaking and releases any hold.
 * It never renders or computes a frame; `controller.narrating` says whether a sentence is being spoken.
 */
export class NarrationQueue {
  private speaking: Speaking | null = null;
  /** The step of the last sentence started, so a late voice list does not repeat a sentence already said. */
  private lastStep: string | null = null;
  private readonly offs: (() => void)[];
  private settings: ViewerSettings;
  private wasSilent: boolean;

  constructor(
    private readonly controller: ViewerController,
    private readonly speaker: Speaker,
    private readonly sentenceOf: SentenceOf,
    private readonly clock: Clock = performanceClock,
  ) {
    this.settings = controller.getSettings();
    this.wasSilent = this.silent();
    const c = controller;
    this.offs = [
      c.on('play', () => this.restart()),
      c.on('pause', () => this.stop()),
      c.on('seeked', () => this.restart()),
      c.on('procedurechange', () => this.stop()),
      c.on('stepchange', ({ key }) => {
        if (this.speaking?.step !== key) this.restart();
      }),
      c.on('settingschange', ({ settings }) => this.onSettings(settings)),
      // Muting (or volume 0) stops the sentence and any wait for it; unmuting speaks the current step again. A
      // new volume applies from the next sentence, as a new rate does.
      c.on('volumechange', () => {
        const silent = this.silent();
        if (silent !== this.wasSilent) this.restart();
        this.wasSilent = silent;
      }),
      speaker.subscribe(() => {
        if (!this.enabled()) this.stop();
        else if (!this.speaking && this.lastStep !== controller.currentStepKey()) this.restart();
      }),
    ];
    if (c.getPlayback().playing) this.restart();
  }

  /** Whether narration is on, audible (not muted, volume above 0), and a voice for the language exists. */
  enabled(): boolean {
    const { narration, lang } = this.controller.getSettings();
    return narration === 'on' && !this.silent() && this.speaker.canSpeak(lang);
  }

  /** Muted or at volume 0: a sentence nobody hears must not hold the timeline. */
  private silent(): boolean {
    const { muted, volume } = this.controller.getPlayback();
    return muted || volume === 0;
  }

  /** Stop speaking and forget the controller (the viewer is unmounted). */
  dispose(): void {
    this.offs.forEach((off) => off());
    this.stop();
  }

  private onSettings(next: ViewerSettings): void {
    const prev = this.settings;
    this.settings = next;
    const changed =
      prev.narration !== next.narration ||
      prev.lang !== next.lang ||
      prev.audience !== next.audience ||
      prev.procedure !== next.procedure;
    if (changed) this.restart();
  }

  /** Cancel what is being said; speak the current step's sentence if playing with narration on. */
  private restart(): void {
    this.stop();
    const c = this.controller;
    if (!c.getPlayback().playing || !this.enabled()) return;
    const stepKey = c.currentStepKey();
    const step = findStep(c.getTimeline(), stepKey);
    const { text, lang } = this.sentenceOf(step?.id ?? c.currentStep());
    const { rate, volume } = c.getPlayback();
    let speaking: Speaking | null = null;
    const done = () => {
      if (speaking && this.speaking === speaking) this.finish();
    };
    const handle = this.speaker.speak({ text, lang, rate, volume }, done);
    const expectedMs = (text.length / SLOW_CHARS_PER_SECOND / rate) * 1000;
    const cancelWatchdog = this.clock.setTimer(done, expectedMs * WATCHDOG_FACTOR + WATCHDOG_MARGIN_MS);
    speaking = { step: stepKey, handle, cancelWatchdog };
    this.speaking = speaking;
    this.lastStep = stepKey;
    if (step) c.holdAt(step.end - HOLD_BEFORE_END_S);
    c.setNarrating(true);
  }

  /** The sentence ended: time runs on from any hold. */
  private finish(): void {
    const s = this.speaking;
    if (!s) return;
    this.speaking = null;
    s.cancelWatchdog();
    this.controller.releaseHold();
    this.controller.setNarrating(false);
  }

  private stop(): void {
    const s = this.speaking;
    if (!s) return;
    s.handle.cancel();
    this.finish();
  }
}
