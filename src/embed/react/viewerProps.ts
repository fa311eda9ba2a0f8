import type { CSSProperties, DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ViewerOptions } from '../../options/optionSchema';
import type { ViewerEventName, ViewerEvents } from '../../playback/viewerEvents';
import type { SpineProcedureViewerEventMap } from '../package/viewerEventMap';
import type { SpineProcedureViewerElement } from '../SpineProcedureViewerElement';

/**
 * An event's callback prop in React's own spelling of media events: `stepchange` → `onStepChange`, `timeupdate`
 * → `onTimeUpdate`, `loadedmetadata` → `onLoadedMetadata`, `play` → `onPlay`. Derived from the event list, so a
 * new event of the element is a prop here without another edit.
 */
type Camel<S extends string> = S extends `${infer A}change`
  ? `${Capitalize<A>}Change`
  : S extends `${infer A}update`
    ? `${Capitalize<A>}Update`
    : S extends `${infer A}metadata`
      ? `${Capitalize<A>}Metadata`
      : S extends `${infer A}data`
        ? `${Capitalize<A>}Data`
        : Capitalize<S>;

const WORDS = ['change', 'update', 'metadata', 'data'];
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The callback prop of an event, e.g. `onStepChange`. */
export type EventPropName<K extends string> = `on${Camel<K>}`;

/** The callback prop of an event (the runtime twin of `EventPropName`). */
export function eventProp<K extends string>(type: K): EventPropName<K> {
  const word = WORDS.find((w) => type.endsWith(w));
  const name = word ? `on${capital(type.slice(0, -word.length))}${capital(word)}` : `on${capital(type)}`;
  return name as EventPropName<K>;
}

/**
 * A prop's attribute: the options schema's attribute names are the option names in kebab case (`shareUrl` →
 * `share-url`; a unit test holds them to it), so the component needs no copy of the schema and its parsers.
 */
export function attributeName(prop: string): string {
  return prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The element's events as callback props, each called with the event's `detail`. */
export type SpineProcedureViewerEventProps = {
  [K in ViewerEventName as EventPropName<K>]?: (detail: ViewerEvents[K]) => void;
};

/** SpineProcedureViewerProps: the element's attributes as props, plus its events as callbacks. */
export interface SpineProcedureViewerProps extends SpineProcedureViewerEventProps {
  /** `kyphoplasty` (default) or `vertebroplasty`. */
  procedure?: ViewerOptions['procedure'];
  /** Treated level, `T1` … `L5` (default `L1`). */
  level?: ViewerOptions['level'];
  /** Genant grade 1, 2 or 3 (default 2). */
  grade?: ViewerOptions['grade'];
  /** `wedge` (default), `biconcave` or `crush`. */
  morphology?: ViewerOptions['morphology'];
  /** `bipedicular` (default) or `unipedicular`. */
  approach?: ViewerOptions['approach'];
  /** A cement leak to show: `none` (default), `venous`, `disc`, `epidural`, `foraminal` or `soft-tissue`. */
  complication?: ViewerOptions['complication'];
  /** Start at this step's first frame (a step id such as `cement-injection`). */
  step?: NonNullable<ViewerOptions['step']>;
  /** Start time in seconds; wins over `step`. */
  time?: number;
  /** Start playing once the first frame is drawn (not honoured with prefers-reduced-motion). */
  autoplay?: boolean;
  /** Start again at the end. */
  loop?: boolean;
  /** Playback rate 0.5, 1 or 2. */
  rate?: ViewerOptions['rate'];
  /** A language with a catalog (default: the reader's, else `en`). */
  lang?: string;
  /** `patient` (plain captions, default) or `clinician`. */
  audience?: ViewerOptions['audience'];
  /** What the viewer shows: `3d` (default), the X-ray, or both. */
  view?: ViewerOptions['view'];
  /** `full` (default), `minimal` or `none`. */
  controls?: ViewerOptions['controls'];
  /** X-ray polarity: `bone-white` (default) or `bone-black`. */
  polarity?: ViewerOptions['polarity'];
  /** X-ray detector: `intensifier` (default, round) or `flat-panel` (square). */
  detector?: ViewerOptions['detector'];
  /** Trabecular density on the X-ray: `osteoporotic` (default) or `healthy`. */
  bone?: ViewerOptions['bone'];
  /** Anatomy labels (default false). */
  labels?: boolean;
  /** Cut-away of the treated vertebra while the action is inside it (default true). */
  cutaway?: boolean;
  /** The patient's body around the spine (default true). */
  torso?: boolean;
  /** The open patient information panel (default `none`). */
  panel?: ViewerOptions['panel'];
  /** Speak each step's caption while playing (`on`) or not (`off`, default). */
  narration?: ViewerOptions['narration'];
  /** Poster image URL shown until the viewer is revealed; an empty string shows none. */
  poster?: string;
  /** `auto` (default: mount when scrolled into view) or `interaction` (mount when the poster is pressed). */
  reveal?: ViewerOptions['reveal'];
  /** The page that "copy link to this moment" links to. */
  shareUrl?: string;
  /** Accessible name of the viewer. */
  alt?: string;
  className?: string;
  style?: CSSProperties;
}

/**
 * Props of the bare `<spine-procedure-viewer>` tag in JSX (React 19 sets a property where the element has one and
 * an attribute otherwise, and `on<event>` props listen for that event): the options by attribute name, `ref` as
 * the element, and lower-case `on<event>` listeners receiving the typed CustomEvent.
 */
export type SpineProcedureViewerElementProps = DetailedHTMLProps<
  HTMLAttributes<SpineProcedureViewerElement>,
  SpineProcedureViewerElement
> & {
  [K in Exclude<keyof ViewerOptions, 'shareUrl'>]?: ViewerOptions[K];
} & {
  'share-url'?: string;
  alt?: string;
  class?: string;
} & {
  [K in ViewerEventName as `on${K}`]?: (event: SpineProcedureViewerEventMap[K]) => void;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types are a namespace
  namespace JSX {
    interface IntrinsicElements {
      'spine-procedure-viewer': SpineProcedureViewerElementProps;
    }
  }
}
