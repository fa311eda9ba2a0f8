/** What `exportVideo()` accepts; every field is optional. */
export interface VideoExportOptions {
  /** Start, in seconds of the timeline (default 0). */
  from?: number;
  /** End, in seconds of the timeline (default: the whole timeline). */
  to?: number;
  /** Frames per second, 1 to 60 (default 30). */
  fps?: number;
  /** Width in pixels (default 1280; rounded to an even number; at most 3840). */
  width?: number;
  /** Height in pixels (default 720; rounded to an even number; at most 2160, or 3840 for an upright video). */
  height?: number;
  /** Burn the step's title and plain caption into the picture (default true). */
  captions?: boolean;
  /** Abort the export: the promise rejects with an AbortError and the viewer is put back as it was. */
  signal?: AbortSignal;
}

/** A checked export: the range, frame rate and size to render, and every frame's time. */
export interface VideoPlan {
  from: number;
  to: number;
  fps: number;
  width: number;
  height: number;
  captions: boolean;
  /** How many frames are rendered: the range times the frame rate, at least one. */
  frames: number;
}

export const VIDEO_DEFAULTS = { fps: 30, width: 1280, height: 720, captions: true } as const;
/** 4K UHD: larger frames exceed what hardware encoders (and a patient's phone) handle. */
export const MAX_LONG_SIDE = 3840;
export const MAX_SHORT_SIDE = 2160;
/** Below this a caption cannot be read. */
export const MIN_SIDE = 64;
export const MIN_FPS = 1;
export const MAX_FPS = 60;

/** Result of checking the options: a plan, or a message saying what is wrong. */
export type PlanResult = { plan: VideoPlan } | { error: string };

const TOLERANCE = 1e-6;

function show(value: unknown): string {
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  return typeof value;
}

function numberOr(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function checkSize(name: 'width' | 'height', raw: unknown, fallback: number): number | string {
  const value = numberOr(raw, fallback);
  if (value === undefined || value < MIN_SIDE)
    return `exportVideo ${name} must be a number of pixels from ${MIN_SIDE} to ${MAX_LONG_SIDE}, got ${show(raw)}`;
  if (value > MAX_LONG_SIDE)
    return `exportVideo ${name} must be at most ${MAX_LONG_SIDE} pixels, got ${value}`;
  // H.264 works on 2×2 chroma blocks: even sizes only.
  return Math.round(value / 2) * 2;
}

/** Check the options against the timeline's duration: a plan of frames, or the first problem found. */
export function planVideo(options: unknown, duration: number): PlanResult {
  if (options !== undefined && (options === null || typeof options !== 'object'))
    return { error: `exportVideo options must be an object, got ${show(options)}` };
  const o = (options ?? {}) as Record<string, unknown>;
  const from = numberOr(o.from, 0);
  const to = numberOr(o.to, duration);
  const end = duration.toFixed(1);
  if (from === undefined || from < 0 || from > duration + TOLERANCE)
    return { error: `exportVideo from must be a time from 0 to ${end} seconds, got ${show(o.from)}` };
  if (to === undefined || to < 0 || to > duration + TOLERANCE)
    return { error: `exportVideo to must be a time from 0 to ${end} seconds, got ${show(o.to)}` };
  if (from >= to) return { error: `exportVideo from (${from}) must be before to (${to})` };
  const fps = numberOr(o.fps, VIDEO_DEFAULTS.fps);
  if (fps === undefined || fps < MIN_FPS || fps > MAX_FPS)
    return { error: `exportVideo fps must be from ${MIN_FPS} to ${MAX_FPS}, got ${show(o.fps)}` };
  const width = checkSize('width', o.width, VIDEO_DEFAULTS.width);
  if (typeof width === 'string') return { error: width };
  const height = checkSize('height', o.height, VIDEO_DEFAULTS.height);
  if (typeof height === 'string') return { error: height };
  if (Math.min(width, height) > MAX_SHORT_SIDE)
    return {
      error: `exportVideo size ${width}×${height} is larger than 4K (${MAX_LONG_SIDE}×${MAX_SHORT_SIDE})`,
    };
  if (o.captions !== undefined && typeof o.captions !== 'boolean')
    return { error: `exportVideo captions must be true or false, got ${show(o.captions)}` };
  if (o.signal !== undefined && !(typeof AbortSignal !== 'undefined' && o.signal instanceof AbortSignal))
    return { error: 'exportVideo signal must be an AbortSignal' };
  const frames = Math.max(1, Math.round((to - from) * fps));
  const captions = o.captions ?? VIDEO_DEFAULTS.captions;
  return { plan: { from, to, fps, width, height, captions, frames } };
}

/** The timeline time of frame `index`: frames sample the range evenly from its start, never past its end. */
export function frameTime(plan: VideoPlan, index: number): number {
  return Math.min(plan.to, plan.from + index / plan.fps);
}
