import { createRoot, type Root } from 'react-dom/client';
import { isLanguageLoaded, loadLanguage, translate } from '../../i18n/catalog';
import {
  OPTION_ATTRIBUTES,
  OPTION_SCHEMA,
  optionForAttribute,
  type OptionKey,
  type ViewerOptions,
} from '../../options/optionSchema';
import { invalidNotice, noticeText, type Notice } from '../../options/parseOptions';
import { catalogFailed } from '../../playback/languageSwitch';
import { VIEWER_EVENTS } from '../../playback/viewerEvents';
import type { ViewerController } from '../../playback/viewerController';
import { ViewerApp } from '../../ui/ViewerApp';
import { treatedLevels } from '../../procedure/treatedLevels';
import { hasWebGL2 } from '../webglSupport';
import { createViewerController, readerLanguage } from './createViewerController';
import { MEDIA_PROPERTIES, PROPERTY_OPTIONS } from './optionProperties';
import { PosterReveal } from './posterReveal';
import { prefetchesAtConnect, prefetchScene } from './scenePrefetch';
import { viewerSheets } from './viewerStyles';

/** What removing an option's attribute restores: its default, except the language, which is the reader's own. */
function defaultOption<K extends OptionKey>(key: K): ViewerOptions[K] {
  return key === 'lang' ? (readerLanguage() as ViewerOptions[K]) : OPTION_SCHEMA[key].default;
}

/** The element-only options (not settings of the viewer): kept by the element itself. */
type ElementOptions = Pick<ViewerOptions, 'poster' | 'reveal' | 'autoplay'>;

/**
 * What the element class extends: HTMLElement in a browser. A server rendering the page (Next.js, Remix, Astro)
 * imports the package too, where there is no DOM: the class is then defined on a plain base and never
 * instantiated, so the import succeeds and the tag is rendered as markup that the browser upgrades.
 */
const ElementBaseClass: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

/**
 * The element's lifecycle: one controller for the element's whole life (created from the attributes on first
 * need, so properties and methods work before it is connected and after it is removed), a poster and a mounted
 * viewer per connection, and every attribute and property through the one options schema.
 */
export class ViewerElementBase extends ElementBaseClass {
  static observedAttributes = OPTION_ATTRIBUTES;
  /** Where share links point when a viewer has no `share-url` (set by the entry point that defines the element). */
  static defaultShareUrl: string | null = null;

  private ownController: ViewerController | null = null;
  private elementOptions: ElementOptions = { poster: null, reveal: 'auto', autoplay: false };
  private root: Root | null = null;
  private posterReveal: PosterReveal | null = null;
  /** This connection's wait for the language's catalog (started at connect, awaited by the mount). */
  private languageLoad: Promise<void> = Promise.resolve();
  private connectionOffs: (() => void)[] = [];
  private pausedOffscreen = false;
  private autoplayDone = false;

  /** The viewer's controller: internal to the element and its features, not a public API. @internal */
  get controller(): ViewerController {
    if (this.ownController) return this.ownController;
    const { controller, options, notices } = createViewerController(this, () => this.defaultShareUrl());
    this.ownController = controller;
    this.elementOptions = { poster: options.poster, reveal: options.reveal, autoplay: options.autoplay };
    for (const type of VIEWER_EVENTS)
      controller.on(type, (detail) => this.dispatchEvent(new CustomEvent(type, { detail })));
    this.controllerCreated(controller);
    this.showNotices(notices);
    return controller;
  }

  /** Called once, when the controller is made: subclasses add their own listeners (the media events). */
  protected controllerCreated(controller: ViewerController): void {
    void controller;
  }

  /** Resolves after the first frame with the models has been drawn; renewed each time the element is connected. */
  get ready(): Promise<void> {
    return this.controller.graphics.ready;
  }

  connectedCallback(): void {
    this.upgradeProperties();
    const controller = this.controller;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = viewerSheets();
    this.setAttribute('role', 'region');
    this.setAttribute(
      'aria-label',
      this.getAttribute('alt') ??
        this.getAttribute('aria-label') ??
        translate(controller.getSettings().lang, 'app.title'),
    );
    const mount = document.createElement('div');
    mount.className = 'spv-host';
    shadow.replaceChildren(mount);
    const webgl = hasWebGL2();
    // Before the poster: it may mount at once, and the mount waits for this.
    this.languageLoad = this.languageReady(controller);
    // The downloads start now, in parallel with everything else: the first frame waits on the model and the
    // canvas chunk, not on the mount that asks for them.
    const treated = () => treatedLevels(controller.getSettings()).map((t) => t.level);
    if (prefetchesAtConnect(this, this.elementOptions.reveal, webgl)) prefetchScene(treated());
    this.posterReveal = new PosterReveal({
      container: shadow,
      host: this,
      lang: controller.getSettings().lang,
      image: this.elementOptions.poster,
      reveal: webgl ? this.elementOptions.reveal : 'auto',
      // The viewer mounts once its language's catalog is here, so its first frame is never half English.
      mount: () => {
        if (webgl) prefetchScene(treated());
        void this.languageLoad.then(() => {
          if (!this.isConnected || this.root) return;
          this.root = createRoot(mount);
          // Laid out for its box from the first render (the poster holds the box's size until then).
          const initialSize = { width: mount.clientWidth, height: mount.clientHeight };
          this.root.render(<ViewerApp controller={controller} webgl={webgl} initialSize={initialSize} />);
          controller.requestFrame();
        });
      },
      onScreenChange: (onScreen) => this.onScreenChange(onScreen),
      onImageError: () =>
        this.showNotices([{ text: translate(controller.getSettings().lang, 'notice.posterFailed') }]),
    });
    this.connectionOffs.push(
      controller.on('ready', () => this.posterReveal?.drawn()),
      controller.on('play', () => (this.pausedOffscreen = false)),
    );
    // Without WebGL there is no 3D view to defer: the transcript shows at once, and is the first frame.
    if (!webgl) {
      this.posterReveal.reveal();
      void this.languageLoad.then(() => {
        controller.reportError('webglunavailable', 'WebGL2 is not available; showing the transcript.');
        controller.graphics.markReady();
      });
    }
    if (
      this.elementOptions.autoplay &&
      !this.autoplayDone &&
      !matchMedia('(prefers-reduced-motion: reduce)').matches
    ) {
      this.autoplayDone = true;
      void controller.graphics.ready.then(() => (this.isConnected ? controller.play() : undefined));
    }
  }

