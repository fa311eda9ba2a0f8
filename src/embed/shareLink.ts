import type { ViewerController } from '../playback/viewerController';
import type { ViewerSettings } from '../playback/viewerSettings';
import { stepIndexAt } from '../procedure/timeline';
import type { StepId } from '../procedure/types';
import { DEFAULT_OPTIONS, OPTION_NAMES } from './viewerOptions';

/** Where share links point, per viewer (the element's `share-url`), and for viewers without one. */
const bases = new WeakMap<ViewerController, string>();
let defaultBase: string | null = null;

/**
 * The page share links open when a viewer has no `share-url`: the standalone page passes its own address, the
 * script-tag bundle the standalone page next to itself.
 */
export function setDefaultShareBase(url: string): void {
  defaultBase = url;
}

export function setShareBase(controller: ViewerController, url: string | null): void {
  if (url) bases.set(controller, url);
  else bases.delete(controller);
}

/** Seconds as the URL's `t`: up to 6 decimals (the most `t` accepts), no trailing zeros, never an exponent. */
export function formatSeconds(t: number): string {
  const fixed = Math.max(0, t).toFixed(6);
  return fixed.replace(/\.?0+$/, '') || '0';
}

/**
 * A link that reopens the viewer at exactly this frame: procedure, level, grade, step and t always, plus every
 * other setting that changes the picture when it differs from the default. Other parameters of the base stay.
 */
export function buildShareLink(base: string, settings: ViewerSettings, step: StepId, time: number): string {
  const url = new URL(base);
  for (const name of [...OPTION_NAMES, 't']) url.searchParams.delete(name);
  url.searchParams.set('procedure', settings.procedure);
  url.searchParams.set('level', settings.level);
  url.searchParams.set('grade', String(settings.grade));
  url.searchParams.set('step', step);
  url.searchParams.set('t', formatSeconds(time));
  const optional = ['morphology', 'approach', 'view', 'audience', 'lang', 'polarity'] as const;
  for (const name of optional) {
    if (settings[name] !== DEFAULT_OPTIONS[name]) url.searchParams.set(name, String(settings[name]));
  }
  url.hash = '';
  return url.href;
}

/** The share link for a viewer at its current time. */
export function shareLinkFor(controller: ViewerController): string {
  const base = bases.get(controller) ?? defaultBase ?? window.location.href;
  const time = controller.playback.getTime();
  const timeline = controller.getTimeline();
  const step = timeline.steps[stepIndexAt(timeline, time)]!.id;
  return buildShareLink(new URL(base, window.location.href).href, controller.getSettings(), step, time);
}
