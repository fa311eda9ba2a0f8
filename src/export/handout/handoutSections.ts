import type { Translate } from '../../i18n/catalog';
import type { FramePictures } from './captureFrame';
import { patientSection, type PatientSectionId } from '../../content/patientInfo';

/** Text of one key frame: its step's title and plain caption in the handout's language. */
export interface FrameText {
  title: string;
  caption: string;
}

/** An element with text content (never markup: every string here comes from a catalog or a URL). */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/**
 * One key frame's list item, made before its pictures: the step's title and caption beside empty picture slots,
 * so the page shows the whole story at once and each picture fills in where it belongs.
 */
export function frameItem(text: FrameText): { item: HTMLLIElement; slots: HTMLDivElement } {
  const item = el('li', 'handout-frame');
  const slots = el('div', 'handout-pictures');
  const words = el('div', 'handout-words');
  words.append(el('h3', 'handout-frame-title', text.title), el('p', 'handout-caption', text.caption));
  item.append(words, slots);
  return { item, slots };
}

/** Put a key frame's pictures into its slots, each named for screen readers (a canvas has no text of its own). */
export function fillPictures(slots: HTMLElement, pictures: FramePictures, title: string, t: Translate): void {
  const named = (canvas: HTMLCanvasElement, label: string, className: string) => {
    canvas.className = className;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label);
    return canvas;
  };
  slots.append(named(pictures.view3d, t('handout.picture3d', { step: title }), 'handout-3d'));
  if (pictures.xray)
    slots.append(named(pictures.xray, t('handout.pictureXray', { step: title }), 'handout-xray'));
  slots.dataset.xray = String(pictures.xray !== null);
}

/** A patient section (risks, recovery) as a heading and a list, from the same catalog keys as the viewer's panel. */
export function patientSectionInto(target: HTMLElement, id: PatientSectionId, t: Translate): void {
  const section = patientSection(id);
  const heading = el('h2', '', t(section.title));
  heading.id = `handout-${id}-title`;
  target.setAttribute('aria-labelledby', heading.id);
  const list = el('ul', 'handout-list');
  for (const item of section.items) list.append(el('li', '', t(item.key)));
  target.replaceChildren(heading, list);
}
