import { LEVEL_IDS, type LevelId } from '../anatomy/levels';
import { hasLanguage, translate, type MessageKey, type MessageParams } from '../i18n/catalog';
import { PLAYBACK_RATES, type PlaybackRate } from '../playback/playbackStore';
import { clampTime, findStep, timelineFor } from '../procedure/timeline';
import { mapTimeToProcedure } from '../procedure/toggleMapping';
import { APPROACHES, GRADES, MORPHOLOGIES, PROCEDURE_IDS, STEP_IDS, type StepId } from '../procedure/types';
import { AUDIENCES, CONTROLS, POLARITIES, VIEWS } from '../playback/viewerSettings';
import { displayValue } from './displayValue';
import { DEFAULT_OPTIONS, OPTION_NAMES, type OptionName, type ViewerOptions } from './viewerOptions';

export { displayValue };

/** A value the viewer ignored, said politely; rendered as text only. */
export interface Notice {
  option: OptionName;
  key: MessageKey;
  params: MessageParams;
}

export interface ParsedOptions {
  options: ViewerOptions;
  notices: Notice[];
}

/** Raw inputs by option name; a URL's repeated key arrives as its first value. */
export type RawOptions = Partial<Record<OptionName, string | null>>;

function pick<T extends string | number>(allowed: readonly T[], value: string): T | undefined {
  const wanted = value.trim().toLowerCase();
  return allowed.find((a) => String(a).toLowerCase() === wanted);
}

function parseBoolean(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  return undefined;
}

/** Strict decimal seconds: "40", "12.5"; rejects "1e3", "0x10", "40s", "", NaN, Infinity. */
function parseSeconds(value: string): number | undefined {
  const v = value.trim();
  if (!/^-?\d{1,7}(\.\d{1,6})?$/.test(v)) return undefined;
  return Number(v);
}

/**
 * Validate every input against its allow-list. Bad values give a notice naming the value and the default used.
 */
export function parseOptions(raw: RawOptions, lang = DEFAULT_OPTIONS.lang): ParsedOptions {
  const options: ViewerOptions = { ...DEFAULT_OPTIONS };
  const notices: Notice[] = [];
  const reject = (option: OptionName, value: string, fallback: string | number) =>
    notices.push({
      option,
      key: 'notice.invalid',
      params: {
        name: option,
        value: displayValue(value),
        expected: translate(
          lang,
          `expected.${option === 'loop' || option === 'autoplay' ? 'boolean' : option}` as MessageKey,
        ),
        fallback,
      },
    });
  const enumOption = <K extends OptionName, T extends string | number>(
    name: K,
    allowed: readonly T[],
  ): T | undefined => {
    const value = raw[name];
    if (value == null) return undefined;
    const hit = pick(allowed, value);
    if (hit === undefined) reject(name, value, String(DEFAULT_OPTIONS[name]));
    return hit;
  };

  options.procedure = enumOption('procedure', PROCEDURE_IDS) ?? options.procedure;
  options.level = enumOption('level', LEVEL_IDS) ?? (options.level as LevelId);
  options.grade = enumOption('grade', GRADES) ?? options.grade;
  options.morphology = enumOption('morphology', MORPHOLOGIES) ?? options.morphology;
  options.approach = enumOption('approach', APPROACHES) ?? options.approach;
  options.audience = enumOption('audience', AUDIENCES) ?? options.audience;
  options.view = enumOption('view', VIEWS) ?? options.view;
  options.controls = enumOption('controls', CONTROLS) ?? options.controls;
  options.polarity = enumOption('polarity', POLARITIES) ?? options.polarity;
  if (raw.rate != null) {
    const text = raw.rate.trim().replace(/[x×]$/i, '');
    const rate = /^\d(\.\d{1,3})?$/.test(text) ? PLAYBACK_RATES.find((r) => r === Number(text)) : undefined;
    if (rate === undefined) reject('rate', raw.rate, '1');
    else options.rate = rate as PlaybackRate;
  }

  for (const name of ['autoplay', 'loop'] as const) {
    const value = raw[name];
    if (value == null) continue;
    const parsed = parseBoolean(value);
    if (parsed === undefined) reject(name, value, String(DEFAULT_OPTIONS[name]));
    else options[name] = parsed;
  }

  if (raw.lang != null) {
    const code = raw.lang.trim().toLowerCase();
    if (hasLanguage(code)) options.lang = code;
    else reject('lang', raw.lang, DEFAULT_OPTIONS.lang);
  }

  const timeline = timelineFor(options.procedure);
  if (raw.step != null) {
    const id = pick(STEP_IDS, raw.step);
    if (id === undefined) {
      reject('step', raw.step, translate(lang, 'notice.firstStep'));
    } else if (!findStep(timeline, id)) {
      // A kyphoplasty-only step asked of vertebroplasty: go where the toggle would go.
      const mapped = mapTimeToProcedure(
        timelineFor('kyphoplasty'),
        findStep(timelineFor('kyphoplasty'), id)!.start,
        options.procedure,
      );
      const landed: StepId = timeline.steps.find((s) => s.start === mapped)?.id ?? 'overview';
      options.step = landed;
      notices.push({
        option: 'step',
        key: 'notice.stepNotInProcedure',
        params: {
          value: displayValue(raw.step),
          procedure: translate(lang, `procedure.${options.procedure}`),
          fallback: translate(lang, `step.${landed}.title`),
        },
      });
    } else {
      options.step = id;
    }
  }

  if (raw.time != null) {
    const seconds = parseSeconds(raw.time);
    if (seconds === undefined) {
      reject('time', raw.time, 0);
    } else {
      const clamped = clampTime(timeline, seconds);
      if (clamped !== seconds) {
        notices.push({
          option: 'time',
          key: 'notice.timeClamped',
          params: { value: displayValue(raw.time), duration: timeline.duration, fallback: clamped },
        });
      }
      options.time = clamped;
    }
  }
  return { options, notices };
}

/** Read options from a query string; `t` is accepted as the short form of `time`. Only the first of repeated keys counts. */
export function rawOptionsFromSearch(search: string): RawOptions {
  const params = new URLSearchParams(search);
  const raw: RawOptions = {};
  for (const name of OPTION_NAMES) {
    const value = params.get(name);
    if (value !== null) raw[name] = value;
  }
  const t = params.get('t');
  if (t !== null && raw.time === undefined) raw.time = t;
  return raw;
}

/** The start time the options ask for: `time` wins, else the step's start, else 0. */
export function startTimeOf(options: ViewerOptions): number {
  if (options.time !== null) return options.time;
  if (options.step) return findStep(timelineFor(options.procedure), options.step)?.start ?? 0;
  return 0;
}

export function noticeText(notice: Notice, lang: string): string {
  return translate(lang, notice.key, notice.params);
}
