import { translate } from '../../i18n/catalog';
import type { RevealMode } from '../../options/optionValues';
import { createPoster, DEFAULT_POSTER, type Poster } from '../poster';

/** PosterRevealOptions: what the poster says and what revealing does. */
export interface PosterRevealOptions {
  /** Where the poster goes (the element's shadow root). */
  container: ShadowRoot;
  /** The element watched for visibility. */
  host: HTMLElement;
  lang: string;
  /** Poster image: null for the built-in one, "" for none. */
  image: string | null;
  reveal: RevealMode;
  /** Mount the viewer behind the poster. */
  mount: () => void;
  /** Pause (false) and resume (true) as the viewer leaves and re-enters the screen. */
  onScreenChange: (onScreen: boolean) => void;
  onImageError: () => void;
}

/**
 * One connection's poster: shown until the viewer is visible (`reveal=auto`) or its button is pressed
 * (`reveal=interaction`), then until the first frame is drawn. Watches visibility for the off-screen pause too.
 */
export class PosterReveal {
  private poster: Poster | null;
  private observer: IntersectionObserver | null = null;
  private revealed = false;
  private onScreen = false;

  constructor(private readonly options: PosterRevealOptions) {
    this.poster = createPoster({
      image: posterImage(options.image),
      showLabel: translate(options.lang, 'embed.show'),
      loadingLabel: translate(options.lang, 'app.loading'),
      onShow: () => this.reveal(),
      onImageError: options.onImageError,
    });
    options.container.append(this.poster.element);
    this.watch();
  }

  /** Mount the viewer behind the poster. Idempotent. */
  reveal(): void {
    if (this.revealed) return;
    this.revealed = true;
    this.poster?.setState('loading');
    this.options.mount();
  }

  /** The first frame is drawn: the poster goes. */
  drawn(): void {
    this.poster?.element.remove();
    this.poster = null;
  }

  /** Say the poster's words in this language (after its catalog has loaded). */
  setLanguage(lang: string): void {
    this.poster?.setLabels(translate(lang, 'embed.show'), translate(lang, 'app.loading'));
  }

  setImage(image: string | null): void {
    this.poster?.setImage(posterImage(image));
  }

  setReveal(reveal: RevealMode): void {
    this.options.reveal = reveal;
    if (reveal === 'auto' && this.onScreen) this.reveal();
  }

  dispose(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.drawn();
  }

  /** Without IntersectionObserver the viewer mounts at once (unless it waits for a press). */
  private watch(): void {
    if (typeof IntersectionObserver === 'undefined') {
      if (this.options.reveal === 'auto') this.reveal();
      return;
    }
    this.observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      this.onScreen = entry.isIntersecting;
      if (entry.isIntersecting && this.options.reveal === 'auto') this.reveal();
      this.options.onScreenChange(entry.isIntersecting);
    });
    this.observer.observe(this.options.host);
  }
}

function posterImage(image: string | null): string | null {
  return image === null ? DEFAULT_POSTER : image === '' ? null : image;
}
