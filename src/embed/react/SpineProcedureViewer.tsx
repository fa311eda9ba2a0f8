import {
  createElement,
  forwardRef,
  useEffect,
  useImperativeHandle,
  useRef,
  type CSSProperties,
  type ForwardedRef,
} from 'react';
import { OPTION_SCHEMA, type OptionKey } from '../../options/optionSchema';
import type { ViewerEventName } from '../../playback/viewerEvents';
import '../viewerEntry';
import type { SpineProcedureViewerElement } from '../SpineProcedureViewerElement';

/** Detail of the viewer's DOM events (see the README's element API). */
export type ViewerEventDetail = Record<string, unknown>;
type Handler = (detail: ViewerEventDetail) => void;

/** SpineProcedureViewerProps: the element's attributes as props, plus its events as callbacks. */
export interface SpineProcedureViewerProps {
  /** `kyphoplasty` (default) or `vertebroplasty`. */
  procedure?: 'kyphoplasty' | 'vertebroplasty';
  /** Treated level, `T1` … `L5` (default `L1`). */
  level?: string;
  /** Genant grade 1, 2 or 3 (default 2). */
  grade?: 1 | 2 | 3;
  /** `wedge` (default), `biconcave` or `crush`. */
  morphology?: 'wedge' | 'biconcave' | 'crush';
  /** `bipedicular` (default) or `unipedicular`. */
  approach?: 'bipedicular' | 'unipedicular';
  /** Start at this step's first frame (a step id such as `cement-injection`). */
  step?: string;
  /** Start time in seconds; wins over `step`. */
  time?: number;
  /** Start playing once the first frame is drawn (not honoured with prefers-reduced-motion). */
  autoplay?: boolean;
  /** Start again at the end. */
  loop?: boolean;
  /** Playback rate 0.5, 1 or 2. */
  rate?: 0.5 | 1 | 2;
  /** A language with a catalog (default `en`). */
  lang?: string;
  /** `patient` (plain captions, default) or `clinician`. */
  audience?: 'patient' | 'clinician';
  /** `3d` (default), `fluoro` (the view being taken), `ap` or `lateral` (that view only), or `split` (both). */
  view?: '3d' | 'fluoro' | 'ap' | 'lateral' | 'split';
  /** `full` (default), `minimal` or `none`. */
  controls?: 'full' | 'minimal' | 'none';
  /** X-ray polarity: `bone-white` (default) or `bone-black`. */
  polarity?: 'bone-white' | 'bone-black';
  /** X-ray detector: `intensifier` (default, round) or `flat-panel` (square). */
  detector?: 'intensifier' | 'flat-panel';
  /** Trabecular density on the X-ray: `osteoporotic` (default) or `healthy`. */
  bone?: 'osteoporotic' | 'healthy';
  /** Anatomy labels (default false). */
  labels?: boolean;
  /** Cut-away of the treated vertebra while the action is inside it (default true). */
  cutaway?: boolean;
  /** The patient's body around the spine (default true). */
  torso?: boolean;
  /** Poster image URL shown until the viewer is revealed; an empty string shows none. */
  poster?: string;
  /** `auto` (default: mount when scrolled into view) or `interaction` (mount when the poster is pressed). */
  reveal?: 'auto' | 'interaction';
  /** The page that "copy link to this moment" links to. */
  shareUrl?: string;
  /** Accessible name of the viewer. */
  alt?: string;
  className?: string;
  style?: CSSProperties;
  onReady?: Handler;
  onTimeUpdate?: Handler;
  onStepChange?: Handler;
  onPlay?: Handler;
  onPause?: Handler;
  onSeeked?: Handler;
  onEnded?: Handler;
  onProcedureChange?: Handler;
  onRateChange?: Handler;
  onError?: Handler;
}

const EVENT_PROPS = {
  ready: 'onReady',
  timeupdate: 'onTimeUpdate',
  stepchange: 'onStepChange',
  play: 'onPlay',
  pause: 'onPause',
  seeked: 'onSeeked',
  ended: 'onEnded',
  procedurechange: 'onProcedureChange',
  ratechange: 'onRateChange',
  error: 'onError',
} as const satisfies Record<ViewerEventName, keyof SpineProcedureViewerProps>;

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
    const offs = Object.entries(EVENT_PROPS).map(([type, prop]) => {
      const listener = (e: Event) => handlers.current[prop]?.((e as CustomEvent<ViewerEventDetail>).detail);
      el.addEventListener(type, listener);
      return () => el.removeEventListener(type, listener);
    });
    return () => offs.forEach((off) => off());
  }, []);

  const { className, style, ...rest } = props;
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(rest)) {
    if (name.startsWith('on') || value === undefined || value === null) continue;
    // Attribute names come from the options schema (`shareUrl` → `share-url`); false is written out, since
    // some options (cutaway, torso) are on by default.
    const attribute = OPTION_SCHEMA[name as OptionKey]?.attribute ?? name;
    attributes[attribute] = String(value);
  }
  return createElement('spine-procedure-viewer', { ref: element, class: className, style, ...attributes });
});
