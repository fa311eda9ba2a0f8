import type { ViewerEventName, ViewerEvents } from '../../playback/viewerEvents';
import type { SpineProcedureViewerElement } from '../SpineProcedureViewerElement';

/**
 * The DOM events of `<spine-procedure-viewer>` by name, each a `CustomEvent` with its `detail`. Derived from the
 * one list the element dispatches (VIEWER_EVENTS) and the controller's event shapes, so an event added there is
 * typed here without another edit.
 */
export type SpineProcedureViewerEventMap = {
  [K in ViewerEventName]: CustomEvent<ViewerEvents[K]>;
};

/** The `detail` of one of the viewer's events. */
export type SpineProcedureViewerEventDetail<K extends ViewerEventName> = ViewerEvents[K];

/** A listener of one of the viewer's events, called with the element as `this`. */
type ViewerListener<K extends ViewerEventName> = (
  this: SpineProcedureViewerElement,
  event: SpineProcedureViewerEventMap[K],
) => unknown;

type HtmlListener<K extends keyof HTMLElementEventMap> = (
  this: SpineProcedureViewerElement,
  event: HTMLElementEventMap[K],
) => unknown;

/*
 * Typed addEventListener/removeEventListener on the element, the way lib.dom types HTMLVideoElement: the viewer's
 * own events first (its `play`, `error` … are CustomEvents with a detail), then every HTMLElement event, then any
 * name. Not added to the global HTMLElementEventMap: that would claim every element fires `stepchange`, and its
 * `play`/`error` entries already have other types there.
 */
declare module '../SpineProcedureViewerElement' {
  interface SpineProcedureViewerElement {
    addEventListener<K extends ViewerEventName>(
      type: K,
      listener: ViewerListener<K>,
      options?: boolean | AddEventListenerOptions,
    ): void;
    addEventListener<K extends keyof HTMLElementEventMap>(
      type: K,
      listener: HtmlListener<K>,
      options?: boolean | AddEventListenerOptions,
    ): void;
    addEventListener(
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | AddEventListenerOptions,
    ): void;
    removeEventListener<K extends ViewerEventName>(
      type: K,
      listener: ViewerListener<K>,
      options?: boolean | EventListenerOptions,
    ): void;
    removeEventListener<K extends keyof HTMLElementEventMap>(
      type: K,
      listener: HtmlListener<K>,
      options?: boolean | EventListenerOptions,
    ): void;
    removeEventListener(
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | EventListenerOptions,
    ): void;
  }
}
