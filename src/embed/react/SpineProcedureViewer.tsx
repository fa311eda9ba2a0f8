import { createElement, forwardRef, useEffect, useImperativeHandle, useRef, type ForwardedRef } from 'react';
import { VIEWER_EVENTS } from '../../playback/viewerEvents';
import '../viewerEntry';
import type { SpineProcedureViewerElement } from '../SpineProcedureViewerElement';
import { attributeName, eventProp, type SpineProcedureViewerProps } from './viewerProps';

export type {
  SpineProcedureViewerElementProps,
  SpineProcedureViewerEventProps,
  SpineProcedureViewerProps,
} from './viewerProps';
export type { SpineProcedureViewerElement } from '../SpineProcedureViewerElement';

type Handler = (detail: unknown) => void;

/**
 * `<SpineProcedureViewer>`: the `<spine-procedure-viewer>` element for React. Props become attributes (set before
 * the element connects, so the first frame is already the requested one); the ref is the element itself, with
 * `play()`, `pause()`, `currentTime`, `getState()` and the rest of its API.
 */
export const SpineProcedureViewer = forwardRef(function SpineProcedureViewer(
  props: SpineProcedureViewerProps,
  ref: ForwardedRef<SpineProcedureViewerElement | null>,
) {
  const element = useRef<SpineProcedureViewerElement>(null);
  useImperativeHandle<SpineProcedureViewerElement | null, SpineProcedureViewerElement | null>(
    ref,
    () => element.current,
  );
  // Latest callbacks, read by listeners added once (a new inline callback each render costs nothing).
  const handlers = useRef(props);
  useEffect(() => {
    handlers.current = props;
  });
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const offs = VIEWER_EVENTS.map((type) => {
      const prop = eventProp(type);
      const listener = (e: Event) =>
        (handlers.current as Record<string, Handler | undefined>)[prop]?.((e as CustomEvent).detail);
      el.addEventListener(type, listener);
      return () => el.removeEventListener(type, listener);
    });
    return () => offs.forEach((off) => off());
  }, []);

  const { className, style, ...rest } = props;
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(rest)) {
    if (name.startsWith('on') || value === undefined || value === null) continue;
    // False is written out, since some options (cutaway, torso) are on by default.
    attributes[attributeName(name)] = String(value);
  }
  return createElement('spine-procedure-viewer', {
    ref: element,
    class: className,
    style,
    ...attributes,
    // The element gives itself `role` and its localised `aria-label` when the browser upgrades it, before a
    // server-rendered page hydrates: those two attributes are the element's, not a mismatch.
    suppressHydrationWarning: true,
  });
});
