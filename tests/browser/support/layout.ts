import type { Page } from 'playwright-core';

/** A measured panel or control of the viewer, in page pixels. */
export interface Box {
  name: string;
  /** The panel this one is drawn inside by design (a caption over its fluoro image); they may overlap. */
  within?: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Where an ancestor that does not scroll hides part of it (it is cut off), or null. */
  cutBy: string | null;
  /** Its own height, before any clipping (a panel squeezed flat by the layout has next to none). */
  height: number;
}

/**
 * The independent panels and controls of the viewer: none may cover another. [name, selector in the shadow root,
 * the panel it lies inside by design]. Controls inside a bar (a button in the control bar) are part of the bar.
 */
export const PANELS: [string, string, string?][] = [
  ['procedure toggle', '.spv-topbar > .spv-toggle'],
  ['level chip', '.spv-topbar > .spv-level-chip'],
  ['copy link', '.spv-topbar .spv-copy-link'],
  ['clinician settings', '.spv-topbar > .spv-button'],
  ['language', '.spv-topbar > .spv-language'],
  ['caption', '.spv-caption'],
  ['patient buttons', '.spv-patient-tabs'],
  ['patient panel', '.spv-patient-panel'],
  ['control bar', '.spv-controls'],
  ['view toggles', '.spv-root > .spv-view-row'],
  ['more menu', '.spv-more'],
  ['notices', '.spv-notices'],
  ['readouts', '.spv-readouts'],
  ['cure indicator', '.spv-cure'],
  ['follow camera', '.spv-follow'],
  ['fluoro panel', '.spv-fluoro-panel'],
  ['fluoro title', '.spv-fluoro-name', 'fluoro panel'],
  ['x-ray badge', '.spv-xray-lamp', 'fluoro panel'],
  ['x-ray enlarge', '.spv-fluoro-enlarge', 'fluoro panel'],
  ['transcript', '.spv-fallback'],
];

/**
 * Measure every visible panel of the viewer (getBoundingClientRect in its shadow root). A box inside a scrolling
 * ancestor is clipped to it (the rest is reachable by scrolling); one that sticks out of an ancestor that does
 * not scroll, or out of the viewer, is cut off. Several panels of one kind (split view) are numbered.
 */
export function measurePanels(page: Page, selector = 'spine-procedure-viewer'): Promise<Box[]> {
  return page.evaluate(
    ([sel, panels]) => {
      const host = document.querySelector(sel)!;
      const root = host.shadowRoot!;
      const boxes: Box[] = [];
      const name = (el: Element) => el.className.toString().split(' ')[0] ?? el.tagName;
      for (const [label, query, within] of panels) {
        const found = Array.from(root.querySelectorAll(query)).filter((el) =>
          el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }),
        );
        found.forEach((el, i) => {
          const r = el.getBoundingClientRect();
          let box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
          let cutBy: string | null = null;
          const out = (a: typeof box, b: DOMRect) =>
            a.left < b.left - 0.5 ||
            a.top < b.top - 0.5 ||
            a.right > b.right + 0.5 ||
            a.bottom > b.bottom + 0.5;
          for (let p = el.parentElement; p; p = p.parentElement) {
            const style = getComputedStyle(p);
            if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
            const c = p.getBoundingClientRect();
            if (/auto|scroll/.test(style.overflowX + style.overflowY)) {
              box = {
                left: Math.max(box.left, c.left),
                top: Math.max(box.top, c.top),
                right: Math.min(box.right, c.right),
                bottom: Math.min(box.bottom, c.bottom),
              };
            } else if (!cutBy && out(box, c)) cutBy = name(p);
          }
          if (!cutBy && out(box, host.getBoundingClientRect())) cutBy = 'the viewer';
          if (box.right - box.left < 1 || box.bottom - box.top < 1) return;
          const n = found.length > 1 ? ` ${i + 1}` : '';
          boxes.push({ name: label + n, within: within && within + n, ...box, cutBy, height: r.height });
        });
      }
      return boxes;
    },
    [selector, PANELS] as const,
  );
}

/** The pairs of boxes that overlap by more than a pixel each way (a box inside its `within` panel excepted). */
export function overlaps(boxes: Box[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.within === b.name || b.within === a.name) continue;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) found.push(`${a.name} × ${b.name} (${Math.round(w)}×${Math.round(h)} px)`);
    }
  return found;
}

/** The boxes that stick out of a box that does not scroll (or of the viewer). */
export const cutOff = (boxes: Box[]): string[] =>
  boxes.filter((b) => b.cutBy).map((b) => `${b.name} (cut by ${b.cutBy})`);

/** The boxes the layout squeezed to less than a line of small text. */
export const squeezed = (boxes: Box[], min = 14): string[] =>
  boxes.filter((b) => b.height < min).map((b) => `${b.name} (${Math.round(b.height)} px high)`);

/**
 * What must be in view without scrolling at any size (WCAG 1.4.10): the caption's title and the play controls.
 * Returns the ones that are not fully inside both the viewer and the window, and whether the top bar's items fit
 * in its row (a row that scrolls sideways hides what does not fit).
 */
export function essentialsOutOfView(page: Page, selector = 'spine-procedure-viewer'): Promise<string[]> {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel)!;
    const root = host.shadowRoot!;
    const view = host.getBoundingClientRect();
    const left = Math.max(view.left, 0);
    const top = Math.max(view.top, 0);
    const right = Math.min(view.right, window.innerWidth);
    const bottom = Math.min(view.bottom, window.innerHeight);
    const problems: string[] = [];
    for (const [name, query] of [
      ['caption title', '.spv-caption-title'],
      ['play', '.spv-play'],
      ['previous step', '.spv-controls-row > .spv-button:nth-child(2)'],
      ['next step', '.spv-controls-row > .spv-button:nth-child(3)'],
      ['time', '.spv-time'],
    ]) {
      const el = root.querySelector(query!);
      if (!el) {
        problems.push(`${name} missing`);
        continue;
      }
      const r = el.getBoundingClientRect();
      if (r.left < left - 0.5 || r.top < top - 0.5 || r.right > right + 0.5 || r.bottom > bottom + 0.5)
        problems.push(
          `${name} out of view (${Math.round(r.top)}–${Math.round(r.bottom)} px of ${Math.round(bottom)})`,
        );
    }
    const bar = root.querySelector('.spv-topbar');
    if (bar && bar.scrollWidth > bar.clientWidth + 1)
      problems.push(`top bar overflows (${bar.scrollWidth} px in ${bar.clientWidth})`);
    return problems;
  }, selector);
}

/** The 3D view's share of the viewer's height. */
export function stageShare(page: Page, selector = 'spine-procedure-viewer'): Promise<number> {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel)!;
    const stage = host.shadowRoot!.querySelector('.spv-stage')!;
    return stage.getBoundingClientRect().height / host.getBoundingClientRect().height;
  }, selector);
}