  disconnectedCallback(): void {
    // Unmounting the canvas disposes the renderer and releases its WebGL context; the controller keeps the state.
    this.connectionOffs.forEach((off) => off());
    this.connectionOffs = [];
    this.posterReveal?.dispose();
    this.posterReveal = null;
    this.root?.unmount();
    this.root = null;
    this.pausedOffscreen = false;
    this.ownController?.graphics.unmounted();
  }

  attributeChangedCallback(name: string, oldValue: string | null, value: string | null): void {
    // Before the controller exists, attributes are read all together when it is created.
    if (!this.ownController || oldValue === value) return;
    const key = optionForAttribute(name);
    if (key) this.applyOption(key, value);
  }

  /**
   * Set one option from an attribute, a property or a command: parsed by the schema (null: back to the default);
   * a bad value shows a notice and keeps the current value, so nothing the viewer shows is lost. @internal
   */
  applyOption<K extends OptionKey>(key: K, raw: unknown): void {
    const controller = this.controller;
    const lang = controller.getSettings().lang;
    const value = raw == null ? defaultOption(key) : OPTION_SCHEMA[key].parse(raw);
    if (value === undefined) {
      this.showNotices([invalidNotice(key, raw, lang, String(this.optionValue(key)))]);
      return;
    }
    if (key === 'poster' || key === 'reveal' || key === 'autoplay') {
      this.elementOptions = { ...this.elementOptions, [key]: value };
      if (key === 'poster') this.posterReveal?.setImage(value as string | null);
      if (key === 'reveal') this.posterReveal?.setReveal(value as ViewerOptions['reveal']);
      return;
    }
    const resolved = key === 'shareUrl' && value === null ? this.defaultShareUrl() : value;
    if (!controller.setOption(key, resolved as ViewerOptions[K]))
      this.showNotices([
        {
          option: 'step',
          key: 'notice.stepNotInProcedure',
          params: {
            value: String(value),
            procedure: translate(lang, `procedure.${controller.getSettings().procedure}`),
            fallback: translate(lang, `step.${controller.currentStep()}.title`),
          },
        },
      ]);
  }

  /** The current value of an option, as the getters of the element's properties report it. @internal */
  optionValue<K extends OptionKey>(key: K): ViewerOptions[K] {
    if (key === 'poster' || key === 'reveal' || key === 'autoplay')
      return this.elementOptions[key as keyof ElementOptions] as ViewerOptions[K];
    const c = this.controller;
    if (key === 'rate') return c.getPlayback().rate as ViewerOptions[K];
    if (key === 'loop') return c.getPlayback().loop as ViewerOptions[K];
    if (key === 'time') return c.getTime() as ViewerOptions[K];
    if (key === 'step') return c.currentStep() as ViewerOptions[K];
    const settings = c.getSettings() as unknown as Record<string, unknown>;
    return (key === 'bone' ? settings.boneDensity : settings[key]) as ViewerOptions[K];
  }

  /** Resolves once the viewer's language can be shown (its catalog loaded, or English after a failed load). */
  private languageReady(controller: ViewerController): Promise<void> {
    const lang = controller.getSettings().lang;
    if (isLanguageLoaded(lang)) return Promise.resolve();
    return loadLanguage(lang).then((loaded) => {
      if (loaded) this.posterReveal?.setLanguage(lang);
      else catalogFailed(controller, lang);
    });
  }

  /** Show a polite notice in the viewer (text only, never HTML), e.g. about the iframe page's own parameters. */
  showNotice(text: string): void {
    this.showNotices([{ text: String(text) }]);
  }

  private showNotices(notices: readonly (Notice | { text: string })[]): void {
    const lang = this.controller.getSettings().lang;
    const text = notices.map((n) => ('text' in n ? n.text : noticeText(n, lang))).join(' ');
    this.controller.notices.add(notices, text);
  }

  private onScreenChange(onScreen: boolean): void {
    const controller = this.controller;
    if (onScreen && this.pausedOffscreen) {
      this.pausedOffscreen = false;
      controller.play();
    } else if (!onScreen && controller.getPlayback().playing) {
      controller.pause();
      this.pausedOffscreen = true;
    }
  }

  private defaultShareUrl(): string {
    return ViewerElementBase.defaultShareUrl ?? window.location.href;
  }

  /** A property set before the element upgraded shadows its accessor: take it and set it properly. */
  private upgradeProperties(): void {
    for (const key of [...PROPERTY_OPTIONS, ...MEDIA_PROPERTIES]) {
      if (!Object.prototype.hasOwnProperty.call(this, key)) continue;
      const value = (this as unknown as Record<string, unknown>)[key];
      delete (this as unknown as Record<string, unknown>)[key];
      (this as unknown as Record<string, unknown>)[key] = value;
    }
  }
}
