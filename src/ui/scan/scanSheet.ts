import type { RefObject } from 'react';
import { usePartStyles } from '../usePartStyles';
import scanCss from './scan.css?inline';

/**
 * Adopt the scan interface's styles into the viewer's shadow root (or the document) before its first paint: a
 * constructed sheet (CSP-safe) that comes with this lazy chunk, so viewers that never show it never load it.
 */
export function useScanSheet(ref: RefObject<Element | null>): void {
  usePartStyles(ref, scanCss);
}
