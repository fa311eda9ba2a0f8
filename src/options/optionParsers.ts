import { hasLanguage } from '../i18n/catalog';

/** Turns a raw input (attribute or URL text, property or protocol value) into a value, or undefined if not allowed. */
export type OptionParser<T> = (value: unknown) => T | undefined;

/** Text of a raw input: strings as they are, numbers and booleans as written; anything else is not an option. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** One of a list, case-insensitive and trimmed, whatever the input's type ("L1", "l1 ", 2 and "2" alike). */
export function oneOf<T extends string | number>(allowed: readonly T[]): OptionParser<T> {
  return (value) => {
    const text = textOf(value)?.trim().toLowerCase();
    if (text === undefined) return undefined;
    return allowed.find((a) => String(a).toLowerCase() === text);
  };
}

/** HTML-style booleans: the bare attribute (""), true/1/yes and false/0/no. */
export const booleanValue: OptionParser<boolean> = (value) => {
  const v = textOf(value)?.trim().toLowerCase();
  if (v === '' || v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  return undefined;
};

/** Strict decimal seconds: "40", "12.5", 40; rejects "1e3", "0x10", "40s", "", NaN, Infinity. */
export const seconds: OptionParser<number> = (value) => {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) < 1e7 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return /^-?\d{1,7}(\.\d{1,6})?$/.test(v) ? Number(v) : undefined;
};

/** A playback rate from the list, also written "2x" or "2×". */
export function rateOf<T extends number>(rates: readonly T[]): OptionParser<T> {
  return (value) => {
    const text = textOf(value)?.trim().replace(/[x×]$/i, '');
    if (text === undefined || !/^\d(\.\d{1,3})?$/.test(text)) return undefined;
    return rates.find((r) => r === Number(text));
  };
}

/** A language with a shipped catalog ("EN" → "en"). */
export const language: OptionParser<string> = (value) => {
  const code = textOf(value)?.trim().toLowerCase();
  return code !== undefined && hasLanguage(code) ? code : undefined;
};

/** The page's own address, against which relative URLs resolve (a fixed one outside a browser). */
function documentBase(): string {
  return typeof document !== 'undefined' ? document.baseURI : 'http://localhost/';
}

/**
 * An http(s) URL, resolved against the page; anything else (`javascript:`, `data:`, a malformed `http://[`) is
 * refused. With `sameOrigin`, only the page's own origin (what `img-src 'self'` under a strict CSP allows).
 */
export function httpUrl(options: { sameOrigin?: boolean } = {}): OptionParser<string> {
  return (value) => {
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    let url: URL;
    try {
      url = new URL(value.trim(), documentBase());
    } catch {
      return undefined;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (options.sameOrigin && url.origin !== new URL(documentBase()).origin) return undefined;
    return url.href;
  };
}

/** The items of a list written "T12,L1", "T12 L1" or given as an array; undefined if it is neither. */
function listItems(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  const text = textOf(value);
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(/[\s,;]+/);
}

/**
 * A list of distinct allowed values, at most `max` long ("" and [] are the empty list); undefined when any item is
 * not allowed, an item repeats, or the list is too long.
 */
export function distinctListOf<T>(item: OptionParser<T>, max: number): OptionParser<readonly T[]> {
  return (value) => {
    const items = listItems(value);
    if (!items || items.length > max) return undefined;
    const parsed = items.map(item);
    if (parsed.some((p) => p === undefined)) return undefined;
    const values = parsed as T[];
    return new Set(values).size === values.length ? values : undefined;
  };
}

/** One value ("2"), or a list of them for several levels ("2,3" or [2, 3]); undefined if any item is not allowed. */
export function oneOrListOf<T>(item: OptionParser<T>, max: number): OptionParser<T | readonly T[]> {
  return (value) => {
    const items = listItems(value);
    if (!items || items.length === 0 || items.length > max) return undefined;
    const parsed = items.map(item);
    if (parsed.some((p) => p === undefined)) return undefined;
    return parsed.length === 1 ? (parsed[0] as T) : (parsed as T[]);
  };
}
