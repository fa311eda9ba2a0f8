import { createRoot, type Root } from 'react-dom/client';
import { translate } from '../i18n/catalog';
import { createProcedureState, type ProcedureState } from '../procedure/procedureState';
import { stateAt } from '../procedure/stateAt';
import { findStep, stepIndexAt } from '../procedure/timeline';
import { isStepId } from '../procedure/types';
import { PLAYBACK_RATES, type PlaybackRate } from '../playback/playbackStore';
import { ViewerController, type ViewerEvents } from '../playback/viewerController';
import { ViewerApp } from '../ui/ViewerApp';
import viewerCss from '../ui/viewer.css?inline';
import elementCss from './element.css?inline';
import { noticeText, parseOptions, startTimeOf, type RawOptions } from './parseOptions';
import { createPoster, DEFAULT_POSTER, type Poster } from './poster';
import { settingsFromOptions } from './settingsFromOptions';
import { setShareBase } from './shareLink';
import { OPTION_NAMES, type OptionName } from './viewerOptions';
import { hasWebGL2 } from './webglSupport';

/** Controller events re-dispatched on the element as DOM CustomEvents (HTMLMediaElement-like names). */
const FORWARDED_EVENTS = [
  'ready',
  'timeupdate',
  'stepchange',
  'play',
  'pause',
  'seeked',
  'ended',
  'procedurechange',
  'ratechange',
  'error',
] as const satisfies readonly (keyof ViewerEvents)[];

