const TABBABLE =
  'button:not([disabled]), select:not([disabled]), input:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** Whether the element is on screen: it has a size and no clipping ancestor (e.g. a folded row) hides it. */
function shown(el: HTMLElement): boolean {
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return false;
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (getComputedStyle(p).overflow === 'visible') continue;
    const clip = p.getBoundingClientRect();
    if (clip.width === 0 || clip.height === 0) return false;
  }
  return true;
}

/** The elements Tab visits inside `root`, in document order (shown ones only). */
export function tabbables(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(TABBABLE)).filter(
    (el) => el.tabIndex >= 0 && shown(el),
  );
}

/**
 * Take controls that are never shown (leva keeps its folded filter field in the page) out of the tab order, so
 * Tab never lands on something invisible.
 */
export function untabHidden(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>(TABBABLE)) if (!shown(el)) el.tabIndex = -1;
}

/** The element Tab would reach after `element` within its own tree (the viewer's shadow root), or null. */
export function nextTabbable(element: HTMLElement): HTMLElement | null {
  const all = tabbables(element.getRootNode() as ParentNode);
  return all[all.indexOf(element) + 1] ?? null;
}

/**
 * Focus the first control in `container` as soon as one is rendered (a lazily loaded panel fills in over a few
 * frames); gives up after about two seconds. Returns a cancel function.
 */
export function focusFirstWhenRendered(container: HTMLElement): () => void {
  let frames = 120;
  let id = 0;
  const attempt = () => {
    const first = tabbables(container)[0];
    if (first) {
      untabHidden(container);
      first.focus();
    } else if (frames-- > 0) id = requestAnimationFrame(attempt);
  };
  id = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(id);
}
