import defaultPosterUrl from '/poster.webp?url';
import { packageFileUrl } from '../anatomy/packageFileUrl';

/** The first frame of the default viewer (written by `npx vite-node scripts/make-poster.ts`), served next to the bundle. */
export const DEFAULT_POSTER = packageFileUrl(defaultPosterUrl);

const SVG = 'http://www.w3.org/2000/svg';
const PLAY_PATH = 'M8 5v14l11-7z';

export interface Poster {
  readonly element: HTMLElement;
  /** 'waiting': shows the show button; 'loading': the viewer is mounting behind it. */
  setState(state: 'waiting' | 'loading'): void;
  setImage(url: string | null): void;
  /** Words in another language (its catalog arrived after the poster was shown). */
  setLabels(showLabel: string, loadingLabel: string): void;
}

/**
 * A static picture of the first frame, shown until the viewer is visible (or its button is pressed) and its own
 * first frame is drawn. Built with DOM calls, so no markup is parsed and no inline style is used (strict CSP).
 */
export function createPoster(options: {
  image: string | null;
  showLabel: string;
  loadingLabel: string;
  onShow: () => void;
  /** The image could not be shown (missing, or refused by the page's CSP): the poster stays, plain. */
  onImageError: () => void;
}): Poster {
  const root = document.createElement('div');
  root.className = 'spv-poster';
  root.setAttribute('part', 'poster');
  root.dataset.state = 'waiting';
  const img = document.createElement('img');
  img.className = 'spv-poster-image';
  img.alt = '';
  img.decoding = 'async';
  img.draggable = false;
  img.addEventListener('error', () => {
    if (!img.getAttribute('src')) return;
    img.removeAttribute('src');
    img.hidden = true;
    options.onImageError();
  });
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'spv-poster-button';
  button.setAttribute('aria-label', options.showLabel);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'spv-icon');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', PLAY_PATH);
  svg.append(path);
  const label = document.createElement('span');
  label.textContent = options.showLabel;
  button.append(svg, label);
  button.addEventListener('click', options.onShow);
  const status = document.createElement('p');
  status.className = 'spv-poster-status';
  // The viewer's own loading notice (role=status) speaks; this is its visible twin above the picture.
  status.setAttribute('aria-hidden', 'true');
  status.textContent = options.loadingLabel;
  root.append(img, button, status);
  const setImage = (url: string | null) => {
    if (url) {
      img.src = url;
      img.hidden = false;
    } else {
      img.removeAttribute('src');
      img.hidden = true;
    }
  };
  setImage(options.image);
  const setLabels = (showLabel: string, loadingLabel: string) => {
    button.setAttribute('aria-label', showLabel);
    label.textContent = showLabel;
    status.textContent = loadingLabel;
  };
  return {
    element: root,
    setLabels,
    setState: (state) => {
      root.dataset.state = state;
    },
    setImage,
  };
}