let sheets: CSSStyleSheet[] | null = null;
/** Constructed stylesheets shared by every viewer (CSP-safe: no <style> element, no inline style attribute). */
function viewerSheets(): CSSStyleSheet[] {
  if (!sheets) {
    sheets = [viewerCss, elementCss].map((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
  }
  return sheets;
}

/** Attributes of the element itself (not viewer options, so not URL parameters). */
const ELEMENT_ATTRIBUTES = ['poster', 'reveal', 'share-url'] as const;

/** When the viewer mounts its 3D view: `auto` once it scrolls into view, `interaction` when its poster is pressed. */
export type RevealMode = 'auto' | 'interaction';

/** A plain snapshot of the state, safe to hand out (the controller's own object is mutated every frame). */
export type ViewerStateSnapshot = ProcedureState & {
  level: string;
  grade: number;
  morphology: string;
  approach: string;
};

/**
 * `<spine-procedure-viewer>`: the whole viewer as one element with a media-element-shaped API. The standalone
 * page is this element too, so embedders and the app share one code path.
 */
export class SpineProcedureViewerElement extends HTMLElement {
  static observedAttributes = [...OPTION_NAMES, ...ELEMENT_ATTRIBUTES];

  private controller: ViewerController | null = null;
  private root: Root | null = null;
  private offs: (() => void)[] = [];
  private poster: Poster | null = null;
  private observer: IntersectionObserver | null = null;
  private revealed = false;
  private onScreen = false;
  /** True while playback is paused because the viewer left the screen; it resumes when it comes back. */
  private pausedOffscreen = false;
  private pendingRender: (() => void) | null = null;
  private resolveReady: () => void = () => {};
  /** Resolves after the first frame with the models has been drawn. */
  readonly ready: Promise<void> = new Promise((resolve) => (this.resolveReady = resolve));

  connectedCallback(): void {
    if (this.controller) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = viewerSheets();
    const { options, notices } = parseOptions(this.rawAttributes());
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const controller = new ViewerController(settingsFromOptions(options), {
      startTime: startTimeOf(options),
      loop: options.loop,
    });
    controller.setRate(options.rate);
    this.controller = controller;
    setShareBase(controller, this.getAttribute('share-url'));
    for (const type of FORWARDED_EVENTS) {
      this.offs.push(controller.on(type, (detail) => this.dispatchEvent(new CustomEvent(type, { detail }))));
    }
    this.offs.push(controller.on('ready', () => this.resolveReady()));
    this.offs.push(controller.on('play', () => (this.pausedOffscreen = false)));
    const webgl = hasWebGL2();
    if (!webgl) {
      // Without WebGL the transcript and step list still work; time still runs for the captions.
      controller.setInvalidator(() => requestAnimationFrame(() => this.tickWithoutRenderer()));
      queueMicrotask(() => {
        controller.reportError('webglunavailable', 'WebGL2 is not available; showing the transcript.');
        controller.markReady();
      });
    }
    const mount = document.createElement('div');
    mount.className = 'spv-host';
    this.setAttribute('aria-label', this.getAttribute('alt') ?? 'Spine procedure viewer');
    this.setAttribute('role', 'region');
    this.pendingRender = () => {
      this.root = createRoot(mount);
      this.root.render(
        <ViewerApp
          controller={controller}
          notices={notices.map((n) => noticeText(n, options.lang))}
          webgl={webgl}
        />,
      );
    };
    this.poster = createPoster({
      image: this.posterImage(),
      showLabel: translate(options.lang, 'embed.show'),
      loadingLabel: translate(options.lang, 'app.loading'),
      onShow: () => this.reveal(),
    });
    shadow.replaceChildren(mount, this.poster.element);
    this.offs.push(
      controller.on('ready', () => {
        this.poster?.element.remove();
        this.poster = null;
      }),
    );
    // Without WebGL there is no 3D view to defer: the transcript shows at once.
    if (!webgl) this.reveal();
    this.watchVisibility();
    if (options.autoplay && !reducedMotion) void this.ready.then(() => this.controller?.play());
  }

  /** Mount the viewer (React UI and, through it, the WebGL canvas) behind the poster. Idempotent. */
  reveal(): void {
    if (this.revealed || !this.pendingRender) return;
    this.revealed = true;
    this.poster?.setState('loading');
    const render = this.pendingRender;
    this.pendingRender = null;
    render();
  }

  /**
   * Mount when the element first comes into view (unless `reveal="interaction"`), then pause while it is off
   * screen and resume when it returns, if it was playing. Without IntersectionObserver it mounts at once.
   */
  private watchVisibility(): void {
    if (typeof IntersectionObserver === 'undefined') {
      if (this.revealMode() === 'auto') this.reveal();
      return;
    }
    this.observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      this.onScreen = entry.isIntersecting;
      const controller = this.controller;
      if (!controller) return;
      if (entry.isIntersecting) {
        if (this.revealMode() === 'auto') this.reveal();
        if (this.pausedOffscreen) {
          this.pausedOffscreen = false;
          controller.play();
        }
      } else if (controller.playback.getSnapshot().playing) {
        controller.pause();
        this.pausedOffscreen = true;
      }
    });
    this.observer.observe(this);
  }

  private revealMode(): RevealMode {
    return this.getAttribute('reveal')?.trim().toLowerCase() === 'interaction' ? 'interaction' : 'auto';
  }

  private posterImage(): string | null {
    const poster = this.getAttribute('poster');
    if (poster === null) return DEFAULT_POSTER;
    return poster.trim() === '' ? null : poster;
  }

  disconnectedCallback(): void {
    // Unmounting the canvas disposes the renderer and releases its WebGL context.
    this.offs.forEach((off) => off());
    this.offs = [];
    this.observer?.disconnect();
    this.observer = null;
    this.root?.unmount();
    this.root = null;
    this.controller = null;
    this.poster = null;
    this.pendingRender = null;
    this.revealed = false;
    this.onScreen = false;
    this.pausedOffscreen = false;
  }

  attributeChangedCallback(name: string, oldValue: string | null, value: string | null): void {
    const controller = this.controller;
    if (!controller || oldValue === value) return;
    if (name === 'poster') {
      this.poster?.setImage(this.posterImage());
      return;
    }
    if (name === 'share-url') {
      setShareBase(controller, value);
      return;
    }
    if (name === 'reveal') {
      if (this.revealMode() === 'auto' && this.onScreen) this.reveal();
      return;
    }
    if (value === null) return;
    const { options, notices } = parseOptions({ [name as OptionName]: value } as RawOptions);
    if (notices.length > 0) {
      controller.reportError('invalidinput', notices.map((n) => noticeText(n, 'en')).join(' '));
      return;
    }
    switch (name as OptionName) {
      case 'time':
        if (options.time !== null) controller.seek(options.time);
        return;
      case 'step':
        if (options.step) controller.seekStep(options.step);
        return;
      case 'rate':
        controller.setRate(options.rate);
        return;
      case 'loop':
        controller.playback.setLoop(options.loop);
        return;
      case 'autoplay':
        return;
      default:
        controller.updateSettings({ [name]: options[name as keyof typeof options] });
    }
  }

  private rawAttributes(): RawOptions {
    const raw: RawOptions = {};
    for (const name of OPTION_NAMES) {
      const value = this.getAttribute(name);
      if (value !== null) raw[name] = value;
    }
    return raw;
  }

  private tickWithoutRenderer(): void {
    const controller = this.controller;
    if (!controller) return;
    controller.computeFrame();
    if (controller.playback.getSnapshot().playing) requestAnimationFrame(() => this.tickWithoutRenderer());
  }

  private requireController(): ViewerController {
    if (!this.controller) throw new Error('spine-procedure-viewer is not connected to a document');
    return this.controller;
  }

  play(): Promise<void> {
    this.requireController().play();
    return Promise.resolve();
  }

  pause(): void {
    this.requireController().pause();
  }

  get currentTime(): number {
    return this.controller?.playback.getTime() ?? 0;
  }

  set currentTime(value: number) {
    const t = Number(value);
    if (!Number.isFinite(t)) {
      this.controller?.reportError(
        'command',
        `currentTime must be a finite number of seconds, got ${String(value).slice(0, 40)}`,
      );
      return;
    }
    this.controller?.seek(t);
  }

  get duration(): number {
    return this.controller?.getTimeline().duration ?? 0;
  }

  get paused(): boolean {
    return !(this.controller?.playback.getSnapshot().playing ?? false);
  }

  get procedure(): string {
    return this.controller?.getSettings().procedure ?? 'kyphoplasty';
  }

  set procedure(value: string) {
    // Before the element is connected (a framework setting properties first), keep the value as the attribute.
    if (!this.controller) {
      this.setAttribute('procedure', String(value));
      return;
    }
    if (value === 'kyphoplasty' || value === 'vertebroplasty')
      this.controller?.updateSettings({ procedure: value });
    else this.controller?.reportError('command', `Unknown procedure "${String(value).slice(0, 40)}"`);
  }

  get step(): string {
    const c = this.controller;
    if (!c) return 'overview';
    return c.getTimeline().steps[stepIndexAt(c.getTimeline(), c.playback.getTime())]!.id;
  }

  set step(value: string) {
    const c = this.controller;
    if (!c) {
      this.setAttribute('step', String(value));
      return;
    }
    if (isStepId(value) && findStep(c.getTimeline(), value)) c.seekStep(value);
    else
      c.reportError(
        'command',
        `Unknown step "${String(value).slice(0, 40)}" for ${c.getSettings().procedure}`,
      );
  }

  get playbackRate(): number {
    return this.controller?.playback.getSnapshot().rate ?? 1;
  }

  set playbackRate(value: number) {
    const rate = PLAYBACK_RATES.find((r) => r === Number(value));
    if (rate !== undefined) this.controller?.setRate(rate as PlaybackRate);
    else
      this.controller?.reportError(
        'command',
        `playbackRate must be 0.5, 1 or 2, got ${String(value).slice(0, 40)}`,
      );
  }

  get steps(): { id: string; title: string; start: number; end: number }[] {
    const c = this.controller;
    if (!c) return [];
    const lang = c.getSettings().lang;
    return c.getTimeline().steps.map((s) => ({
      id: s.id,
      title: translate(lang, `step.${s.id}.title`),
      start: s.start,
      end: s.end,
    }));
  }

  /**
   * A PNG data URL of the simulated fluoroscopy image at the current time (deterministic for the same time and
   * options). Rejects when the view is unknown or no WebGL view is available.
   */
  async captureFluoro(options: { view?: string } = {}): Promise<string> {
    const c = this.requireController();
    const view = options.view ?? 'ap';
    if (view !== 'ap' && view !== 'lateral') {
      c.reportError(
        'command',
        `captureFluoro view must be "ap" or "lateral", got "${String(view).slice(0, 40)}"`,
      );
      throw new Error(`Unknown fluoro view "${String(view).slice(0, 40)}"`);
    }
    await this.ready;
    const url = await c.captureFluoro(view);
    if (!url) throw new Error('Fluoroscopy needs a WebGL view');
    return url;
  }

  /**
   * Rendering figures for benchmarks and diagnostics: draw calls and triangles of the last frame (all passes),
   * live geometries and textures, and recent per-frame main-thread milliseconds (excluding the GL draw).
   */
  getRenderStats(): {
    drawCalls: number;
    triangles: number;
    geometries: number;
    textures: number;
    frameMs: number[];
  } {
    const c = this.requireController();
    const stats = c.frameStats;
    const memory = c.rendererMemory();
    return { drawCalls: stats.drawCalls, triangles: stats.triangles, ...memory, frameMs: stats.samples() };
  }

  /** The state at the current time as a plain object (computed fresh; safe to keep). */
  getState(): ViewerStateSnapshot {
    const c = this.requireController();
    const state = stateAt(
      c.getTimeline(),
      c.procedureOptions(),
      c.playback.getTime(),
      createProcedureState(),
    );
    const { level, grade, morphology, approach } = c.getSettings();
    return { ...state, level, grade, morphology, approach };
  }

  /**
   * A polite notice from the page around the viewer (text only). For now it is reported as an `error` event of
   * type `invalidinput`; showing it in the notice list needs the list to accept notices after start.
   */
  showNotice(text: string): void {
    this.controller?.reportError('invalidinput', text);
  }
}

export function defineSpineProcedureViewer(tag = 'spine-procedure-viewer'): void {
  if (!customElements.get(tag)) customElements.define(tag, SpineProcedureViewerElement);
}
