import {
  DEFAULT_LANG,
  hasLanguage,
  hasMessage,
  translate,
  type MessageKey,
  type MessageParams,
} from '../i18n/catalog';
import { accessPlan } from '../procedure/accessPath';
import { hasLeak } from '../procedure/complications';
import type { Complication, ProcedureId, StepId } from '../procedure/types';
import type { CaptionProcedure } from './procedureCaptionParams';

export type CaptionRegister = 'plain' | 'clinical';

/** What a step's caption depends on besides the step: the language, the needles in use and the quoted figures. */
export interface CaptionContext {
  lang: string;
  needles: number;
  params: MessageParams;
  /** A cement leak being shown: the cement steps add a sentence on it. */
  complication?: Complication;
  /** How many levels the session treats (a shared step's caption then speaks of all of them). */
  levels?: number;
  /** The procedure: the kyphoplasty result's picture has lines the caption names. */
  procedure?: ProcedureId;
}

/** The steps whose caption adds the leak's sentence: while cement goes in and while it sets. */
const LEAK_CAPTION_STEPS: readonly StepId[] = ['cement-injection', 'cement-hardening'];

/**
 * The needles the access plan really uses (1 or 2). Captions follow this, not the approach asked for: at T1–T4 a
 * bipedicular request becomes one medial needle.
 */
export function captionNeedleCount(settings: Pick<CaptionProcedure, 'level' | 'approach'>): number {
  return accessPlan(settings.level, settings.approach).needles.length;
}

/** The context CaptionPanel and Transcript render with, so both choose wording the same way. */
export function captionContext(
  settings: Pick<CaptionProcedure, 'level' | 'approach'> & {
    lang: string;
    procedure?: ProcedureId;
    complication?: Complication;
    levels?: readonly unknown[];
  },
  params: MessageParams,
): CaptionContext {
  const { lang, complication, procedure } = settings;
  const levels = Math.max(1, settings.levels?.length ?? 1);
  return { lang, needles: captionNeedleCount(settings), params, complication, levels, procedure };
}

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(lang: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

/**
 * The key to render for `count` needles: `<key>.<plural category>` (e.g. `step.closure.plain.one`) where the
 * language has that variant, else `<key>` itself, which each language words for its most common case (two needles
 * in English). Each language thus words its own singular and plural, by its own plural rules. A language without
 * the caption at all shows it in English, so English's variant is chosen by English's rules.
 */
export function countedKey(lang: string, key: MessageKey, count: number): MessageKey {
  const own = hasLanguage(lang) ? lang : DEFAULT_LANG;
  const variant = `${key}.${pluralCategory(own, count)}`;
  if (hasMessage(own, variant)) return variant;
  if (own === DEFAULT_LANG || hasMessage(own, key)) return key;
  return countedKey(DEFAULT_LANG, key, count);
}

/** A step's caption in the given register, worded for the number of needles actually used. */
export function stepCaption(context: CaptionContext, step: StepId, register: CaptionRegister): string {
  const base: MessageKey = `step.${step}.${register}`;
  const several = `${base}.several`;
  // With several levels, a shared step that has a wording for several bones uses it (in the language that has it).
  const own = hasLanguage(context.lang) && hasMessage(context.lang, several) ? context.lang : DEFAULT_LANG;
  const key =
    (context.levels ?? 1) > 1 && hasMessage(own, several)
      ? (several as MessageKey)
      : countedKey(context.lang, base, context.needles);
  let caption = translate(context.lang, key, context.params);
  // The kyphoplasty result shows where the endplate was and where it belongs (NormalShapeOutline): named here.
  if (step === 'result' && context.procedure === 'kyphoplasty')
    caption = `${caption} ${translate(context.lang, `result.lines.${register}`)}`;
  if (!hasLeak(context.complication) || !LEAK_CAPTION_STEPS.includes(step)) return caption;
  return `${caption} ${translate(context.lang, `complication.${context.complication}.${register}`)}`;
}
