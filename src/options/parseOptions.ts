import { translate } from '../i18n/catalog';
import { clampTime, findStep, timelineFor } from '../procedure/timeline';
import { mapTimeToProcedure } from '../procedure/toggleMapping';
import { stepLanding } from '../procedure/stepNavigation';
import type { StepId, Timeline } from '../procedure/types';
import { reconcileLevelLists } from './levelLists';
import { displayValue } from './displayValue';
import {
  DEFAULT_OPTIONS,
  OPTION_KEYS,
  OPTION_SCHEMA,
  type OptionKey,
  type StepKey,
  type ViewerOptions,
} from './optionSchema';
import type { Notice } from './notice';

export type { Notice } from './notice';

export interface ParsedOptions {
  options: ViewerOptions;
  notices: Notice[];
}

/** Raw inputs by option; a URL's repeated key arrives as its first value. */
export type RawOptions = Partial<Record<OptionKey, unknown>>;

/**
 * The notice for a value an option does not accept: names the value, what to use, and what is used instead (the
 * default, or the value kept when a running viewer refuses a change).
 */
export function invalidNotice(option: OptionKey, value: unknown, lang: string, kept?: string): Notice {
  return {
    option,
    key: 'notice.invalid',
    params: {
      name: OPTION_SCHEMA[option].attribute,
      value: displayValue(String(value)),
      expected: translate(lang, OPTION_SCHEMA[option].expected),
      fallback: kept ?? fallbackText(option, lang),
    },
  };
}

/** How a notice names the default used instead of a bad value. */
function fallbackText(option: OptionKey, lang: string): string {
  if (option === 'step') return translate(lang, 'notice.firstStep');
  if (option === 'time') return '0';
  const fallback = OPTION_SCHEMA[option].default;
  return fallback === null || fallback === '' ? translate(lang, 'notice.none') : String(fallback);
}

/** Parse one option's raw value: the value, or the default and a notice. */
export function parseOption<K extends OptionKey>(
  option: K,
  raw: unknown,
  lang: string,
): { value: ViewerOptions[K]; notice: Notice | null } {
  const value = OPTION_SCHEMA[option].parse(raw);
  if (value !== undefined) return { value, notice: null };
  return { value: OPTION_SCHEMA[option].default, notice: invalidNotice(option, raw, lang) };
}

/** A step asked of a procedure that lacks it lands where the procedure toggle would land. */
function stepInProcedure(step: StepId, timeline: Timeline): StepKey | null {
  if (findStep(timeline, step)) return step;
  const kypho = timelineFor('kyphoplasty', timeline.levels);
  const mapped = mapTimeToProcedure(kypho, findStep(kypho, step)!.start, timeline.procedure);
  return (timeline.steps.find((s) => s.start === mapped)?.key as StepKey | undefined) ?? null;
}

/** The timeline the options ask for: the procedure, for its one level or each of its levels. */
export function timelineOfOptions(options: Pick<ViewerOptions, 'procedure' | 'levels'>): Timeline {
  return timelineFor(options.procedure, options.levels);
}

/**
 * Validate every input against the schema. Bad values give a notice naming the value and the default used. The
 * step is checked against the chosen procedure, and the time clamped to its duration.
 */
export function parseOptions(raw: RawOptions, lang = DEFAULT_OPTIONS.lang): ParsedOptions {
  const options: ViewerOptions = { ...DEFAULT_OPTIONS };
  const notices: Notice[] = [];
  for (const key of OPTION_KEYS) {
    if (raw[key] == null) continue;
    const { value, notice } = parseOption(key, raw[key], lang);
    (options as unknown as Record<OptionKey, unknown>)[key] = value;
    if (notice) notices.push(notice);
  }
  const levels = reconcileLevelLists(options, lang);
  Object.assign(options, levels.values);
  notices.push(...levels.notices);
  const timeline = timelineOfOptions(options);
  if (options.step && !findStep(timeline, options.step)) {
    const id = options.step.split('@')[0] as StepId;
    const landed = stepInProcedure(id, timeline) ?? 'overview';
    notices.push({
      option: 'step',
      key: 'notice.stepNotInProcedure',
      params: {
        value: displayValue(String(raw.step)),
        procedure: translate(lang, `procedure.${options.procedure}`),
        fallback: translate(lang, `step.${findStep(timeline, landed)!.id}.title`),
      },
    });
    options.step = landed;
  }
  if (options.time !== null) {
    const clamped = clampTime(timeline, options.time);
    if (clamped !== options.time) {
      notices.push({
        option: 'time',
        key: 'notice.timeClamped',
        params: { value: displayValue(String(raw.time)), duration: timeline.duration, fallback: clamped },
      });
      options.time = clamped;
    }
  }
  return { options, notices };
}

/** Read options from a query string; `t` is accepted as the short form of `time`. Only the first of repeated keys counts. */
export function rawOptionsFromSearch(search: string): Record<string, string> {
  const params = new URLSearchParams(search);
  const raw: Record<string, string> = {};
  for (const key of OPTION_KEYS) {
    const { attribute, inUrl } = OPTION_SCHEMA[key];
    const value = params.get(attribute);
    if (inUrl && value !== null) raw[attribute] = value;
  }
  const t = params.get('t');
  if (t !== null && raw.time === undefined) raw.time = t;
  return raw;
}

/** The start time the options ask for: `time` wins, else the frame that shows the step's action, else 0. */
export function startTimeOf(options: Pick<ViewerOptions, 'time' | 'step' | 'procedure' | 'levels'>): number {
  if (options.time !== null) return options.time;
  if (options.step) return stepLanding(timelineOfOptions(options), options.step) ?? 0;
  return 0;
}

export function noticeText(notice: Notice, lang: string): string {
  return translate(lang, notice.key, notice.params);
}
