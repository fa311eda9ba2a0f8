import type { Page } from 'playwright-core';

/** One measured pair: what was measured, its colour, the colour behind it, and their contrast ratio. */
export interface ContrastPair {
  name: string;
  fore: string;
  back: string;
  ratio: number;
}

/**
 * What to measure: `selector` finds the element (`>>>` steps into the viewer's shadow root), `fore` is the style
 * property of its visible shape (e.g. `backgroundColor`, `borderTopColor`), and `against` is either a selector for
 * the element behind it or 'parent' (the nearest ancestor with an opaque background).
 */
export interface ContrastProbe {
  name: string;
  selector: string;
  fore: 'backgroundColor' | 'borderTopColor' | 'color';
  against: 'parent' | { selector: string; prop: 'backgroundColor' | 'borderTopColor' };
}

/** Measure computed-style contrast ratios (WCAG relative luminance) in the page; missing elements are reported. */
export function measureContrast(page: Page, probes: ContrastProbe[]): Promise<ContrastPair[]> {
  return page.evaluate((list) => {
    const find = (selector: string): HTMLElement | null => {
      const [host, inner] = selector.split(' >>> ');
      if (!inner) return document.querySelector<HTMLElement>(host!);
      return document.querySelector(host!)?.shadowRoot?.querySelector<HTMLElement>(inner) ?? null;
    };
    const rgba = (css: string): number[] => (css.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number);
    const opaque = (css: string) => {
      const c = rgba(css);
      return c.length < 4 || c[3]! > 0.99;
    };
    const luminance = (css: string) => {
      const [r, g, b] = rgba(css).map((v) => v / 255);
      const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const behind = (el: HTMLElement): string => {
      let node: Element | null = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null;
      while (node) {
        const bg = getComputedStyle(node).backgroundColor;
        if (opaque(bg)) return bg;
        node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
      }
      return 'rgb(255, 255, 255)';
    };
    return list.map((probe) => {
      const el = find(probe.selector);
      if (!el) return { name: `${probe.name} (missing)`, fore: '', back: '', ratio: 0 };
      const fore = getComputedStyle(el)[probe.fore];
      let back: string;
      if (probe.against === 'parent') back = behind(el);
      else {
        const other = find(probe.against.selector);
        back = other ? getComputedStyle(other)[probe.against.prop] : '';
      }
      const [a, b] = [luminance(fore), luminance(back)];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      return { name: probe.name, fore, back, ratio: Math.round(ratio * 100) / 100 };
    });
  }, probes);
}
